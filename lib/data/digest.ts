import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { ruleTitle } from "@/lib/policy";
import { MISSED_RETURNS_DAYS, type RiskQueueItem, countMissedReturns, countOpenFlagsByRule, countOpenFlagsPerStore, getRiskQueue } from "./risk";
import { organizationSettings } from "./settings";
import type { DataScope } from "./scope";

// The daily digest: what ops must do today, on one page and as a summary to send (lib/digest-text.ts).
// It is the risk queue summed up — the same open flags, the same order — so the two never disagree.

/** How many of the most urgent items the digest lists one by one. */
export const DIGEST_ITEMS = 20;

export type Digest = {
  organization: string;
  generatedAt: Date;
  totals: { open: number; critical: number; overdue: number; dueSoon: number };
  /** The organisation's due-soon hours (settings.dispatch.dueSoonHours): what "due soon" counts. */
  dueSoonHours: number;
  /** Return requests the platform auto-approved in the last `days` days because nobody answered in time. */
  missedReturns: { count: number; days: number };
  rules: { rule: string; title: string; count: number; critical: number; overdue: number; dueSoon: number }[];
  stores: { id: string; name: string; timeZone: string; open: number; critical: number; missedReturns: number }[];
  /** The first DIGEST_ITEMS of the queue: overdue first, then least time left. */
  urgent: RiskQueueItem[];
};

/** The digest at `now`; the urgent items' `reasonText` is worded in `locale` (the reader's), `reason` stays English. */
export async function getDigest(scope: DataScope, now: Date, locale: Locale = DEFAULT_LOCALE): Promise<Digest> {
  const [org, rules, perStore, queue, stores, missed, settings] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: scope.organizationId }, select: { name: true } }),
    countOpenFlagsByRule(scope, now),
    countOpenFlagsPerStore(scope, now),
    getRiskQueue(scope, { limit: DIGEST_ITEMS }, now, locale),
    // Archived stores are not in the digest (their flags are not counted either).
    db.store.findMany({
      where: { organizationId: scope.organizationId, archivedAt: null },
      select: { id: true, name: true, timeZone: true },
      orderBy: { name: "asc" },
    }),
    countMissedReturns(scope, now),
    organizationSettings(db, scope.organizationId),
  ]);
  const missedByStore = new Map(missed.byStore.map((s) => [s.storeId, s.missed]));
  const sum = (key: "count" | "critical" | "overdue" | "dueSoon") => rules.reduce((n, r) => n + r[key], 0);
  const counts = new Map(perStore.map((s) => [s.storeId, s]));
  return {
    organization: org.name,
    generatedAt: now,
    totals: { open: sum("count"), critical: sum("critical"), overdue: sum("overdue"), dueSoon: sum("dueSoon") },
    dueSoonHours: settings.dispatch.dueSoonHours,
    missedReturns: { count: missed.missed, days: MISSED_RETURNS_DAYS },
    rules: rules.map((r) => ({ ...r, title: ruleTitle(r.rule) })),
    stores: stores
      .map((s) => ({ ...s, open: counts.get(s.id)?.total ?? 0, critical: counts.get(s.id)?.critical ?? 0, missedReturns: missedByStore.get(s.id) ?? 0 }))
      .sort((a, b) => b.critical - a.critical || b.open - a.open || a.name.localeCompare(b.name)),
    urgent: queue.items,
  };
}
