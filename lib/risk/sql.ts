import { Prisma } from "@/lib/generated/prisma/client";

// The SQL side of "which flags does an order have right now". Stored flags live in "RiskFlag";
// the two flags that change only with the clock are derived from the instants stored on the order
// when it was written, so they are right at any `now` without re-running the engine:
//   fulfillment.dispatch_deadline — not yet in transit and less than 24 h before dispatchDueAt
//     (CRITICAL under 6 h or once overdue, WARNING otherwise);
//   fulfillment.auto_cancel_risk  — still without tracking after the dispatch deadline, due at autoCancelAt.
// The thresholds here are the policy defaults (lib/policy/settings.ts: dueSoonHours 24,
// criticalHours 6); lib/risk/sql.test.ts keeps them in step.

export const DERIVED_RULES = ["fulfillment.dispatch_deadline", "fulfillment.auto_cancel_risk"] as const;
export type DerivedRule = (typeof DERIVED_RULES)[number];

export const DUE_SOON_HOURS = 24;
export const CRITICAL_HOURS = 6;

/** Statuses in which a TikTok order still waits for its first carrier scan. */
export const AWAITING_DISPATCH = Prisma.sql`('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD')`;

/** `o` has an open dispatch-deadline flag at `now`. */
export function dispatchFlagOpen(now: Date): Prisma.Sql {
  return Prisma.sql`(o."dispatchDueAt" IS NOT NULL AND o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH}
    AND o."dispatchDueAt" < ${now}::timestamptz + make_interval(hours => ${DUE_SOON_HOURS}))`;
}

/** `o` has an open auto-cancel flag at `now` (no tracking uploaded after the dispatch deadline). */
export function autoCancelFlagOpen(now: Date): Prisma.Sql {
  return Prisma.sql`(o."autoCancelAt" IS NOT NULL AND o."inTransitAt" IS NULL AND o.status IN ('AWAITING_SHIPMENT','ON_HOLD')
    AND o."trackingNumber" IS NULL AND o."dispatchDueAt" < ${now}::timestamptz)`;
}

/** Severity of the derived dispatch flag at `now`, as SQL returning 'CRITICAL' | 'WARNING'. */
export function dispatchSeveritySql(now: Date): Prisma.Sql {
  return Prisma.sql`CASE WHEN o."dispatchDueAt" < ${now}::timestamptz + make_interval(hours => ${CRITICAL_HOURS}) THEN 'CRITICAL' ELSE 'WARNING' END`;
}

/** `o` has an open flag of `rule` at `now` (stored or derived). */
export function orderHasRule(rule: string, now: Date): Prisma.Sql {
  if (rule === "fulfillment.dispatch_deadline") {
    return Prisma.sql`(${dispatchFlagOpen(now)} OR EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id AND f.rule = ${rule}))`;
  }
  if (rule === "fulfillment.auto_cancel_risk") return autoCancelFlagOpen(now);
  return Prisma.sql`EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id AND f.rule = ${rule})`;
}

/** `o` has any open flag at `now`. */
export function orderHasAnyFlag(now: Date): Prisma.Sql {
  return Prisma.sql`(${dispatchFlagOpen(now)} OR ${autoCancelFlagOpen(now)} OR EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id))`;
}
