"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { addCreator, recordDepositEntry, recordVideo, setListingPrice, setStock, upsertRegistration } from "@/lib/actions/compliance";
import { ENTITY_TYPES, VIDEO_STYLES } from "@/lib/validations/compliance";

type StoreOption = { id: string; name: string };

export function RegistrationForm({
  storeId,
  current,
}: {
  storeId: string;
  current: { legalName: string; entityType: string; registrationCountry: string; incorporatedOn: string; licenceExpiresOn: string | null } | null;
}) {
  const f = useFormAction(upsertRegistration);
  const t = useTranslations("compliance");
  const id = (n: string) => `reg-${storeId}-${n}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("forms.registration")}>
      <input type="hidden" name="storeId" value={storeId} />
      <Field label={t("card.legalName")} htmlFor={id("name")} error={f.fieldError("legalName")}>
        <Input id={id("name")} name="legalName" defaultValue={current?.legalName} required />
      </Field>
      <Field label={t("card.legalForm")} htmlFor={id("entity")} error={f.fieldError("entityType")}>
        <Select id={id("entity")} name="entityType" defaultValue={current?.entityType ?? "COMPANY"}>
          {ENTITY_TYPES.map((e) => (
            <option key={e} value={e}>
              {t(`entity.${e}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("forms.country")} htmlFor={id("country")} error={f.fieldError("registrationCountry")} hint={t("forms.countryHint")}>
        <Input id={id("country")} name="registrationCountry" defaultValue={current?.registrationCountry} maxLength={2} required />
      </Field>
      <Field label={t("forms.incorporatedOn")} htmlFor={id("inc")} error={f.fieldError("incorporatedOn")}>
        <Input id={id("inc")} name="incorporatedOn" type="date" defaultValue={current?.incorporatedOn} required />
      </Field>
      <Field label={t("forms.licenceExpiresOn")} htmlFor={id("exp")} error={f.fieldError("licenceExpiresOn")}>
        <Input id={id("exp")} name="licenceExpiresOn" type="date" defaultValue={current?.licenceExpiresOn ?? ""} />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={f.pending}>
          {f.pending ? t("forms.saving") : t("forms.saveRegistration")}
        </Button>
      </div>
      <div className="sm:col-span-2">
        <FormMessage result={f.result} />
      </div>
    </form>
  );
}

/** A date-time-local value read in the browser's zone, sent as an instant with its zone. */
function localToInstant(form: FormData, key: string): FormData {
  const v = form.get(key);
  if (typeof v !== "string" || !v) return form;
  const d = new Date(v);
  if (!Number.isNaN(d.getTime())) form.set(key, d.toISOString());
  return form;
}

