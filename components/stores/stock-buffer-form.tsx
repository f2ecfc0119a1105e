"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { setStockSafetyBuffer } from "@/lib/actions/pushes";

/** The owner's per-store safety buffer: units held back from every listing's sellable quantity on this store. */
export function StockBufferForm({ storeId, value }: { storeId: string; value: number }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(setStockSafetyBuffer, { resetOnSuccess: false });
  const error = fieldError("stockSafetyBuffer");
  const t = useTranslations("stores.buffer");
  return (
    <form onSubmit={onSubmit} className="space-y-2 px-4 pb-4" aria-label={t("form")}>
      <input type="hidden" name="storeId" value={storeId} />
      <label htmlFor="stock-buffer" className="block text-sm font-medium text-slate-700">
        {t("label")}
      </label>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <div className="flex items-start gap-2">
        <Input
          id="stock-buffer"
          name="stockSafetyBuffer"
          type="number"
          min={0}
          step={1}
          defaultValue={value}
          fieldSize="sm"
          className="w-28"
          aria-invalid={Boolean(error)}
        />
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
      <FormMessage result={result} />
    </form>
  );
}
