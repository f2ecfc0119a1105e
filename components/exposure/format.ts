import { numberFormat } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatPercent } from "@/lib/performance/metrics";

/**
 * A rate in percent for a viewer of `locale`: English exactly as formatPercent ("4.5%", "4%"),
 * other languages through Intl ("4,5%"), at most `digits` decimals.
 */
export function percentIn(value: number | null, digits: number, locale: Locale): string {
  if (locale === "en" || value === null) return formatPercent(value, digits);
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(value / 100);
}

/** A fixed-decimals number ("31.2"), in English as toFixed always wrote it. */
export function fixedIn(value: number, digits: number, locale: Locale): string {
  if (locale === "en") return value.toFixed(digits);
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "≤ 4%" / "≥ 95%": a rate's line. */
export function lineIn(direction: "max" | "min", threshold: number, locale: Locale): string {
  return `${direction === "max" ? "≤" : "≥"} ${percentIn(threshold, 2, locale)}`;
}
