import { createTranslator } from "next-intl";
import en from "./messages/en.json";

// Validation and pipeline messages (namespace `errors` of the messages) are written once, in
// English, where they are checked: a zod schema, an AppError. Everything that reads them without a
// language — the API's JSON, the CLIs, the tests, a form checking before it sends — keeps getting
// that English text unchanged. `errorMessage(key)` returns it and remembers which key (and
// parameters) it came from, so the action pipeline and the forms can say the same message in the
// viewer's language: `localizeError(text, t)`. Client-safe: plain data and next-intl's formatter.

const english = createTranslator({ locale: "en", messages: en, namespace: "errors" });

/** A key of the `errors` namespace ("form.checkFields", "alerts.nameChannel"). */
export type ErrorKey = Parameters<typeof english>[0];
type ErrorParams = Record<string, string | number>;

const known = new Map<string, { key: ErrorKey; params?: ErrorParams }>();
// Messages made at parse time can carry what a user typed (`Unknown carrier "…"`): the map stops
// growing past this, so such a message is then shown in English rather than memory filling up.
// The messages a schema makes when its module loads come first and are always kept.
const MAX_KNOWN = 5_000;

/** The English text of `errors.<key>`, remembered so it can be localised later. */
export function errorMessage(key: ErrorKey, params?: ErrorParams): string {
  const text = (english as (k: string, p?: ErrorParams) => string)(key, params);
  if (!known.has(text) && known.size < MAX_KNOWN) known.set(text, params ? { key, params } : { key });
  return text;
}

/** A translator that can render any `errors` key: the root one (`ctx.t`) or `useTranslations("errors")`. */
export type ErrorTranslator = (key: ErrorKey, params?: ErrorParams) => string;

/** `text` in the translator's language when it is a message errorMessage made; otherwise `text` as it is. */
export function localizeError(text: string, translate: ErrorTranslator): string {
  const found = known.get(text);
  return found ? translate(found.key, found.params) : text;
}

/** For a root translator (ctx.t, translatorFor(locale)): its `errors.*` keys as an ErrorTranslator. */
export function errorsOf(t: (key: never, params?: never) => string): ErrorTranslator {
  const root = t as unknown as (key: string, params?: ErrorParams) => string;
  return (key, params) => root(`errors.${key}`, params);
}
