import { Prisma } from "@/lib/generated/prisma/client";
import type { PolicySettings } from "@/lib/policy/settings";

// The SQL side of "which flags does an order have right now". Stored flags live in "RiskFlag";
// the two flags that change only with the clock are derived from the instants stored on the order
// when it was written, so they are right at any `now` without re-running the engine:
//   fulfillment.dispatch_deadline — not yet in transit and less than dispatch.dueSoonHours before
//     dispatchDueAt (CRITICAL under dispatch.criticalHours or once overdue, WARNING otherwise);
//   fulfillment.auto_cancel_risk  — still without tracking after the dispatch deadline, due at
//     autoCancelAt (CRITICAL under autoCancel.criticalHours).
// The thresholds are the organisation's settings, read by the one settings reader
// (lib/data/settings.ts) and passed in: no copy of a threshold lives here. Orders Fulfilled by
// TikTok have neither instant (lib/flags/refresh-orders.ts), so they never carry these flags.

export const DERIVED_RULES = ["fulfillment.dispatch_deadline", "fulfillment.auto_cancel_risk"] as const;
export type DerivedRule = (typeof DERIVED_RULES)[number];

/** Statuses in which a TikTok order still waits for its first carrier scan. */
export const AWAITING_DISPATCH = Prisma.sql`('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD')`;

/** `o` has an open dispatch-deadline flag at `now`. */
export function dispatchFlagOpen(now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.sql`(o."dispatchDueAt" IS NOT NULL AND o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH}
    AND o."dispatchDueAt" < ${now}::timestamptz + make_interval(secs => ${settings.dispatch.dueSoonHours * 3600}))`;
}

/** The open dispatch flag of `o` is critical at `now` (under criticalHours left, or overdue). */
export function dispatchCriticalSql(now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.sql`(o."dispatchDueAt" < ${now}::timestamptz + make_interval(secs => ${settings.dispatch.criticalHours * 3600}))`;
}

/** The open auto-cancel flag of `o` is critical at `now`. */
export function autoCancelCriticalSql(now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.sql`(o."autoCancelAt" < ${now}::timestamptz + make_interval(secs => ${settings.autoCancel.criticalHours * 3600}))`;
}

/** `o` has an open auto-cancel flag at `now` (no tracking uploaded after the dispatch deadline). */
export function autoCancelFlagOpen(now: Date): Prisma.Sql {
  return Prisma.sql`(o."autoCancelAt" IS NOT NULL AND o."inTransitAt" IS NULL AND o.status IN ('AWAITING_SHIPMENT','ON_HOLD')
    AND o."trackingNumber" IS NULL AND o."dispatchDueAt" < ${now}::timestamptz)`;
}

/** Severity of the derived dispatch flag at `now`, as SQL returning 'CRITICAL' | 'WARNING'. */
export function dispatchSeveritySql(now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${dispatchCriticalSql(now, settings)} THEN 'CRITICAL' ELSE 'WARNING' END`;
}

/** `o` has an open flag of `rule` at `now` (stored or derived). */
export function orderHasRule(rule: string, now: Date, settings: PolicySettings): Prisma.Sql {
  if (rule === "fulfillment.dispatch_deadline") {
    return Prisma.sql`(${dispatchFlagOpen(now, settings)} OR EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id AND f.rule = ${rule}))`;
  }
  if (rule === "fulfillment.auto_cancel_risk") return autoCancelFlagOpen(now);
  return Prisma.sql`EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id AND f.rule = ${rule})`;
}

/** `o` has any open flag at `now`. */
export function orderHasAnyFlag(now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.sql`(${dispatchFlagOpen(now, settings)} OR ${autoCancelFlagOpen(now)} OR EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id))`;
}
