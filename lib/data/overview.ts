import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DataScope } from "./scope";

export type ChannelTotals = {
  channel: Channel;
  orders: number;
  /** Revenue per currency: a US and a UK store are never added together. */
  revenue: { currency: string; minor: bigint }[];
};

/**
 * Orders and revenue per channel for orders placed in [from, to). Cancelled orders count for
 * neither: they are neither sales nor revenue. Aggregated in SQL on the (organizationId,
 * channel, placedAt) index.
 */
export async function getChannelTotals(scope: DataScope, from: Date, to: Date): Promise<ChannelTotals[]> {
  const supplierFilter = scope.supplierId ? Prisma.sql`AND o."supplierId" = ${scope.supplierId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ channel: Channel; currency: string; orders: number; revenue: bigint }[]>`
    SELECT o.channel, o.currency, count(*)::int AS orders, coalesce(sum(o."totalMinor"), 0)::bigint AS revenue
    FROM "Order" o
    WHERE o."organizationId" = ${scope.organizationId}
      AND o."placedAt" >= ${from} AND o."placedAt" < ${to}
      AND o.status <> 'CANCELLED'
      ${supplierFilter}
    GROUP BY o.channel, o.currency
    ORDER BY o.channel, o.currency`;
  const channels: Channel[] = ["TIKTOK_SHOP", "BRAND_SITE"];
  return channels.map((channel) => {
    const mine = rows.filter((r) => r.channel === channel);
    return {
      channel,
      orders: mine.reduce((n, r) => n + r.orders, 0),
      revenue: mine.map((r) => ({ currency: r.currency, minor: BigInt(r.revenue) })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The overview: both channels' KPIs, the daily and weekly trends, for a period and a store.

export type Money = { currency: string; minor: bigint };

export type OverviewFilter = { from: Date; to: Date; storeId?: string | null; now: Date };

export type ChannelKpis = {
  channel: Channel;
  orders: number;
  /** Per currency; null when the viewer may not see money (suppliers). */
  revenue: Money[] | null;
  /** Average order value per currency, rounded half-up to the minor unit in SQL. */
  aov: Money[] | null;
  /** Median hours from placement to the first carrier scan, over orders dispatched so far. */
  medianDispatchHours: number | null;
  dispatched: number;
  /**
   * TikTok: orders whose dispatch deadline fell in the period (and has passed), late when the
   * first scan came after it or has still not come. Brand site: orders placed in the period and
   * due by now, late when the first scan came more than 48 h after placement (or not yet).
   */
  lateDispatch: { late: number; total: number; basis: "DEADLINE" | "48H" };
  /** Delivered orders with a return request ÷ delivered orders; null for suppliers. */
  returns: { returned: number; delivered: number } | null;
  /** Buyers (by lower-cased e-mail) with an earlier order in the same channel ÷ buyers; null for suppliers. */
  repeat: { repeatBuyers: number; buyers: number } | null;
};

const CHANNELS: Channel[] = ["TIKTOK_SHOP", "BRAND_SITE"];
/** The brand site has no platform deadline; 48 h is the service level we hold it to. */
export const BRAND_SITE_LATE_HOURS = 48;

function orderScopeSql(scope: DataScope, storeId: string | null | undefined, alias = "o"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}."organizationId" = ${scope.organizationId}
    ${scope.supplierId ? Prisma.sql`AND ${a}."supplierId" = ${scope.supplierId}` : Prisma.empty}
    ${storeId ? Prisma.sql`AND ${a}."storeId" = ${storeId}` : Prisma.empty}`;
}

const AWAITING_DISPATCH_STATUSES = Prisma.sql`('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD')`;

