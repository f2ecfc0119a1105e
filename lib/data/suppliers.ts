import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AWAITING_DISPATCH } from "@/lib/flags/sql";
import type { DataScope } from "./scope";

// Supplier scorecards: what each supplier promised and what they did. A supplier's own login
// sees only their own card (the filter is in the query); nothing here is money or buyer data,
// so the same card is safe to show them.

export const SCORECARD_DAYS = 90;

export type SupplierScorecard = {
  id: string;
  name: string;
  shipFromCountry: string;
  promisedOutboundHours: number;
  promisedDeliveryDays: number;
  /** Orders placed in the window, cancelled excluded. */
  orders: number;
  medianOutboundHours: number | null;
  medianDeliveryDays: number | null;
  /** TikTok orders whose dispatch deadline passed in the window; late = scanned after it or not yet. */
  deadlineLate: number;
  deadlineDue: number;
  /** Orders dispatched later than the supplier's own promise (or still waiting past it). */
  promiseBreached: number;
  promiseDue: number;
  /** Not cancelled and not yet handed to the carrier. */
  openOrders: number;
  /** Orders in the window with an open tracking.invalid flag, over those with a tracking number. */
  invalidTracking: number;
  withTracking: number;
};

/** One aggregate statement over the (supplierId, placedAt) index, grouped by supplier. */
export async function listSupplierScorecards(scope: DataScope, now: Date): Promise<SupplierScorecard[]> {
  const since = new Date(now.getTime() - SCORECARD_DAYS * 86_400_000);
  const onlyMine = scope.supplierId ? Prisma.sql`AND id = ${scope.supplierId}` : Prisma.empty;
  const rows = await db.$queryRaw<SupplierScorecard[]>`
    WITH s AS (
      SELECT id, name, "shipFromCountry", "promisedOutboundHours", "promisedDeliveryDays"
      FROM "Supplier"
      WHERE "organizationId" = ${scope.organizationId} ${onlyMine}
    ),
    w AS (
      SELECT o.id, o."supplierId", o.channel, o.status, o."placedAt", o."inTransitAt", o."deliveredAt", o."dispatchDueAt", o."trackingNumber",
             s."promisedOutboundHours"
      FROM s JOIN "Order" o ON o."supplierId" = s.id
      WHERE o."organizationId" = ${scope.organizationId} AND o."placedAt" >= ${since} AND o."placedAt" < ${now} AND o.status <> 'CANCELLED'
    ),
    agg AS (
      SELECT w."supplierId",
        count(*)::int AS orders,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM w."inTransitAt" - w."placedAt") / 3600.0)
          FILTER (WHERE w."inTransitAt" IS NOT NULL) AS "medianOutboundHours",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM w."deliveredAt" - w."inTransitAt") / 86400.0)
          FILTER (WHERE w."deliveredAt" IS NOT NULL AND w."inTransitAt" IS NOT NULL) AS "medianDeliveryDays",
        count(*) FILTER (WHERE w.channel = 'TIKTOK_SHOP' AND w."dispatchDueAt" < ${now}
          AND (w."inTransitAt" IS NULL OR w."inTransitAt" > w."dispatchDueAt"))::int AS "deadlineLate",
        count(*) FILTER (WHERE w.channel = 'TIKTOK_SHOP' AND w."dispatchDueAt" < ${now})::int AS "deadlineDue",
        count(*) FILTER (WHERE w."inTransitAt" - w."placedAt" > make_interval(hours => w."promisedOutboundHours")
          OR (w."inTransitAt" IS NULL AND w.status IN ${AWAITING_DISPATCH} AND w."placedAt" + make_interval(hours => w."promisedOutboundHours") < ${now}::timestamptz))::int AS "promiseBreached",
        count(*) FILTER (WHERE w."inTransitAt" IS NOT NULL
          OR (w.status IN ${AWAITING_DISPATCH} AND w."placedAt" + make_interval(hours => w."promisedOutboundHours") < ${now}::timestamptz))::int AS "promiseDue",
        count(*) FILTER (WHERE w."trackingNumber" IS NOT NULL)::int AS "withTracking",
        count(*) FILTER (WHERE w."trackingNumber" IS NOT NULL AND EXISTS (
          SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = w.id AND f.rule = 'tracking.invalid'))::int AS "invalidTracking"
      FROM w GROUP BY w."supplierId"
    ),
    open AS (
      -- Open orders regardless of when they were placed: the supplier still owes them.
      SELECT o."supplierId", count(*)::int AS n
      FROM s JOIN "Order" o ON o."supplierId" = s.id
      WHERE o."organizationId" = ${scope.organizationId} AND o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH}
      GROUP BY o."supplierId"
    )
    SELECT s.id, s.name, s."shipFromCountry", s."promisedOutboundHours", s."promisedDeliveryDays",
      coalesce(agg.orders, 0)::int AS orders, agg."medianOutboundHours", agg."medianDeliveryDays",
      coalesce(agg."deadlineLate", 0)::int AS "deadlineLate", coalesce(agg."deadlineDue", 0)::int AS "deadlineDue",
      coalesce(agg."promiseBreached", 0)::int AS "promiseBreached", coalesce(agg."promiseDue", 0)::int AS "promiseDue",
      coalesce(open.n, 0)::int AS "openOrders",
      coalesce(agg."invalidTracking", 0)::int AS "invalidTracking", coalesce(agg."withTracking", 0)::int AS "withTracking"
    FROM s LEFT JOIN agg ON agg."supplierId" = s.id LEFT JOIN open ON open."supplierId" = s.id
    ORDER BY s.name`;
  return rows.map((r) => ({
    ...r,
    medianOutboundHours: r.medianOutboundHours === null ? null : Number(r.medianOutboundHours),
    medianDeliveryDays: r.medianDeliveryDays === null ? null : Number(r.medianDeliveryDays),
  }));
}

/** The organisation's suppliers as choices for a form (id and name, by name). */
export function listSupplierOptions(scope: DataScope): Promise<{ id: string; name: string }[]> {
  return db.supplier.findMany({ where: { organizationId: scope.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
