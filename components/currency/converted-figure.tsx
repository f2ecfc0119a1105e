import { useLocale, useTranslations } from "@/lib/i18n/server";
import type { ConvertedFigure as Figure } from "@/lib/fx/convert-amounts";
import { formatRateDay, formatRateDays } from "@/lib/fx/format";
import { formatMoney } from "@/lib/format";

/** "GBP and USD" in the viewer's language. */
export function currencyList(codes: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(codes);
}

/**
 * A figure converted into the reporting currency, shown under the original-currency one:
 * "≈ €1,434.15 / at the ECB rate of 10 Apr 2019". Never silent: without a rate for every amount
 * it says which currency lacks one from which day, and shows no number at all.
 */
export function ConvertedFigure({ figure, testId, className }: { figure: Figure | null | undefined; testId: string; className?: string }) {
  const t = useTranslations("currency.figure");
  const locale = useLocale();
  if (!figure) return null;
  if (figure.status === "missing") {
    const first = figure.missing.reduce((d, m) => (m.firstDay < d ? m.firstDay : d), figure.missing[0]?.firstDay ?? "");
    return (
      <span
        className={`mt-1 block text-xs font-medium text-amber-800 ${className ?? ""}`}
        data-testid={testId}
        data-status="missing"
        data-target-currency={figure.currency}
      >
        {t("noRate", {
          currency: figure.currency,
          currencies: currencyList(
            figure.missing.map((m) => m.currency),
            locale,
          ),
          day: formatRateDay(first, locale),
        })}
      </span>
    );
  }
  const { rates } = figure;
  return (
    <span
      className={`mt-1 block ${className ?? ""}`}
      data-testid={testId}
      data-status="converted"
      data-target-currency={figure.currency}
      data-target-minor={figure.minor.toString()}
      data-rate-first={rates.first}
      data-rate-last={rates.last}
    >
      <span className="block text-base font-semibold text-slate-700">{t("converted", { amount: formatMoney(figure.minor, figure.currency, locale) })}</span>
      <span className="block text-xs font-normal text-slate-500">
        {t("rateNote", {
          source: rates.source,
          count: rates.first === rates.last ? 1 : 2,
          days: formatRateDays(rates.first, rates.last, locale),
          cross: rates.cross ? "yes" : "no",
        })}
      </span>
    </span>
  );
}
