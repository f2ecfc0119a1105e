"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateStoreSettings } from "@/lib/actions/stores";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type FieldErrors, fieldErrorsOf } from "@/lib/action-result";
import { type StoreSettingsField, storeSettingsSchemaFor } from "@/lib/validations/stores";

export type StoreSettingsValues = {
  id: string;
  channel: "TIKTOK_SHOP" | "BRAND_SITE";
  name: string;
  timeZone: string;
  market: "US" | "UK";
  kind: "LOCAL" | "CROSS_BORDER" | null;
  currency: string;
  joinedOn: string;
  /** Only whether each secret is set: the values never reach the browser. */
  secretsSet: Record<string, boolean>;
};

// Labels and hints: stores.secrets.<name>.label / .hint in the messages.
const SECRETS = {
  BRAND_SITE: ["shopifyDomain", "shopifyAccessToken", "webhookSecret", "shopifyApiVersion"],
  TIKTOK_SHOP: ["tiktokAppKey", "tiktokAppSecret", "tiktokAccessToken", "tiktokShopCipher", "tiktokApiBaseUrl"],
} as const;

/**
 * The owner's settings form. Checked in the browser with the same zod schema as the server
 * (quick feedback), then again by the server action (the real check). Secrets are write-only:
 * never prefilled, and an empty input keeps the current value.
 */
export function StoreSettingsForm({ store, zones }: { store: StoreSettingsValues; zones: string[] }) {
  // Saved secrets must not linger in the inputs; plain fields keep what is now stored.
  const { result, onSubmit: submit, pending } = useFormAction(updateStoreSettings);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors: Partial<Record<StoreSettingsField, string>> = clientErrors ?? (result && !result.ok ? (result.fieldErrors ?? {}) : {});
  const t = useTranslations("stores.settings");
  const ts = useTranslations("stores.secrets");

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const raw = Object.fromEntries([...new FormData(event.currentTarget).entries()].filter(([, x]) => typeof x === "string"));
    const parsed = storeSettingsSchemaFor(store.channel).safeParse(raw);
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setClientErrors(null);
    submit(event);
  };

  const invalid = (field: StoreSettingsField) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {});

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={t("form")}>
      <input type="hidden" name="storeId" value={store.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} htmlFor="name" error={errors.name}>
          <Input id="name" name="name" defaultValue={store.name} required maxLength={80} autoComplete="off" {...invalid("name")} />
        </Field>
        <Field label={t("zone")} htmlFor="timeZone" error={errors.timeZone} hint={t("zoneHint")}>
          <Input
            id="timeZone"
            name="timeZone"
            list="time-zones"
            defaultValue={store.timeZone}
            required
            autoComplete="off"
            spellCheck={false}
            {...invalid("timeZone")}
          />
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field label={t("market")} htmlFor="market" error={errors.market}>
          <Select id="market" name="market" defaultValue={store.market} {...invalid("market")}>
            <option value="US">{t("us")}</option>
            <option value="UK">{t("uk")}</option>
          </Select>
        </Field>
        {store.channel === "TIKTOK_SHOP" ? (
          <Field label={t("kind")} htmlFor="kind" error={errors.kind} hint={t("kindHint")}>
            <Select id="kind" name="kind" defaultValue={store.kind ?? ""} {...invalid("kind")}>
              <option value="">{t("choose")}</option>
              <option value="LOCAL">{t("local")}</option>
              <option value="CROSS_BORDER">{t("crossBorder")}</option>
            </Select>
          </Field>
        ) : null}
        <Field label={t("currency")} htmlFor="currency" error={errors.currency} hint={t("currencyHint")}>
          <Input id="currency" name="currency" defaultValue={store.currency} maxLength={3} className="uppercase" autoComplete="off" {...invalid("currency")} />
        </Field>
        <Field label={t("joined")} htmlFor="joinedOn" error={errors.joinedOn}>
          <Input id="joinedOn" name="joinedOn" type="date" defaultValue={store.joinedOn} required {...invalid("joinedOn")} />
        </Field>
      </div>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("secretsLegend")}</legend>
        <p className="text-xs text-slate-500">{t("secretsIntro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {SECRETS[store.channel].map((name) => (
            <Field
              key={name}
              label={ts(`${name}.label`)}
              htmlFor={name}
              error={errors[name]}
              hint={t(store.secretsSet[name] ? "secretHintSet" : "secretHintNotSet", { hint: ts(`${name}.hint`) })}
            >
              <Input
                id={name}
                name={name}
                type={name === "tiktokApiBaseUrl" ? "url" : name === "shopifyDomain" || name === "shopifyApiVersion" ? "text" : "password"}
                autoComplete="off"
                placeholder={store.secretsSet[name] ? t("placeholderSet") : t("placeholderNotSet")}
                defaultValue=""
                {...invalid(name)}
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <p role="status" aria-live="polite" className={`text-sm ${(result && !result.ok) || clientErrors ? "text-rose-700" : "text-emerald-700"}`}>
          {clientErrors ? t("checkFields") : pending ? "" : result?.message}
        </p>
      </div>
    </form>
  );
}
