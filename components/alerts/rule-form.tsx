"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { saveAlertRuleAction } from "@/lib/actions/alerts";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

export type RuleFormOptions = {
  rules: { value: string; label: string }[];
  stores: { value: string; label: string }[];
  users: { value: string; label: string }[];
  channels: { value: string; label: string }[];
  defaultLeads: string;
};

export type RuleValues = {
  id: string;
  name: string;
  active: boolean;
  rules: string[];
  severities: string[];
  storeIds: string[];
  recipientRoles: string[];
  recipientUserIds: string[];
  channelIds: string[];
  leadHours: number[];
  escalateAfterMinutes: number | null;
};

const SEVERITIES = ["CRITICAL", "WARNING", "INFO"] as const;
const ROLES = ["OWNER", "OPS", "SUPPLIER"] as const;

export function RuleForm({ options, rule }: { options: RuleFormOptions; rule?: RuleValues }) {
  const { result: state, onSubmit, pending, fieldError } = useFormAction(saveAlertRuleAction);
  const p = rule ? `rule-${rule.id}` : "rule-new";
  const e = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  const t = useTranslations("alerts.ruleForm");
  const tv = useTranslations("vocabulary.severity");
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={rule ? t("editLabel", { name: rule.name }) : t("addLabel")}>
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("name")} htmlFor={`${p}-name`} error={e.name}>
          <Input id={`${p}-name`} name="name" defaultValue={rule?.name} placeholder={t("namePlaceholder")} aria-invalid={Boolean(e.name)} />
        </Field>
        <label className="inline-flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="hidden" name="active" value="off" />
          <input type="checkbox" name="active" value="on" defaultChecked={rule?.active ?? true} className="size-4 rounded border-slate-300" />
          {t("active")}
        </label>
      </div>
      <CheckboxGroup
        legend={t("severities")}
        name="severities"
        options={SEVERITIES.map((value) => ({ value, label: tv(value) }))}
        defaultValues={rule?.severities ?? ["CRITICAL", "WARNING"]}
        error={e.severities}
      />
      <details className="rounded-lg border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">
          {rule?.rules.length ? t("rulesChosen", { count: rule.rules.length }) : t("rulesAny")}
        </summary>
        <div className="mt-2">
          <CheckboxGroup legend={t("onlyRules")} name="rules" options={options.rules} defaultValues={rule?.rules} error={e.rules} />
        </div>
      </details>
      {options.stores.length > 1 ? (
        <CheckboxGroup legend={t("stores")} name="storeIds" options={options.stores} defaultValues={rule?.storeIds} error={e.storeIds} />
      ) : null}
      <CheckboxGroup
        legend={t("byRole")}
        name="recipientRoles"
        options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        defaultValues={rule?.recipientRoles}
        error={e.recipientRoles}
      />
      <CheckboxGroup legend={t("byName")} name="recipientUserIds" options={options.users} defaultValues={rule?.recipientUserIds} error={e.recipientUserIds} />
      {options.channels.length ? (
        <CheckboxGroup legend={t("channels")} name="channelIds" options={options.channels} defaultValues={rule?.channelIds} error={e.channelIds} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("leads")} htmlFor={`${p}-leads`} error={e.leadHours} hint={t("leadsHint", { leads: options.defaultLeads })}>
          <Input
            id={`${p}-leads`}
            name="leadHours"
            defaultValue={rule?.leadHours.join(", ")}
            placeholder={options.defaultLeads}
            aria-invalid={Boolean(e.leadHours)}
          />
        </Field>
        <Field label={t("escalate")} htmlFor={`${p}-escalate`} error={e.escalateAfterMinutes} hint={t("escalateHint")}>
          <Input
            id={`${p}-escalate`}
            name="escalateAfterMinutes"
            inputMode="numeric"
            defaultValue={rule ? (rule.escalateAfterMinutes ?? "") : "60"}
            aria-invalid={Boolean(e.escalateAfterMinutes)}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : rule ? t("save") : t("add")}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}
