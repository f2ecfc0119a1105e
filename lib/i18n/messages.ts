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
export const CLIENT_NAMESPACES = [
  "common",
  "vocabulary",
  // The shell's sign-out and language switcher, the sign-in and sign-up forms, /account's forms,
  // the error boundaries and forms that check in the browser (errors), buttons and countdowns (ui),
  // the demo's removal form.
  "shell",
  "auth",
  "account",
  "errors",
  "ui",
  "gettingStarted",
  // The reporting-currency forms on /settings.
  "currency",
  "overview",
  "risk",
  "orders",
  "returns",
  "digest",
  "import",
  "stores",
  "compliance",
  "suppliers",
  "users",
  "sharing",
  "alerts",
  // Countdowns and the policy settings form.
  "duration",
  "policySettingsForm",
] as const satisfies readonly (keyof Messages)[];

export function pickClientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
}