export function DepositEntryForm({ storeId, currency }: { storeId: string; currency: string }) {
  const f = useFormAction(recordDepositEntry, { prepare: (form) => localToInstant(form, "occurredAt") });
  const t = useTranslations("compliance.forms");
  const id = (n: string) => `dep-${storeId}-${n}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("deposit")}>
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="currency" value={currency} />
      <Field label={t("entry")} htmlFor={id("kind")} error={f.fieldError("kind")}>
        <Select id={id("kind")} name="kind" defaultValue="PAYMENT">
          <option value="PAYMENT">{t("payment")}</option>
          <option value="REFUND">{t("refund")}</option>
          <option value="DEDUCTION">{t("deduction")}</option>
        </Select>
      </Field>
      <Field label={t("amount", { currency })} htmlFor={id("amount")} error={f.fieldError("amount")}>
        <Input id={id("amount")} name="amount" inputMode="decimal" placeholder="500.00" required />
      </Field>
      <Field label={t("when")} htmlFor={id("at")} error={f.fieldError("occurredAt")}>
        <Input id={id("at")} name="occurredAt" type="datetime-local" />
      </Field>
      <Field label={t("note")} htmlFor={id("note")} error={f.fieldError("note")}>
        <Input id={id("note")} name="note" maxLength={500} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={f.pending}>
          {f.pending ? t("recording") : t("recordEntry")}
        </Button>
        <FormMessage result={f.result} />
      </div>
    </form>
  );
}

export function CreatorForm({ stores }: { stores: StoreOption[] }) {
  const f = useFormAction(addCreator);
  const t = useTranslations("compliance.forms");
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("addCreator")}>
      <Field label={t("store")} htmlFor="creator-store" error={f.fieldError("storeId")}>
        <Select id="creator-store" name="storeId">
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("handle")} htmlFor="creator-handle" error={f.fieldError("handle")}>
        <Input id="creator-handle" name="handle" placeholder="@handle" required />
      </Field>
      <Field label={t("displayName")} htmlFor="creator-name" error={f.fieldError("displayName")}>
        <Input id="creator-name" name="displayName" required />
      </Field>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? t("adding") : t("addCreator")}
      </Button>
      <FormMessage result={f.result} />
    </form>
  );
}

export function VideoForm({ creators, fixedCreatorId }: { creators: { id: string; handle: string }[]; fixedCreatorId?: string }) {
  const f = useFormAction(recordVideo, { prepare: (form) => localToInstant(form, "postedAt") });
  const t = useTranslations("compliance");
  return (
    <form onSubmit={f.onSubmit} noValidate className="space-y-3" aria-label={t("forms.recordVideo")}>
      {fixedCreatorId ? (
        <input type="hidden" name="creatorId" value={fixedCreatorId} />
      ) : (
        <Field label={t("forms.creator")} htmlFor="video-creator" error={f.fieldError("creatorId")}>
          <Select id="video-creator" name="creatorId">
            {creators.map((c) => (
              <option key={c.id} value={c.id}>
                @{c.handle}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("forms.title")} htmlFor="video-title" error={f.fieldError("title")}>
        <Input id="video-title" name="title" required />
      </Field>
      <Field label={t("forms.postedAt")} htmlFor="video-posted" error={f.fieldError("postedAt")}>
        <Input id="video-posted" name="postedAt" type="datetime-local" required />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("forms.format")} htmlFor="video-format" error={f.fieldError("format")}>
          <Select id="video-format" name="format" defaultValue="SHORT_VIDEO">
            <option value="SHORT_VIDEO">{t("videoFormat.SHORT_VIDEO")}</option>
            <option value="LIVE">{t("videoFormat.LIVE")}</option>
            <option value="POST">{t("videoFormat.POST")}</option>
          </Select>
        </Field>
        <Field label={t("forms.style")} htmlFor="video-style" error={f.fieldError("style")}>
          <Select id="video-style" name="style" defaultValue="REAL_PERSON">
            {VIDEO_STYLES.map((s) => (
              <option key={s} value={s}>
                {["STATIC_IMAGES", "TEXT_SLIDESHOW", "NO_REAL_PERSON"].includes(s)
                  ? t("forms.nonInteractiveStyle", { style: t(`videoStyle.${s}`) })
                  : t(`videoStyle.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="hasProductLink" defaultChecked className="size-4 rounded border-slate-300" /> {t("forms.hasLink")}
      </label>
      <Button type="submit" disabled={f.pending}>
        {f.pending ? t("forms.recording") : t("forms.recordVideo")}
      </Button>
      <FormMessage result={f.result} />
    </form>
  );
}

export function PriceForm({ listingId, sku, currencies }: { listingId: string; sku: string; currencies: string[] }) {
  const f = useFormAction(setListingPrice);
  const t = useTranslations("compliance.forms");
  const id = (n: string) => `price-${listingId}-${n}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t("setPriceOf", { sku })}>
      <input type="hidden" name="listingId" value={listingId} />
      <Field label={t("channel")} htmlFor={id("channel")}>
        <Select id={id("channel")} name="channel" defaultValue="TIKTOK_SHOP" className="w-36">
          <option value="TIKTOK_SHOP">TikTok Shop</option>
          <option value="BRAND_SITE">{t("brandWebsite")}</option>
        </Select>
      </Field>
      <Field label={t("currency")} htmlFor={id("currency")} error={f.fieldError("currency")}>
        <Select id={id("currency")} name="currency" defaultValue={currencies[0] ?? "USD"} className="w-24">
          {[...new Set([...currencies, "USD", "GBP"])].map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("price")} htmlFor={id("price")} error={f.fieldError("price")}>
        <Input id={id("price")} name="price" inputMode="decimal" placeholder="19.99" className="w-28" />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {t("setPrice")}
      </Button>
      <div className="basis-full">
        <FormMessage result={f.result} />
      </div>
    </form>
  );
}

export function StockForm({ listingId, sku, current }: { listingId: string; sku: string; current: number }) {
  const f = useFormAction(setStock);
  const t = useTranslations("compliance.forms");
  const id = `stock-${listingId}`;
  return (
    <form onSubmit={f.onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label={t("setStockOf", { sku })}>
      <input type="hidden" name="listingId" value={listingId} />
      <Field label={t("availableStock")} htmlFor={id} error={f.fieldError("availableStock")}>
        <Input id={id} name="availableStock" inputMode="numeric" defaultValue={String(current)} className="w-28" />
      </Field>
      <Button type="submit" variant="secondary" disabled={f.pending}>
        {t("setStock")}
      </Button>
      <div className="basis-full">
        <FormMessage result={f.result} />
      </div>
    </form>
  );
}
