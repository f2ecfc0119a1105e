// use-intl's core (what next-intl re-exports): no React, so the CLIs and the worker (plain Node
// through tsx, where "next-intl" resolves to its client build and React's named exports are missing)
// can word e-mails too.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * A translator outside React and outside a request (e-mails, Slack messages, the engine's English
 * `reason`, CLIs): the same messages and ICU formatting as the screens, for a locale named here.
 */
export function translatorFor(locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: loadMessages(locale) });
}

export type Translator = ReturnType<typeof translatorFor>;