/** Every KPI of both channels: three aggregate queries in parallel, each on an (organizationId, …) index. */
export async function getChannelKpis(scope: DataScope, filter: OverviewFilter): Promise<ChannelKpis[]> {
  const { from, to, now, storeId } = filter;
  const where = orderScopeSql(scope, storeId);
  const deadlineEnd = new Date(Math.min(to.getTime(), now.getTime()));
  const showMoney = scope.role !== "SUPPLIER";

  const [money, service, tiktokLate] = await Promise.all([
    db.$queryRaw<{ channel: Channel; currency: string; orders: number; revenue: bigint; aov: bigint }[]>`
      SELECT o.channel, o.currency, count(*)::int AS orders, coalesce(sum(o."totalMinor"), 0)::bigint AS revenue,
             round(coalesce(sum(o."totalMinor"), 0)::numeric / count(*))::bigint AS aov
      FROM "Order" o
      WHERE ${where} AND o."placedAt" >= ${from} AND o."placedAt" < ${to} AND o.status <> 'CANCELLED'
      GROUP BY o.channel, o.currency ORDER BY o.channel, o.currency`,
    db.$queryRaw<
      { channel: Channel; medianHours: number | null; dispatched: number; due48: number; late48: number; delivered: number; returned: number; buyers: number; repeatBuyers: number }[]
    >`
      WITH p AS (
        SELECT o.id, o.channel, o.status, o."placedAt", o."inTransitAt", o."deliveredAt", lower(o."buyerEmail") AS email
        FROM "Order" o
        WHERE ${where} AND o."placedAt" >= ${from} AND o."placedAt" < ${to} AND o.status <> 'CANCELLED'
      ),
      stats AS (
        SELECT p.channel,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p."inTransitAt" - p."placedAt") / 3600.0)
            FILTER (WHERE p."inTransitAt" IS NOT NULL) AS "medianHours",
          count(*) FILTER (WHERE p."inTransitAt" IS NOT NULL)::int AS dispatched,
          count(*) FILTER (WHERE p."inTransitAt" IS NOT NULL
            OR (p.status IN ${AWAITING_DISPATCH_STATUSES} AND p."placedAt" + make_interval(hours => ${BRAND_SITE_LATE_HOURS}) < ${now}::timestamptz))::int AS due48,
          count(*) FILTER (WHERE p."inTransitAt" - p."placedAt" > make_interval(hours => ${BRAND_SITE_LATE_HOURS})
            OR (p."inTransitAt" IS NULL AND p.status IN ${AWAITING_DISPATCH_STATUSES} AND p."placedAt" + make_interval(hours => ${BRAND_SITE_LATE_HOURS}) < ${now}::timestamptz))::int AS late48,
          count(*) FILTER (WHERE p."deliveredAt" IS NOT NULL)::int AS delivered,
          count(*) FILTER (WHERE p."deliveredAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."orderId" = p.id))::int AS returned
        FROM p GROUP BY p.channel
      ),
      b AS (
        SELECT p.channel, p.email, count(*) AS n FROM p WHERE p.email IS NOT NULL GROUP BY p.channel, p.email
      ),
      rep AS (
        -- A buyer with two orders in the period has an earlier one; otherwise look before the period.
        SELECT b.channel, count(*)::int AS buyers,
          count(*) FILTER (WHERE b.n >= 2 OR EXISTS (
            SELECT 1 FROM "Order" e
            WHERE ${orderScopeSql(scope, storeId, "e")} AND e.channel = b.channel AND e."placedAt" < ${from}
              AND e.status <> 'CANCELLED' AND lower(e."buyerEmail") = b.email))::int AS "repeatBuyers"
        FROM b GROUP BY b.channel
      )
      SELECT stats.*, coalesce(rep.buyers, 0)::int AS buyers, coalesce(rep."repeatBuyers", 0)::int AS "repeatBuyers"
      FROM stats LEFT JOIN rep ON rep.channel = stats.channel`,
    db.$queryRaw<{ late: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE o."inTransitAt" IS NULL OR o."inTransitAt" > o."dispatchDueAt")::int AS late, count(*)::int AS total
      FROM "Order" o
      WHERE ${where} AND o.channel = 'TIKTOK_SHOP' AND o."dispatchDueAt" >= ${from} AND o."dispatchDueAt" < ${deadlineEnd}
        AND o.status <> 'CANCELLED'`,
  ]);

  return CHANNELS.map((channel) => {
    const m = money.filter((r) => r.channel === channel);
    const s = service.find((r) => r.channel === channel);
    const isTikTok = channel === "TIKTOK_SHOP";
    const late = isTikTok ? { late: tiktokLate[0]?.late ?? 0, total: tiktokLate[0]?.total ?? 0 } : { late: s?.late48 ?? 0, total: s?.due48 ?? 0 };
    return {
      channel,
      orders: m.reduce((n, r) => n + r.orders, 0),
      revenue: showMoney ? m.map((r) => ({ currency: r.currency, minor: BigInt(r.revenue) })) : null,
      aov: showMoney ? m.map((r) => ({ currency: r.currency, minor: BigInt(r.aov) })) : null,
      medianDispatchHours: s?.medianHours === null || s?.medianHours === undefined ? null : Number(s.medianHours),
      dispatched: s?.dispatched ?? 0,
      lateDispatch: { ...late, basis: isTikTok ? "DEADLINE" : "48H" },
      returns: showMoney ? { returned: s?.returned ?? 0, delivered: s?.delivered ?? 0 } : null,
      repeat: showMoney ? { repeatBuyers: s?.repeatBuyers ?? 0, buyers: s?.buyers ?? 0 } : null,
    };
  });
}

export type DailyPoint = {
  /** Local date in the trend's zone, YYYY-MM-DD. */
  day: string;
  TIKTOK_SHOP: number;
  BRAND_SITE: number;
};
export type DailyRevenuePoint = DailyPoint & { currency: string };

export type Trends = {
  timeZone: string;
  orders: DailyPoint[];
  /** Revenue in integer minor units per currency and day; empty for suppliers. */
  revenue: { currency: string; points: DailyPoint[] }[];
  /** TikTok late-dispatch rate per ISO week of the deadline, in the trend's zone. */
  lateWeekly: { week: string; weekStart: string; late: number; total: number }[];
};

/** Local dates from `from` to just before `to`, in `timeZone`. */
function daysBetween(from: Date, to: Date, timeZone: string): string[] {
  const days: string[] = [];
  let d = DateTime.fromJSDate(from, { zone: timeZone }).startOf("day");
  const end = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone: timeZone }).startOf("day");
  while (d <= end && days.length <= 400) {
    days.push(d.toISODate() ?? "");
    d = d.plus({ days: 1 });
  }
  return days;
}

/**
 * Orders and revenue per local day and channel, and the TikTok late-dispatch rate per ISO week:
 * grouped in SQL; the only loop in JS is over the days of the period (to fill empty days).
 */
export async function getTrends(scope: DataScope, filter: OverviewFilter & { timeZone: string }): Promise<Trends> {
  const { from, to, now, storeId, timeZone } = filter;
  const where = orderScopeSql(scope, storeId);
  const deadlineEnd = new Date(Math.min(to.getTime(), now.getTime()));
  const [daily, weekly] = await Promise.all([
    db.$queryRaw<{ day: string; channel: Channel; currency: string; orders: number; revenue: bigint }[]>`
      SELECT to_char(o."placedAt" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, o.channel, o.currency,
             count(*)::int AS orders, coalesce(sum(o."totalMinor"), 0)::bigint AS revenue
      FROM "Order" o
      WHERE ${where} AND o."placedAt" >= ${from} AND o."placedAt" < ${to} AND o.status <> 'CANCELLED'
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ week: string; weekStart: string; late: number; total: number }[]>`
      SELECT to_char(date_trunc('week', o."dispatchDueAt" AT TIME ZONE ${timeZone}), 'IYYY-"W"IW') AS week,
             to_char(date_trunc('week', o."dispatchDueAt" AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS "weekStart",
             count(*) FILTER (WHERE o."inTransitAt" IS NULL OR o."inTransitAt" > o."dispatchDueAt")::int AS late, count(*)::int AS total
      FROM "Order" o
      WHERE ${where} AND o.channel = 'TIKTOK_SHOP' AND o."dispatchDueAt" >= ${from} AND o."dispatchDueAt" < ${deadlineEnd}
        AND o.status <> 'CANCELLED'
      GROUP BY 1, 2 ORDER BY 2`,
  ]);

  const days = daysBetween(from, to, timeZone);
  const blank = (day: string): DailyPoint => ({ day, TIKTOK_SHOP: 0, BRAND_SITE: 0 });
  const orders = new Map(days.map((d) => [d, blank(d)]));
  const revenueByCurrency = new Map<string, Map<string, DailyPoint>>();
  for (const r of daily) {
    const point = orders.get(r.day);
    if (point) point[r.channel] += r.orders;
    let series = revenueByCurrency.get(r.currency);
    if (!series) revenueByCurrency.set(r.currency, (series = new Map(days.map((d) => [d, blank(d)]))));
    const money = series.get(r.day);
    // Daily sums of minor units stay far below 2^53: safe as chart numbers.
    if (money) money[r.channel] += Number(r.revenue);
  }
  return {
    timeZone,
    orders: [...orders.values()],
    revenue:
      scope.role === "SUPPLIER"
        ? []
        : [...revenueByCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, series]) => ({ currency, points: [...series.values()] })),
    lateWeekly: weekly,
  };
}

export type OverviewStoreOption = { id: string; name: string; channel: Channel; timeZone: string; currency: string };

/** The stores of the organisation for the filter (names and zones only: no settings, no secrets); archived ones are left out. */
export async function listStoreOptions(scope: DataScope): Promise<OverviewStoreOption[]> {
  return db.store.findMany({
    where: { organizationId: scope.organizationId, archivedAt: null },
    select: { id: true, name: true, channel: true, timeZone: true, currency: true },
    orderBy: [{ channel: "asc" }, { name: "asc" }],
  });
}
