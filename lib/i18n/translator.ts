import { createTranslator } from "next-intl";
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
