import { type ReasonCatalog, renderReason } from "@/lib/policy/reason-render";
import type { Locale } from "./locales";
import { loadMessages } from "./messages";

/** What a stored or derived flag carries to say why it is raised (RiskFlag's reason columns). */
export type FlagReasonSource = { reason: string; reasonKey?: string | null; reasonParams?: unknown };

// i18n-uses: reasons, duration (the engine names the keys; lib/policy tests check each one it can emit exists)
const catalogs: Partial<Record<Locale, ReasonCatalog>> = {};

function catalogOf(locale: Locale): ReasonCatalog {
  const messages = loadMessages(locale);
  return (catalogs[locale] ??= { reasons: messages.reasons, duration: messages.duration });
}

/**
 * A flag's reason in `locale`: its message key (namespace "reasons") rendered with its parameters
 * (instants in the zone they carry, named; money in its currency; durations through the
 * "duration" messages), all through Intl for that locale. A flag without a key (stored before
 * reasons had keys, or written by hand), a key this version does not know or parameters that do
 * not fit it: the stored English text.
 */
export function formatFlagReason(flag: FlagReasonSource, locale: Locale): string {
  if (!flag.reasonKey) return flag.reason;
  try {
    return renderReason({ key: flag.reasonKey, params: flag.reasonParams ?? {} }, locale, catalogOf(locale));
  } catch {
    return flag.reason;
  }
}
