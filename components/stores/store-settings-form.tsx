"use client";

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

const SECRETS = {
  BRAND_SITE: [
    { name: "shopifyDomain", label: "Shop domain", hint: "The shop's *.myshopify.com address." },
    {
      name: "shopifyAccessToken",
      label: "Admin API access token",
      hint: "Shopify admin → Settings → Apps → Develop apps → your app → API credentials (read_orders, read_fulfillments).",
    },
    {
      name: "webhookSecret",
      label: "Webhook signing secret",
      hint: "The custom app's API secret key (same page): it signs the webhooks registered from here. For webhooks made under Settings → Notifications, the key shown there.",
    },
    { name: "shopifyApiVersion", label: "API version", hint: "Leave empty for 2026-10." },
  ],
  TIKTOK_SHOP: [
    { name: "tiktokAppKey", label: "TikTok app key", hint: "Partner Center → App management." },
    { name: "tiktokAppSecret", label: "TikTok app secret", hint: "Also signs TikTok's webhooks." },
    { name: "tiktokAccessToken", label: "Access token", hint: "From the shop's authorisation." },
    { name: "tiktokShopCipher", label: "Shop cipher", hint: "Identifies the shop in API calls." },
    { name: "tiktokApiBaseUrl", label: "API base URL", hint: "https://open-api.tiktokglobalshop.com unless TikTok told you otherwise." },
  ],
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
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Store settings">
      <input type="hidden" name="storeId" value={store.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Store name" htmlFor="name" error={errors.name}>
          <Input id="name" name="name" defaultValue={store.name} required maxLength={80} autoComplete="off" {...invalid("name")} />
        </Field>
        <Field label="Time zone" htmlFor="timeZone" error={errors.timeZone} hint="IANA name; dispatch deadlines and times on the screens use it.">
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
        <Field label="Market" htmlFor="market" error={errors.market}>
          <Select id="market" name="market" defaultValue={store.market} {...invalid("market")}>
            <option value="US">United States</option>
            <option value="UK">United Kingdom</option>
          </Select>
        </Field>
        {store.channel === "TIKTOK_SHOP" ? (
          <Field label="Store kind" htmlFor="kind" error={errors.kind} hint="Cross-border stores have the deposit and registration rules.">
            <Select id="kind" name="kind" defaultValue={store.kind ?? ""} {...invalid("kind")}>
              <option value="">Choose…</option>
              <option value="LOCAL">Local</option>
              <option value="CROSS_BORDER">Cross-border</option>
            </Select>
          </Field>
        ) : null}
        <Field label="Currency" htmlFor="currency" error={errors.currency} hint="Three-letter code, e.g. USD or GBP.">
          <Input id="currency" name="currency" defaultValue={store.currency} maxLength={3} className="uppercase" autoComplete="off" {...invalid("currency")} />
        </Field>
        <Field label="Joined the channel on" htmlFor="joinedOn" error={errors.joinedOn}>
          <Input id="joinedOn" name="joinedOn" type="date" defaultValue={store.joinedOn} required {...invalid("joinedOn")} />
        </Field>
      </div>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Integration secrets</legend>
        <p className="text-xs text-slate-500">Write-only: the current values are never shown. Leave a field empty to keep what is stored.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {SECRETS[store.channel].map((s) => (
            <Field
              key={s.name}
              label={s.label}
              htmlFor={s.name}
              error={errors[s.name]}
              hint={`${store.secretsSet[s.name] ? "Set — type to replace." : "Not set."} ${s.hint}`}
            >
              <Input
                id={s.name}
                name={s.name}
                type={s.name === "tiktokApiBaseUrl" ? "url" : s.name === "shopifyDomain" || s.name === "shopifyApiVersion" ? "text" : "password"}
                autoComplete="off"
                placeholder={store.secretsSet[s.name] ? "•••••••• (unchanged)" : "Not set"}
                defaultValue=""
                {...invalid(s.name)}
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" aria-live="polite" className={`text-sm ${(result && !result.ok) || clientErrors ? "text-rose-700" : "text-emerald-700"}`}>
          {clientErrors ? "Check the highlighted fields." : pending ? "" : result?.message}
        </p>
      </div>
    </form>
  );
}
