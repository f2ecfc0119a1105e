import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./locales";

/**
 * The language for `user` (or an anonymous visitor): their own choice, else this request's
 * Accept-Language; English outside a request (a test or a CLI calling an action directly).
 */
export async function localeFor(user: { locale?: string | null } | null): Promise<Locale> {
  if (user && isLocale(user.locale)) return user.locale;
  let acceptLanguage: string | null = null;
  try {
    acceptLanguage = (await headers()).get("accept-language");
  } catch {
    return DEFAULT_LOCALE;
  }
  return negotiateLocale(acceptLanguage);
}
