import en from "./messages/en.json";
import nl from "./messages/nl.json";
import zhCN from "./messages/zh-CN.json";
import type { Locale } from "./locales";

// One message file per language; English is the reference every other file must match key for
// key and parameter for parameter (lib/i18n/messages.test.ts).
export type Messages = typeof en;

const MESSAGES: Record<Locale, Messages> = { en, nl, "zh-CN": zhCN };

export function loadMessages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/**
 * The namespaces client components read (useTranslations in a "use client" file). Only these are
 * sent to the browser, so the RSC payload of every page does not carry every screen's wording.
 */
export const CLIENT_NAMESPACES = ["common", "vocabulary", "duration", "policySettingsForm"] as const satisfies readonly (keyof Messages)[];

export function pickClientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
}
