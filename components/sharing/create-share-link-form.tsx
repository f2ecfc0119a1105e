"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { createShareLinkAction } from "@/lib/actions/share-links";

type Option = { id: string; name: string };

export function CreateShareLinkForm({ suppliers, stores }: { suppliers: Option[]; stores: Option[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(createShareLinkAction);
  const [copied, setCopied] = useState(false);
  const t = useTranslations("sharing.form");
  const url = result?.ok ? `${typeof window === "undefined" ? "" : window.location.origin}${result.data.url}` : null;
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={t("label")}>
      <Field label={t("supplier")} htmlFor="supplierId" error={fieldError("supplierId")}>
        <Select id="supplierId" name="supplierId" defaultValue={""}>
          <option value="" disabled>
            {t("chooseSupplier")}
          </option>
          {suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("store")} htmlFor="storeId" error={fieldError("storeId")} hint={t("storeHint")}>
        <Select id="storeId" name="storeId" defaultValue={""}>
          <option value="">{t("allStores")}</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("name")} htmlFor="label" error={fieldError("label")}>
        <Input id="label" name="label" placeholder={t("namePlaceholder")} aria-invalid={Boolean(fieldError("label"))} />
      </Field>
      <Field label={t("validFor")} htmlFor="expiresInDays" error={fieldError("expiresInDays")}>
        <Input id="expiresInDays" name="expiresInDays" type="number" min={1} max={90} defaultValue={14} aria-invalid={Boolean(fieldError("expiresInDays"))} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        {result && !result.ok ? (
          <p role="alert" className="text-sm text-rose-700">
            {result.message}
          </p>
        ) : null}
      </div>
      {url ? (
        <div className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 sm:col-span-2" role="status">
          <p className="font-medium">{result?.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="rounded bg-white px-2 py-1 text-xs break-all" data-testid="new-share-url">
              {url}
            </code>
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(url);
                setCopied(true);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
