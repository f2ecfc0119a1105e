import "server-only";
import { db } from "@/lib/db";
import { ruleTitle } from "@/lib/policy";
import { type RiskQueueItem, countOpenFlagsByRule, countOpenFlagsPerStore, getRiskQueue } from "./risk";
import type { DataScope } from "./scope";

// The daily digest: what ops must do today, on one page and as a summary to send (lib/digest-text.ts).
// It is the risk queue summed up — the same open flags, the same order — so the two never disagree.

/** How many of the most urgent items the digest lists one by one. */
export const DIGEST_ITEMS = 20;

export type Digest = {
  organization: string;
  generatedAt: Date;
  totals: { open: number; critical: number; overdue: number; dueSoon: number };
  rules: { rule: string; title: string; count: number; critical: number; overdue: number; dueSoon: number }[];
  stores: { id: string; name: string; timeZone: string; open: number; critical: number }[];
  /** The first DIGEST_ITEMS of the queue: overdue first, then least time left. */
  urgent: RiskQueueItem[];
};

export async function getDigest(scope: DataScope, now: Date): Promise<Digest> {
  const [org, rules, perStore, queue, stores] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: scope.organizationId }, select: { name: true } }),
    countOpenFlagsByRule(scope, now),
    countOpenFlagsPerStore(scope, now),
    getRiskQueue(scope, { limit: DIGEST_ITEMS }, now),
    db.store.findMany({ where: { organizationId: scope.organizationId }, select: { id: true, name: true, timeZone: true }, orderBy: { name: "asc" } }),
  ]);
  const sum = (key: "count" | "critical" | "overdue" | "dueSoon") => rules.reduce((n, r) => n + r[key], 0);
  const counts = new Map(perStore.map((s) => [s.storeId, s]));
  return {
    organization: org.name,
    generatedAt: now,
    totals: { open: sum("count"), critical: sum("critical"), overdue: sum("overdue"), dueSoon: sum("dueSoon") },
    rules: rules.map((r) => ({ ...r, title: ruleTitle(r.rule) })),
    stores: stores
      .map((s) => ({ ...s, open: counts.get(s.id)?.total ?? 0, critical: counts.get(s.id)?.critical ?? 0 }))
      .sort((a, b) => b.critical - a.critical || b.open - a.open || a.name.localeCompare(b.name)),
    urgent: queue.items,
  };
}
