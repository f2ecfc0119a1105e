import "server-only";
import { useLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import type { Messages, NamespaceKeys, NestedKeyOf, createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale } from "./locales";
import { namespacedTranslator } from "./translator";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * next-intl's `getTranslations(namespace)` for server components, with the same types and the
 * same wording (lib/i18n/translator.test.ts), but from the process-wide translators of
 * lib/i18n/translator.ts: next-intl compiles every message with values again on each request,
 * which was a measurable part of the overview's render under 20 clients (docs/benchmarks.md).
 * The language is still the request's (lib/i18n/request.ts).
 */
export async function getTranslations<NS extends Namespace>(namespace: NS): Promise<ReturnType<typeof createTranslator<Messages, NS>>> {
  const locale = await getLocale();
  return namespacedTranslator(isLocale(locale) ? locale : DEFAULT_LOCALE, namespace) as ReturnType<typeof createTranslator<Messages, NS>>;
}

/**
 * next-intl's `useTranslations(namespace)` for the (non-async) server components, from the same
 * process-wide translators as `getTranslations` above. Components that also render in the browser
 * keep next-intl's own hook: this module is server-only.
 */
export function useTranslations<NS extends Namespace>(namespace: NS): ReturnType<typeof createTranslator<Messages, NS>> {
  const locale = useLocale();
  return namespacedTranslator(isLocale(locale) ? locale : DEFAULT_LOCALE, namespace) as ReturnType<typeof createTranslator<Messages, NS>>;
}
