// Display helpers. Money stays integer minor units until the last step: the decimal string is
// built with integer arithmetic and handed to Intl as a string, so no float ever touches it.

import { minorUnitsToDecimalString } from "./money";

export { minorUnitsToDecimalString };

// Building an Intl formatter costs ~50 µs, formatting with one ~1 µs; a page of orders formats
// hundreds of values, so formatters are made once per locale and options (a few dozen in all).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function formatMoney(minor: bigint | number, currency: string, locale = "en-US"): string {
  const formatter = numberFormat(locale, { style: "currency", currency });
  // Intl accepts exact decimal strings (ES2023 Intl.NumberFormat v3).
  return formatter.format(minorUnitsToDecimalString(minor, currency) as unknown as number);
}

export function formatCount(value: number | bigint, locale = "en-US"): string {
  return numberFormat(locale).format(value);
}

/**
 * The zone's short name at that instant: "PDT"/"PST" (en-US knows US names), "BST"/"GMT"
 * (en-GB knows British ones); each locale prints the other's zones as "GMT-7".
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const nameIn = (locale: string) =>
    dateFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  const us = nameIn("en-US");
  return /^(GMT|UTC)[+-]/.test(us) ? nameIn("en-GB") : us;
}

/** An instant in a store's zone, with the zone named ("25 Nov 2026, 14:05 PST"). */
export function formatInstant(instant: Date, timeZone: string, locale = "en-GB"): string {
  const local = dateFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(instant);
  return `${local} ${zoneAbbreviation(instant, timeZone)}`;
}
