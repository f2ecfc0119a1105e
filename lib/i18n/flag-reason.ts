import type { Locale } from "./locales";

/** What a stored or derived flag carries to say why it is raised (RiskFlag's reason columns). */
export type FlagReasonSource = { reason: string; reasonKey?: string | null; reasonParams?: unknown };

/**
 * A flag's reason in `locale`: its message key (namespace "reasons") rendered with its parameters
 * (instants in the store's zone, money in its currency), else the stored English text.
 * TODO(issue 21, reasons helper): render reasonKey through the messages.
 */
export function formatFlagReason(flag: FlagReasonSource, locale: Locale): string {
  void locale;
  return flag.reason;
}
