"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteFxRateAction, importEcbRatesAction, saveFxRateAction, setReportingCurrencyAction } from "@/lib/actions/reporting-currency";

/** The owner's reporting currency: automatic (the currency of most revenue), or one chosen. */
export function ReportingCurrencyForm({ chosen, automatic, currencies }: { chosen: string | null; automatic: string | null; currencies: string[] }) {
  const t = useTranslations("currency.settings");
  const { result, onSubmit, pending, fieldError } = useFormAction(setReportingCurrencyAction, { resetOnSuccess: false });
  const error = fieldError("reportingCurrency");
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("reportingTitle")}>
      <Field label={t("reportingLabel")} htmlFor="reporting-currency" error={error}>
        <Select id="reporting-currency" name="reportingCurrency" defaultValue={chosen ?? ""} aria-invalid={Boolean(error)} className="sm:max-w-md">
          <option value="">{automatic ? t("automatic", { currency: automatic }) : t("automaticNone")}</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <FormMessage result={result} />
    </form>
  );
}

/** One rate typed in: day, base, quote and the rate (1 base = rate quote). */
export function FxRateForm({ today, currencies }: { today: string; currencies: string[] }) {
  const t = useTranslations("currency.settings");
  const { result, onSubmit, pending, fieldError } = useFormAction(saveFxRateAction, { resetOnSuccess: false });
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("rateTitle")} noValidate>
      <datalist id="fx-currencies">
        {currencies.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Field label={t("day")} htmlFor="fx-day" error={fieldError("day")}>
          <Input id="fx-day" name="day" type="date" max={today} defaultValue={values?.day ?? today} aria-invalid={Boolean(fieldError("day"))} required />
        </Field>
        <Field label={t("base")} htmlFor="fx-base" error={fieldError("base")}>
          <Input
            id="fx-base"
            name="base"
            list="fx-currencies"
            defaultValue={values?.base ?? "EUR"}
            maxLength={3}
            autoCapitalize="characters"
            className="uppercase"
            aria-invalid={Boolean(fieldError("base"))}
            required
          />
        </Field>
        <Field label={t("quote")} htmlFor="fx-quote" error={fieldError("quote")}>
          <Input
            id="fx-quote"
            name="quote"
            list="fx-currencies"
            defaultValue={values?.quote ?? ""}
            placeholder="GBP"
            maxLength={3}
            autoCapitalize="characters"
            className="uppercase"
            aria-invalid={Boolean(fieldError("quote"))}
            required
          />
        </Field>
        <Field label={t("rate")} htmlFor="fx-rate" error={fieldError("rate")} hint={t("rateHint")}>
          <Input
            id="fx-rate"
            name="rate"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values?.rate ?? ""}
            placeholder="0.8635"
            aria-invalid={Boolean(fieldError("rate"))}
            required
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveRate")}
      </Button>
      <FormMessage result={result} />
    </form>
  );
}

/** The ECB's CSV (daily or history), uploaded through the import action; refusals list line and column. */
export function EcbImportForm() {
  const t = useTranslations("currency.settings");
  const { result, onSubmit, pending, fieldError } = useFormAction(importEcbRatesAction);
  const problems = fieldError("file")?.split("\n") ?? [];
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("importTitle")}>
      <div className="space-y-1">
        <label htmlFor="ecb-file" className="block text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <Input id="ecb-file" name="file" type="file" accept=".csv,text/csv" aria-invalid={problems.length > 0} aria-describedby="ecb-file-problems" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("importing") : t("importButton")}
      </Button>
      <FormMessage result={result} />
      {problems.length ? (
        <ul
          id="ecb-file-problems"
          className="max-h-48 space-y-0.5 overflow-y-auto rounded-lg bg-rose-50 px-3 py-2 text-xs break-words text-rose-800"
          data-testid="ecb-problems"
        >
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/** Removes one stored rate (a mistyped one); the row leaves the table once it is gone. */
export function DeleteRateButton({ rateId, label }: { rateId: string; label: string }) {
  const t = useTranslations("currency.settings");
  const { result, onSubmit, pending } = useFormAction(deleteFxRateAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center justify-end gap-2" aria-label={label}>
      <input type="hidden" name="rateId" value={rateId} />
      {/* On a phone an icon (its name is the label): the word would push the table sideways. */}
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={label} title={label}>
        <Trash2 aria-hidden className="size-4 sm:hidden" />
        <span className="hidden sm:inline">{pending ? t("deleting") : t("deleteRate")}</span>
      </Button>
      <FormMessage result={result} compact />
    </form>
  );
}
