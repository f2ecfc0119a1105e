import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth";
import { localeFor } from "./locale-for";
import type { Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The viewer's language for this request: the signed-in user's own choice, else the browser's
 * Accept-Language (also for the share-link page and sign-in, where nobody is signed in).
 */
export async function resolveRequestLocale(): Promise<Locale> {
  return localeFor(await getSessionUser());
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: loadMessages(locale) };
});
