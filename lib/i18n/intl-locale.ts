import type { Locale } from "./locales";

// Which Intl locale formats a date, number or amount for a viewer (client-safe: plain functions).
// English keeps the formats the screens have always had ("25 Nov 2026, 14:05 PST", "$1,234.50",
// "£1,234.50"); Dutch and Chinese use their own conventions ("25 nov 2026", "US$ 1.234,50").

/** The Intl locale for `locale`: `english` (the screen's English format, e.g. "en-GB") for English. */
export function intlLocale(locale: Locale | string, english = "en-GB"): string {
  return locale === "en" ? english : locale;
}

/** Money: in English a currency in its home English (en-GB for GBP, else en-US); else the viewer's locale. */
export function moneyLocale(currency: string, locale: Locale | string = "en"): string {
  return intlLocale(locale, currency === "GBP" ? "en-GB" : "en-US");
}

/** Dates: day-month as in en-GB for English ("25 Nov 2026"), else the viewer's own convention. */
export function dateLocale(locale: Locale | string): string {
  return intlLocale(locale, "en-GB");
}

/** Plain numbers: as in en-US for English ("1,234.5"), else the viewer's own ("1.234,5"). */
export function numberLocale(locale: Locale | string): string {
  return intlLocale(locale, "en-US");
}
