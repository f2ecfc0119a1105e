import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth";
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The viewer's language for this request: the signed-in user's own choice, else the browser's
 * Accept-Language (also for the share-link page and sign-in, where nobody is signed in).
 */
export async function resolveRequestLocale(): Promise<Locale> {
  const user = await getSessionUser();
  if (user && isLocale(user.locale)) return user.locale;
  const acceptLanguage = (await headers()).get("accept-language");
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: loadMessages(locale) };
});
