"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { createStoreAction, setStoreArchivedAction } from "@/lib/actions/store-admin";

const ZONES = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "Europe/London", "Asia/Shanghai", "Asia/Hong_Kong", "UTC"];

/** The owner's "Add a store": channel, market, kind (TikTok only), zone, joined date, default supplier. */
export function AddStoreForm({ suppliers }: { suppliers: { id: string; name: string }[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(createStoreAction);
  const [channel, setChannel] = useState("TIKTOK_SHOP");
  const invalid = (name: string) => Boolean(fieldError(name));
  const t = useTranslations("stores.add");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("form")}>
      <Field label={t("name")} htmlFor="ns-name" error={fieldError("name")}>
        <Input id="ns-name" name="name" aria-invalid={invalid("name")} placeholder={t("namePlaceholder")} />
      </Field>
      <Field label={t("channel")} htmlFor="ns-channel" error={fieldError("channel")}>
        <Select id="ns-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="TIKTOK_SHOP">TikTok Shop</option>
          <option value="BRAND_SITE">{t("brandSite")}</option>
        </Select>
      </Field>
      <Field label={t("market")} htmlFor="ns-market" error={fieldError("market")}>
        <Select id="ns-market" name="market" defaultValue="US" aria-invalid={invalid("market")}>
          <option value="US">{t("us")}</option>
          <option value="UK">{t("uk")}</option>
        </Select>
      </Field>
      {channel === "TIKTOK_SHOP" ? (
        <Field label={t("kind")} htmlFor="ns-kind" error={fieldError("kind")} hint={t("kindHint")}>
          <Select id="ns-kind" name="kind" defaultValue="LOCAL">
            <option value="LOCAL">{t("local")}</option>
            <option value="CROSS_BORDER">{t("crossBorder")}</option>
          </Select>
        </Field>
      ) : null}
      <Field label={t("zone")} htmlFor="ns-zone" error={fieldError("timeZone")} hint={t("zoneHint")}>
        <Input id="ns-zone" name="timeZone" list="ns-zones" defaultValue="America/Los_Angeles" aria-invalid={invalid("timeZone")} />
        <datalist id="ns-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
      <Field label={t("joined")} htmlFor="ns-joined" error={fieldError("joinedOn")} hint={t("joinedHint")}>
        <Input id="ns-joined" name="joinedOn" type="date" aria-invalid={invalid("joinedOn")} />
      </Field>
      {suppliers.length > 0 ? (
        <Field label={t("supplier")} htmlFor="ns-supplier" error={fieldError("defaultSupplierId")} hint={t("supplierHint")}>
          <Select id="ns-supplier" name="defaultSupplierId" defaultValue="">
            <option value="">{t("none")}</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("submit")}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
    </form>
  );
}

/** Archive (or restore) a store: its orders stay, it leaves the daily views. */
export function ArchiveStoreButton({ storeId, archived, name }: { storeId: string; archived: boolean; name: string }) {
  const { result, onSubmit, pending } = useFormAction(setStoreArchivedAction, { resetOnSuccess: false });
  const t = useTranslations("stores.archive");
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={t(archived ? "restoreLabel" : "archiveLabel", { name })}>
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Button type="submit" size="sm" variant={archived ? "secondary" : "ghost"} disabled={pending}>
        {archived ? t("restore") : t("archive")}
      </Button>
      <FormMessage result={result} compact />
    </form>
  );
}
