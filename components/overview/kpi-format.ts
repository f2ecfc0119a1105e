// Display helpers for rates and durations shared by the overview, stores and suppliers screens.

import { numberFormat } from "@/lib/format";
import { moneyLocale } from "@/lib/i18n/intl-locale";

/** "12.5%" from counts; "—" when there is nothing to divide by. */
export function formatRate(part: number, whole: number, locale = "en-US"): string {
  if (whole <= 0) return "—";
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(part / whole);
}

/** Hours as "31.2 h" (under two days) or "2.6 days". */
export function formatHours(hours: number | null, locale = "en-US"): string {
  if (hours === null || !Number.isFinite(hours)) return "—";
  const n = (value: number) => numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
  return hours < 48 ? `${n(hours)} h` : `${n(hours / 24)} days`;
}

export function formatDays(days: number | null, locale = "en-US"): string {
  if (days === null || !Number.isFinite(days)) return "—";
  return `${numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(days)} days`;
}

/** The Intl locale for an amount in `currency`: its home English in English, else the viewer's `locale`. */
export const localeOf = (currency: string, locale = "en") => moneyLocale(currency, locale);
