"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { setLabelSource } from "@/lib/actions/risk";
import { SETTABLE_LABEL_SOURCES } from "@/lib/validations/risk";

type Source = (typeof SETTABLE_LABEL_SOURCES)[number];

/** Who bought the label: USPS parcels of US TikTok orders need a TikTok Shipping label. */
export function LabelSourceForm({
  orderId,
  externalId,
  current,
  onDone,
}: {
  orderId: string;
  externalId: string;
  current: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const t = useTranslations("risk.labelSource");
  const tv = useTranslations("vocabulary.labelSource");
  const [value, setValue] = useState<Source>(current === "SELLER" ? "SELLER" : "TIKTOK_SHIPPING");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await setLabelSource({ orderId, labelSource: value });
          if (result.ok) onDone(t("saved", { order: externalId, source: tv(result.data.labelSource) }));
          else setError(result.fieldErrors?.labelSource ?? result.message);
        });
      }}
    >
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="shrink-0 text-xs font-medium text-slate-700">
          {t("label")}
        </label>
        <Select id={id} value={value} onChange={(e) => setValue(e.target.value as Source)} className="w-auto py-1.5">
          {SETTABLE_LABEL_SOURCES.map((s) => (
            <option key={s} value={s}>
              {tv(s)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || value === current} className="py-1.5">
        {pending ? t("saving") : t("set")}
      </Button>
      {error ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
