import type { Locale } from "./locales";

// Which Intl locale formats what for a viewer of `locale`. English screens keep the formats they
// always had (dates day-month as in en-GB, numbers as in en-US, pounds as in en-GB), so English
// output is unchanged; Dutch and Chinese viewers get their own conventions ("25 nov 2026, 14:05",
// "1.234,5"; "2026年11月25日 14:05").

export function dateLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale;
}

export function numberLocale(locale: Locale): string {
  return locale === "en" ? "en-US" : locale;
}

/** Money in English as before: pounds in en-GB, every other currency in en-US. */
export function moneyLocale(locale: Locale, currency: string): string {
  if (locale !== "en") return locale;
  return currency === "GBP" ? "en-GB" : "en-US";
}
