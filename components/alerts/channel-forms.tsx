"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { deleteAlertChannelAction, deleteAlertRuleAction, saveAlertChannelAction } from "@/lib/actions/alerts";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

const TARGET = {
  EMAIL: { label: "E-mail address", placeholder: "ops-team@example.com", type: "email" },
  SLACK: { label: "Slack incoming-webhook URL", placeholder: "https://hooks.slack.com/services/…", type: "url" },
  WEBHOOK: { label: "Webhook URL", placeholder: "https://example.com/hooks/alerts", type: "url" },
} as const;

/** Add a channel, or (with `channel`) replace its address/URL or secret; stored values are never shown. */
export function ChannelForm({ channel }: { channel?: { id: string; kind: keyof typeof TARGET; name: string } }) {
  const { result: state, onSubmit, pending, fieldError } = useFormAction(saveAlertChannelAction);
  const [kind, setKind] = useState<keyof typeof TARGET>(channel?.kind ?? "SLACK");
  const prefix = channel ? `ch-${channel.id}` : "ch-new";
  const target = TARGET[kind];
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={channel ? `Edit channel ${channel.name}` : "Add channel"} noValidate>
      {channel ? <input type="hidden" name="id" value={channel.id} /> : null}
      {channel ? (
        <input type="hidden" name="kind" value={channel.kind} />
      ) : (
        <Field label="Kind" htmlFor={`${prefix}-kind`} error={fieldError("kind")}>
          <Select id={`${prefix}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as keyof typeof TARGET)}>
            <option value="SLACK">Slack</option>
            <option value="WEBHOOK">Webhook (signed JSON)</option>
            <option value="EMAIL">E-mail address</option>
          </Select>
        </Field>
      )}
      <Field label="Name" htmlFor={`${prefix}-name`} error={fieldError("name")}>
        <Input id={`${prefix}-name`} name="name" defaultValue={channel?.name} placeholder="#ops-alerts" aria-invalid={Boolean(fieldError("name"))} />
      </Field>
      <Field
        label={target.label}
        htmlFor={`${prefix}-target`}
        error={fieldError("target")}
        hint={channel ? "Leave blank to keep the stored one (it is never shown)" : "Stored write-only: it is never shown again"}
      >
        <Input
          id={`${prefix}-target`}
          name="target"
          type={target.type}
          placeholder={target.placeholder}
          autoComplete="off"
          aria-invalid={Boolean(fieldError("target"))}
        />
      </Field>
      {kind === "WEBHOOK" ? (
        <Field
          label="Signing secret"
          htmlFor={`${prefix}-secret`}
          error={fieldError("secret")}
          hint={channel ? "Leave blank to keep it" : "At least 16 characters; we sign each body with it (X-Signature)"}
        >
          <Input id={`${prefix}-secret`} name="secret" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("secret"))} />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : channel ? "Save channel" : "Add channel"}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}

/** Removes a channel or a rule (the action checks it is this organisation's). */
export function DeleteButton({ id, label, kind }: { id: string; label: string; kind: "channel" | "rule" }) {
  const { result: state, onSubmit, pending } = useFormAction(kind === "channel" ? deleteAlertChannelAction : deleteAlertRuleAction);
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Remove ${label}`}>
        Remove
      </Button>
      {state && !state.ok ? <span className="text-xs text-rose-700">{state.message}</span> : null}
    </form>
  );
}
