import { dateFormat, numberFormat } from "@/lib/format";

// How rate days and rates read on screen, in the viewer's language (client-safe).

/** English dates as the rest of the dashboard writes them ("28 Nov 2026"), other languages their own way. */
export function dateLocaleOf(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** A publication day (YYYY-MM-DD): "10 Apr 2019", "10 apr 2019", "2019年4月10日". */
export function formatRateDay(day: string, locale: string): string {
  return dateFormat(dateLocaleOf(locale), DAY).format(asDate(day));
}

/** One day, or the span of days a figure's rates come from ("8–10 Apr 2019"). */
export function formatRateDays(first: string, last: string, locale: string): string {
  if (first === last) return formatRateDay(first, locale);
  return dateFormat(dateLocaleOf(locale), DAY).formatRange(asDate(first), asDate(last));
}

/** A stored rate with all its digits, in the viewer's notation ("0.86083", "0,86083"). */
export function formatRateValue(rate: string, locale: string): string {
  // Intl formats an exact decimal string without going through a float.
  return numberFormat(locale, { maximumFractionDigits: 10, useGrouping: true }).format(rate as unknown as number);
}
