"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { deleteAlertChannelAction, deleteAlertRuleAction, saveAlertChannelAction } from "@/lib/actions/alerts";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

// Labels: alerts.channelForm.target.<kind> in the messages.
const TARGET = {
  EMAIL: { placeholder: "ops-team@example.com", type: "email" },
  SLACK: { placeholder: "https://hooks.slack.com/services/…", type: "url" },
  WEBHOOK: { placeholder: "https://example.com/hooks/alerts", type: "url" },
} as const;

/** Add a channel, or (with `channel`) replace its address/URL or secret; stored values are never shown. */
export function ChannelForm({ channel }: { channel?: { id: string; kind: keyof typeof TARGET; name: string } }) {
  const { result: state, onSubmit, pending, fieldError } = useFormAction(saveAlertChannelAction);
  const [kind, setKind] = useState<keyof typeof TARGET>(channel?.kind ?? "SLACK");
  const prefix = channel ? `ch-${channel.id}` : "ch-new";
  const target = TARGET[kind];
  const t = useTranslations("alerts.channelForm");
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={channel ? t("editLabel", { name: channel.name }) : t("addLabel")} noValidate>
      {channel ? <input type="hidden" name="id" value={channel.id} /> : null}
      {channel ? (
        <input type="hidden" name="kind" value={channel.kind} />
      ) : (
        <Field label={t("kind")} htmlFor={`${prefix}-kind`} error={fieldError("kind")}>
          <Select id={`${prefix}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as keyof typeof TARGET)}>
            <option value="SLACK">Slack</option>
            <option value="WEBHOOK">{t("webhookSigned")}</option>
            <option value="EMAIL">{t("target.EMAIL")}</option>
          </Select>
        </Field>
      )}
      <Field label={t("name")} htmlFor={`${prefix}-name`} error={fieldError("name")}>
        <Input id={`${prefix}-name`} name="name" defaultValue={channel?.name} placeholder="#ops-alerts" aria-invalid={Boolean(fieldError("name"))} />
      </Field>
      <Field label={t(`target.${kind}`)} htmlFor={`${prefix}-target`} error={fieldError("target")} hint={channel ? t("targetKeep") : t("targetWriteOnly")}>
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
        <Field label={t("secret")} htmlFor={`${prefix}-secret`} error={fieldError("secret")} hint={channel ? t("secretKeep") : t("secretHint")}>
          <Input id={`${prefix}-secret`} name="secret" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("secret"))} />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : channel ? t("save") : t("add")}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}

/** Removes a channel or a rule (the action checks it is this organisation's). */
export function DeleteButton({ id, label, kind }: { id: string; label: string; kind: "channel" | "rule" }) {
  const { result: state, onSubmit, pending } = useFormAction(kind === "channel" ? deleteAlertChannelAction : deleteAlertRuleAction);
  const t = useTranslations("alerts.channelForm");
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={t("removeLabel", { label })}>
        {t("remove")}
      </Button>
      {state && !state.ok ? <span className="text-xs text-rose-700">{state.message}</span> : null}
    </form>
  );
}
