// use-intl's core (what next-intl re-exports): no React, so the CLIs and the worker (plain Node
// through tsx, where "next-intl" resolves to its client build and React's named exports are missing)
// can word e-mails too.
import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { loadMessages } from "./messages";

function baseTranslator(locale: Locale) {
  return createTranslator({ locale, messages: loadMessages(locale) });
}

export type Translator = ReturnType<typeof baseTranslator>;

// One translator per language for the whole process: they hold no request state.
const translators: Partial<Record<Locale, Translator>> = {};

/**
 * A translator outside React and outside a request (e-mails, Slack messages, the engine's English
 * `reason`, CLIs): the same messages and ICU formatting as the screens, for a locale named here.
 */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): Translator {
  return (translators[locale] ??= fastTranslator(locale));
}

function lookup(messages: unknown, key: string): unknown {
  let node = messages;
  for (const part of key.split("."))
    node = node !== null && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/**
 * use-intl's translator, with each message compiled once per process. use-intl memoizes its
 * compiled messages under a key it builds per call by JSON-serialising the message with every
 * date and number format it knows (~20 µs a call); an alert pass words thousands of e-mails of a
 * dozen messages each, and that key was most of its time (docs/benchmarks.md, issue 19). The same
 * IntlMessageFormat formats the same message here; anything out of the ordinary (a missing key,
 * a value that does not fit, rich text, formats per call) goes to use-intl itself, so errors and
 * fallbacks stay use-intl's.
 */
function fastTranslator(locale: Locale): Translator {
  const base = baseTranslator(locale);
  const messages = loadMessages(locale);
  const compiled = new Map<string, IntlMessageFormat | string>();
  const translate = (key: string, values?: Record<string, unknown>, formats?: unknown): string => {
    const call = base as unknown as (key: string, values?: unknown, formats?: unknown) => string;
    if (formats !== undefined) return call(key, values, formats);
    let format = compiled.get(key);
    if (format === undefined) {
      const message = lookup(messages, key);
      if (typeof message !== "string") return call(key, values);
      // use-intl's own hot path: a message with nothing to fill in is returned as it is.
      format = /[{}'<]/.test(message) ? new IntlMessageFormat(message, locale) : message;
      compiled.set(key, format);
    }
    if (typeof format === "string") return format;
    try {
      const out = format.format(values as Record<string, string | number | boolean | Date> | undefined);
      return typeof out === "string" ? out : call(key, values);
    } catch {
      return call(key, values);
    }
  };
  return Object.assign(translate, { rich: base.rich, markup: base.markup, raw: base.raw, has: base.has }) as unknown as Translator;
}

type FullTranslator = ((key: string, values?: unknown, formats?: unknown) => string) & {
  rich: (key: string, values?: unknown, formats?: unknown) => unknown;
  markup: (key: string, values?: unknown, formats?: unknown) => string;
  raw: (key: string) => unknown;
  has: (key: string) => boolean;
};

// One namespaced view per (language, namespace) for the whole process, like the translators.
const namespaced = new Map<string, unknown>();

/**
 * `translatorFor(locale)` seen from one namespace: `t("title")` is `t("<namespace>.title")`.
 * The server components' `getTranslations` (lib/i18n/server.ts) hands these out, so a message is
 * compiled once per process instead of once per request (next-intl keeps its compiled messages
 * per request); a missing key falls back to use-intl with the full key, as next-intl does.
 */
export function namespacedTranslator(locale: Locale, namespace: string): unknown {
  const cacheKey = `${locale}\u0000${namespace}`;
  let view = namespaced.get(cacheKey);
  if (view === undefined) {
    const t = translatorFor(locale) as unknown as FullTranslator;
    const full = (key: string) => `${namespace}.${key}`;
    view = Object.assign((key: string, values?: unknown, formats?: unknown) => t(full(key), values, formats), {
      rich: (key: string, values?: unknown, formats?: unknown) => t.rich(full(key), values, formats),
      markup: (key: string, values?: unknown, formats?: unknown) => t.markup(full(key), values, formats),
      raw: (key: string) => t.raw(full(key)),
      has: (key: string) => t.has(full(key)),
    });
    namespaced.set(cacheKey, view);
  }
  return view;
}
