"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { saveAlertPreferencesAction } from "@/lib/actions/account";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

export type PreferenceValues = {
  timeZone: string;
  email: boolean;
  quietStart: string;
  quietEnd: string;
  criticalBreaksQuiet: boolean;
  digestTime: string;
  digestSubscribed: boolean;
};

function Toggle({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="hidden" name={name} value="off" />
      <input type="checkbox" name={name} value="on" defaultChecked={defaultChecked} className="mt-0.5 size-4 rounded border-slate-300" />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

export function PreferencesForm({ values, zones, readOnly }: { values: PreferenceValues; zones: string[]; readOnly: boolean }) {
  const t = useTranslations("account.preferences");
  const { result: state, onSubmit, pending } = useFormAction(saveAlertPreferencesAction);
  const e = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label={t("formLabel")}>
      <fieldset disabled={readOnly} className="space-y-5">
        <Field label={t("timeZone")} htmlFor="pref-zone" error={e.timeZone} hint={t("timeZoneHint")}>
          <Input id="pref-zone" name="timeZone" list="pref-zones" defaultValue={values.timeZone} aria-invalid={Boolean(e.timeZone)} />
        </Field>
        <datalist id="pref-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Toggle name="email" label={t("email")} defaultChecked={values.email} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("quietStart")} htmlFor="pref-quiet-start" error={e.quietStart} hint={t("quietStartHint")}>
            <Input id="pref-quiet-start" name="quietStart" type="time" defaultValue={values.quietStart} aria-invalid={Boolean(e.quietStart)} />
          </Field>
          <Field label={t("quietEnd")} htmlFor="pref-quiet-end" error={e.quietEnd} hint={t("quietEndHint")}>
            <Input id="pref-quiet-end" name="quietEnd" type="time" defaultValue={values.quietEnd} aria-invalid={Boolean(e.quietEnd)} />
          </Field>
        </div>
        <Toggle name="criticalBreaksQuiet" label={t("criticalBreaksQuiet")} defaultChecked={values.criticalBreaksQuiet} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("digestTime")} htmlFor="pref-digest" error={e.digestTime} hint={t("digestTimeHint")}>
            <Input id="pref-digest" name="digestTime" type="time" defaultValue={values.digestTime} aria-invalid={Boolean(e.digestTime)} />
          </Field>
          <div className="self-end pb-2">
            <Toggle name="digestSubscribed" label={t("digestSubscribed")} defaultChecked={values.digestSubscribed} hint={t("digestSubscribedHint")} />
          </div>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || readOnly}>
          {pending ? t("saving") : t("save")}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}
