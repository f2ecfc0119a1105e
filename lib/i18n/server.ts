import "server-only";
import { cache } from "react";
import { useLocale as useRequestLocale } from "next-intl";
import { getLocale as getRequestLocale } from "next-intl/server";
import type { Messages, NamespaceKeys, NestedKeyOf, createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale, isLocale } from "./locales";
import { namespacedTranslator } from "./translator";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The request's language once an async server component has read it (React's per-request cache).
 * next-intl's `useLocale` in a server component is `use(promise)`: the first read of the promise
 * suspends every component that makes it in the same render pass, so a list of plain server
 * components (the stores page's 25 rows) became one streamed segment per cell that speaks
 * (docs/benchmarks.md). The hooks below read this instead; they suspend only when no async
 * ancestor has asked yet.
 */
const requestLocale = cache((): { locale?: Locale } => ({}));

function known(raw: string): Locale {
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  requestLocale().locale = locale;
  return locale;
}

/** next-intl's `getLocale()` as one of our locales; remembered for the hooks below. */
export async function getLocale(): Promise<Locale> {
  return requestLocale().locale ?? known(await getRequestLocale());
}

/** next-intl's `useLocale()` for the (non-async) server components, without suspending once the language is known. */
export function useLocale(): Locale {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- the same hook on every call of a component: only where the language is not known yet, which does not change within a render
  return requestLocale().locale ?? known(useRequestLocale());
}

/**
 * next-intl's `getTranslations(namespace)` for server components, with the same types and the
 * same wording (lib/i18n/translator.test.ts), but from the process-wide translators of
 * lib/i18n/translator.ts: next-intl compiles every message with values again on each request,
 * which was a measurable part of the overview's render under 20 clients (docs/benchmarks.md).
 * The language is still the request's (lib/i18n/request.ts).
 */
export async function getTranslations<NS extends Namespace>(namespace: NS): Promise<ReturnType<typeof createTranslator<Messages, NS>>> {
  return namespacedTranslator(await getLocale(), namespace) as ReturnType<typeof createTranslator<Messages, NS>>;
}

/**
 * next-intl's `useTranslations(namespace)` for the (non-async) server components, from the same
 * process-wide translators as `getTranslations` above. Components that also render in the browser
 * keep next-intl's own hook: this module is server-only.
 */
export function useTranslations<NS extends Namespace>(namespace: NS): ReturnType<typeof createTranslator<Messages, NS>> {
  return namespacedTranslator(useLocale(), namespace) as ReturnType<typeof createTranslator<Messages, NS>>;
}
