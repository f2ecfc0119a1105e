import { ruleTitleIn } from "@/lib/i18n/policy-text";
import type { Digest } from "@/lib/data/digest";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { dateLocale, numberLocale } from "@/lib/i18n/intl-locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatCount, formatInstant } from "./format";

// The digest as plain text: what an ops lead pastes into an e-mail or a chat in the morning.
// Instants in each store's zone with the zone named, as on screen. Worded in `locale` (the
// recipient's language for the e-mailed digest; English by default, as the text export).

export function digestText(digest: Digest, queueUrl: string, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale);
  const n = (value: number) => formatCount(value, numberLocale(locale));
  const at = (instant: Date, zone: string) => formatInstant(instant, zone, dateLocale(locale));
  const { totals } = digest;
  const lines = [
    t("email.digest.heading", { organization: digest.organization, at: at(digest.generatedAt, "UTC") }),
    "",
    totals.open === 0
      ? t("email.digest.nothingOpen")
      : t("email.digest.totals", {
          open: totals.open,
          overdue: n(totals.overdue),
          dueSoon: n(totals.dueSoon),
          hours: n(digest.dueSoonHours),
          critical: n(totals.critical),
        }),
  ];
  if (digest.missedReturns.count > 0) {
    lines.push(t("email.digest.missed", { count: digest.missedReturns.count, days: digest.missedReturns.days }));
  }
  if (digest.urgent.length > 0) {
    lines.push("", t("email.digest.mostUrgent"));
    for (const item of digest.urgent) {
      const title = ruleTitleIn(item.rule, locale);
      const zone = item.store?.timeZone ?? "UTC";
      const due = item.dueAt ? t(item.overdue ? "email.digest.overdueSince" : "email.digest.due", { at: at(item.dueAt, zone) }) : t("email.digest.noDeadline");
      const where = [item.store?.name, item.order?.externalId].filter(Boolean).join(" · ");
      lines.push(`- [${t(`email.tag.${item.severity}`)}] ${title}${where ? ` · ${where}` : ""} · ${due}`, `  ${formatFlagReason(item, locale)}`);
    }
    if (totals.open > digest.urgent.length) lines.push(t("email.digest.more", { count: n(totals.open - digest.urgent.length) }));
  }
  const busy = digest.rules.filter((r) => r.count > 0);
  if (busy.length > 0) {
    lines.push("", t("email.digest.byRule"));
    for (const r of busy)
      lines.push(
        t("email.digest.ruleLine", {
          title: locale === "en" ? r.title : ruleTitleIn(r.rule, locale),
          count: n(r.count),
          overdue: n(r.overdue),
          critical: n(r.critical),
        }),
      );
  }
  const stores = digest.stores.filter((s) => s.open > 0);
  if (stores.length > 0) {
    lines.push("", t("email.digest.byStore"));
    for (const s of stores)
      lines.push(
        s.missedReturns
          ? t("email.digest.storeLineMissed", { store: s.name, open: s.open, critical: n(s.critical), missed: n(s.missedReturns) })
          : t("email.digest.storeLine", { store: s.name, open: s.open, critical: n(s.critical) }),
      );
  }
  lines.push("", t("email.digest.openQueue", { url: queueUrl }));
  return `${lines.join("\n")}\n`;
}
