import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

// The languages the product speaks (client-safe: plain data). English is the default and the
// language of every machine contract (CSV headers, CLI JSON, the `reason` column); Dutch for the
// European sellers it was written for; Simplified Chinese for their suppliers' warehouses and the
// sellers who run Seller Center in Chinese.
export const LOCALES = ["en", "nl", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("nl-BE,nl;q=0.9,en;q=0.8" → "nl",
 * "zh-Hans-CN" or "zh" → "zh-CN"); English when none fits or the header is absent or malformed.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let requested: string[];
  try {
    requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  } catch {
    return DEFAULT_LOCALE;
  }
  // Traditional Chinese readers are better served by English than by Simplified characters.
  requested = requested.filter((tag) => !/^zh-(hant|tw|hk|mo)\b/i.test(tag));
  try {
    const found = match(requested, LOCALES as unknown as string[], DEFAULT_LOCALE);
    return isLocale(found) ? found : DEFAULT_LOCALE;
  } catch {
    // Intl rejects malformed tags ("*", "x-foo;;"): the header decides nothing then.
    return DEFAULT_LOCALE;
  }
}
