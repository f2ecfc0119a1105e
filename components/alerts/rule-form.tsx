"use client";

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

const SEVERITIES = [
  { value: "CRITICAL", label: "Critical" },
  { value: "WARNING", label: "Warning" },
  { value: "INFO", label: "Info" },
];
const ROLES = [
  { value: "OWNER", label: "Owners" },
  { value: "OPS", label: "Operations" },
  { value: "SUPPLIER", label: "Suppliers (their own orders' shipping only)" },
];

export function RuleForm({ options, rule }: { options: RuleFormOptions; rule?: RuleValues }) {
  const { result: state, onSubmit, pending, fieldError } = useFormAction(saveAlertRuleAction);
  const p = rule ? `rule-${rule.id}` : "rule-new";
  const e = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={rule ? `Edit rule ${rule.name}` : "Add rule"}>
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor={`${p}-name`} error={e.name}>
          <Input id={`${p}-name`} name="name" defaultValue={rule?.name} placeholder="Critical items to the ops channel" aria-invalid={Boolean(e.name)} />
        </Field>
        <label className="inline-flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="hidden" name="active" value="off" />
          <input type="checkbox" name="active" value="on" defaultChecked={rule?.active ?? true} className="size-4 rounded border-slate-300" />
          Active
        </label>
      </div>
      <CheckboxGroup
        legend="Severities (none ticked: any)"
        name="severities"
        options={SEVERITIES}
        defaultValues={rule?.severities ?? ["CRITICAL", "WARNING"]}
        error={e.severities}
      />
      <details className="rounded-lg border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Rules ({rule?.rules.length ? `${rule.rules.length} chosen` : "any"})</summary>
        <div className="mt-2">
          <CheckboxGroup legend="Only these rules (none ticked: any)" name="rules" options={options.rules} defaultValues={rule?.rules} error={e.rules} />
        </div>
      </details>
      {options.stores.length > 1 ? (
        <CheckboxGroup legend="Stores (none ticked: all)" name="storeIds" options={options.stores} defaultValues={rule?.storeIds} error={e.storeIds} />
      ) : null}
      <CheckboxGroup legend="Recipients by role" name="recipientRoles" options={ROLES} defaultValues={rule?.recipientRoles} error={e.recipientRoles} />
      <CheckboxGroup
        legend="Recipients by name"
        name="recipientUserIds"
        options={options.users}
        defaultValues={rule?.recipientUserIds}
        error={e.recipientUserIds}
      />
      {options.channels.length ? (
        <CheckboxGroup legend="Channels" name="channelIds" options={options.channels} defaultValues={rule?.channelIds} error={e.channelIds} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Hours before a dispatch deadline"
          htmlFor={`${p}-leads`}
          error={e.leadHours}
          hint={`Blank: from your policy settings (${options.defaultLeads})`}
        >
          <Input
            id={`${p}-leads`}
            name="leadHours"
            defaultValue={rule?.leadHours.join(", ")}
            placeholder={options.defaultLeads}
            aria-invalid={Boolean(e.leadHours)}
          />
        </Field>
        <Field
          label="Escalate to owners after (minutes)"
          htmlFor={`${p}-escalate`}
          error={e.escalateAfterMinutes}
          hint="Critical items not acknowledged or fixed; blank: never"
        >
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
          {pending ? "Saving…" : rule ? "Save rule" : "Add rule"}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}
