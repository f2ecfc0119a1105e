"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { updatePolicySettingsAction, type PolicySettingsResult } from "@/lib/actions/policy-settings";
import { useFormAction } from "@/components/ui/use-form-action";
import type { PolicySettingsFieldView } from "@/lib/data/policy-settings";

const RESET_FORM = "policy-settings-reset";

/** One form for every setting; each row shows the default and its source, and can be reset alone. */
export function PolicySettingsForm({ fields }: { fields: PolicySettingsFieldView[] }) {
  const t = useTranslations("policySettingsForm");
  const { result: state, onSubmit, pending } = useFormAction<PolicySettingsResult>(updatePolicySettingsAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <div className="space-y-4">
      <p
        role="status"
        aria-live="polite"
        className={
          state?.message ? (state.ok ? "rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900" : "rounded-lg bg-rose-50 p-3 text-sm text-rose-900") : "sr-only"
        }
      >
        {pending ? "" : [state?.message, errors.form].filter(Boolean).join(" ")}
      </p>
      {/* The reset buttons submit this form (their form attribute), so Enter in a field saves rather than resets. */}
      <form id={RESET_FORM} onSubmit={onSubmit} />
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {groups.map((group) => (
          <Card key={group}>
            <CardHeader title={group} />
            <CardBody>
              <div className="divide-y divide-slate-100">
                {fields
                  .filter((f) => f.group === group)
                  .map((f) => {
                    const id = `setting-${f.key.replaceAll(".", "-")}`;
                    const error = errors[f.key];
                    return (
                      <div key={f.key} className="grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_12rem_auto] md:items-start" data-setting={f.key}>
                        <div className="min-w-0">
                          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                            {f.label} {f.kind === "number" ? <span className="font-normal text-slate-500">({f.unit})</span> : null}
                          </label>
                          <p className="text-xs text-slate-500">
                            {t("default", { value: f.defaultValue })}
                            {f.kind === "number" && f.min !== undefined ? ` · ${t("allowed", { min: f.min, max: f.max ?? "" })}` : ""} · {f.source}
                          </p>
                          {error ? (
                            <p id={`${id}-error`} role="alert" className="text-xs font-medium text-rose-700">
                              {error}
                            </p>
                          ) : null}
                        </div>
                        <Input
                          key={`${f.key}:${f.value}`}
                          id={id}
                          name={f.key}
                          type={f.kind === "date" ? "date" : "number"}
                          step={f.kind === "number" ? (f.integer ? 1 : "any") : undefined}
                          min={f.kind === "number" ? f.min : undefined}
                          max={f.kind === "number" ? f.max : undefined}
                          defaultValue={f.value}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          className={f.overridden ? "border-sky-400" : undefined}
                        />
                        <div className="flex items-center gap-2">
                          {f.overridden ? (
                            <>
                              <span className="text-xs font-medium text-sky-700">{t("changed")}</span>
                              <Button type="submit" form={RESET_FORM} name="reset" value={f.key} variant="secondary" disabled={pending}>
                                {t("reset")}
                              </Button>
                            </>
                          ) : (
                            <span className="text-xs text-slate-400">{t("atDefault")}</span>
                          )}
                        </div>
                      </div>
                    );
                  })}
              </div>
            </CardBody>
          </Card>
        ))}
        <div className="sticky bottom-0 flex gap-3 border-t border-slate-200 bg-white/95 py-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <Button type="submit" form={RESET_FORM} name="reset" value="all" variant="secondary" disabled={pending}>
            {t("resetAll")}
          </Button>
        </div>
      </form>
    </div>
  );
}
