import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { query, readDeadlineFacts, readPlacedFacts } from "./daily";
import { type ZonedStore, addHist, emptyHist, histMedian } from "./daily-ranges";
import type { DataScope } from "./scope";
import { notArchivedSql, storesOfRead } from "./archived";

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
      ${notArchivedSql(scope.organizationId, `o."storeId"`)}
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
  /** Buyers (by lower-cased e-mail) with an earlier order in the same channel ÷ buyers; null for suppliers (and while pending). */
  repeat: { repeatBuyers: number; buyers: number } | null;
  /** The repeat rate is still being computed (bounded per request); it appears on the next view. */
  repeatPending?: boolean;
};

export type RepeatBuyers = { channel: Channel; buyers: number; repeatBuyers: number };

const CHANNELS: Channel[] = ["TIKTOK_SHOP", "BRAND_SITE"];
/** The brand site has no platform deadline; 48 h is the service level we hold it to. */
export const BRAND_SITE_LATE_HOURS = 48;

/** The scope's orders: of the selected store, or of every store that is not archived (lib/data/archived.ts). */
function orderScopeSql(scope: DataScope, storeId: string | null | undefined, alias = "o"): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${a}."organizationId" = ${scope.organizationId}
    ${scope.supplierId ? Prisma.sql`AND ${a}."supplierId" = ${scope.supplierId}` : Prisma.empty}
    ${storeId ? Prisma.sql`AND ${a}."storeId" = ${storeId}` : notArchivedSql(scope.organizationId, `${alias}."storeId"`)}`;
}

/** The stores a read covers, with their zones: the selected one, or every store of the organisation that is not archived. */
export async function zonedStores(scope: DataScope, storeId?: string | null): Promise<ZonedStore[]> {
  return db.store.findMany({
    where: storesOfRead(scope.organizationId, storeId),
    select: { id: true, channel: true, timeZone: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Every KPI of both channels. Counts, revenue, dispatch and the TikTok deadlines are sums over the
 * daily roll-up (lib/data/daily.ts) plus the partial days at the period's edges; the median is
 * read off the dispatch-hours histogram (within 1 h of the exact one, docs/benchmarks.md).
 * Returns and repeat buyers are read from the returns and the buyer index.
 */
export async function getChannelKpis(scope: DataScope, filter: OverviewFilter, options: { repeat?: boolean } = {}): Promise<ChannelKpis[]> {
  const { from, to, now, storeId } = filter;
  const where = orderScopeSql(scope, storeId);
  const showMoney = scope.role !== "SUPPLIER";
  const stores = await zonedStores(scope, storeId);
  const facts = { organizationId: scope.organizationId, supplierId: scope.supplierId };

  const [placed, deadlines, returned, repeat] = await Promise.all([
    readPlacedFacts(facts, stores, from, to, now, BRAND_SITE_LATE_HOURS),
    readDeadlineFacts(facts, stores, from, to, now),
    showMoney
      ? db.$queryRaw<{ channel: Channel; returned: number }[]>`
          SELECT o.channel, count(DISTINCT o.id)::int AS returned
          FROM "ReturnRequest" r JOIN "Order" o ON o.id = r."orderId"
          WHERE r."organizationId" = ${scope.organizationId} AND ${where}
            AND o."placedAt" >= ${from} AND o."placedAt" < ${to} AND o.status <> 'CANCELLED' AND o."deliveredAt" IS NOT NULL
          GROUP BY o.channel`
      : [],
    showMoney && options.repeat !== false ? getRepeatBuyers(scope, filter) : [],
  ]);

  return CHANNELS.map((channel) => {
    const rows = placed.rows.filter((r) => r.channel === channel);
    const byCurrency = new Map<string, { orders: number; revenue: bigint }>();
    for (const r of rows) {
      const c = byCurrency.get(r.currency) ?? { orders: 0, revenue: 0n };
      c.orders += r.placed;
      c.revenue += r.revenue;
      byCurrency.set(r.currency, c);
    }
    const money = [...byCurrency.entries()].filter(([, c]) => c.orders > 0).sort(([a], [b]) => a.localeCompare(b));
    const hist = emptyHist();
    for (const [key, h] of placed.hist) if (key.endsWith(`:${channel}`)) addHist(hist, h);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    const isTikTok = channel === "TIKTOK_SHOP";
    const tiktokStores = new Set(stores.filter((s) => s.channel === "TIKTOK_SHOP").map((s) => s.id));
    const due = deadlines.filter((d) => tiktokStores.has(d.storeId));
    const late = isTikTok
      ? { late: due.reduce((n, d) => n + d.late, 0), total: due.reduce((n, d) => n + d.due, 0) }
      : { late: sum((r) => r.late), total: sum((r) => r.due) };
    const rep = repeat.find((r) => r.channel === channel);
    return {
      channel,
      orders: sum((r) => r.placed),
      revenue: showMoney ? money.map(([currency, c]) => ({ currency, minor: c.revenue })) : null,
      // Half-up rounding to the minor unit, in integers.
      aov: showMoney ? money.map(([currency, c]) => ({ currency, minor: (2n * c.revenue + BigInt(c.orders)) / (2n * BigInt(c.orders)) })) : null,
      medianDispatchHours: histMedian(hist),
      dispatched: sum((r) => r.dispatched),
      lateDispatch: { ...late, basis: isTikTok ? "DEADLINE" : "48H" },
      returns: showMoney ? { returned: returned.find((r) => r.channel === channel)?.returned ?? 0, delivered: sum((r) => r.delivered) } : null,
      repeat: showMoney ? { repeatBuyers: rep?.repeatBuyers ?? 0, buyers: rep?.buyers ?? 0 } : null,
    };
  });
}

/**
 * Buyers (by lower-cased e-mail) of the period and those with an earlier order in the same
 * channel. Distinct buyers are not additive over days, so this reads the period's orders; each
 * earlier-order check is one probe of the buyer-history index. The slowest KPI at a million
 * orders: the overview asks for it separately, bounded per request (withRepeat).
 */
export async function getRepeatBuyers(scope: DataScope, filter: OverviewFilter): Promise<RepeatBuyers[]> {
  const { storeId, from, to } = filter;
  if (scope.role === "SUPPLIER") return [];
  return query<RepeatBuyers[]>(
    "repeat_buyers",
    Prisma.sql`
    WITH b AS (
      SELECT o.channel, lower(o."buyerEmail") AS email, count(*) AS n
      FROM "Order" o
      WHERE ${orderScopeSql(scope, storeId)} AND o."placedAt" >= ${from} AND o."placedAt" < ${to} AND o.status <> 'CANCELLED' AND o."buyerEmail" IS NOT NULL
      GROUP BY 1, 2
    )
    -- A buyer with two orders in the period has an earlier one; otherwise look before the period.
    SELECT b.channel, count(*)::int AS buyers,
      count(*) FILTER (WHERE b.n >= 2 OR EXISTS (
        SELECT 1 FROM "Order" e
        WHERE ${orderScopeSql(scope, storeId, "e")} AND e.channel = b.channel AND e."placedAt" < ${from}
          AND e.status <> 'CANCELLED' AND lower(e."buyerEmail") = b.email))::int AS "repeatBuyers"
    FROM b GROUP BY b.channel`,
  );
}

export type DailyPoint = {
  /** Local date in the trend's zone, YYYY-MM-DD. */
  day: string;
  TIKTOK_SHOP: number;
  BRAND_SITE: number;
};
export type DailyRevenuePoint = DailyPoint & { currency: string };

export type Trends = {
  /** The zone of the days, or null: each store's days in its own zone. */
  timeZone: string | null;
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
 * Orders and revenue per local day and channel, and the TikTok late-dispatch rate per ISO week of
 * the deadline, from the daily roll-up (whole days) and the raw orders (the period's partial
 * edges). `timeZone` null: each store's days in its own zone (all stores: a store's "25 Nov" is
 * its local 25 Nov); a zone: every store's days in that zone (stores in another zone are then
 * read from the raw orders).
 */
export async function getTrends(scope: DataScope, filter: OverviewFilter & { timeZone: string | null }): Promise<Trends> {
  const { from, to, now, storeId, timeZone } = filter;
  const stores = await zonedStores(scope, storeId);
  const facts = { organizationId: scope.organizationId, supplierId: scope.supplierId };
  const zone = timeZone ?? undefined;
  const [placed, deadlines] = await Promise.all([
    readPlacedFacts(facts, stores, from, to, now, BRAND_SITE_LATE_HOURS, zone, { hist: false }),
    readDeadlineFacts(facts, stores, from, to, now, zone),
  ]);

  const zones = timeZone ? [timeZone] : [...new Set(stores.map((s) => s.timeZone))];
  const days = [...new Set((zones.length ? zones : ["UTC"]).flatMap((z) => daysBetween(from, to, z)))].sort();
  const blank = (day: string): DailyPoint => ({ day, TIKTOK_SHOP: 0, BRAND_SITE: 0 });
  const orders = new Map(days.map((d) => [d, blank(d)]));
  const revenueByCurrency = new Map<string, Map<string, DailyPoint>>();
  for (const r of placed.rows) {
    const point = orders.get(r.day);
    if (point) point[r.channel] += r.placed;
    let series = revenueByCurrency.get(r.currency);
    if (!series) revenueByCurrency.set(r.currency, (series = new Map(days.map((d) => [d, blank(d)]))));
    const money = series.get(r.day);
    // Daily sums of minor units stay far below 2^53: safe as chart numbers.
    if (money) money[r.channel] += Number(r.revenue);
  }
  const tiktokStores = new Set(stores.filter((s) => s.channel === "TIKTOK_SHOP").map((s) => s.id));
  const weeks = new Map<string, { week: string; weekStart: string; late: number; total: number }>();
  for (const d of deadlines) {
    if (!tiktokStores.has(d.storeId)) continue;
    const start = DateTime.fromISO(d.day, { zone: "UTC" }).startOf("week");
    const weekStart = start.toISODate() as string;
    const w = weeks.get(weekStart) ?? { week: start.toFormat("kkkk-'W'WW"), weekStart, late: 0, total: 0 };
    w.late += d.late;
    w.total += d.due;
    weeks.set(weekStart, w);
  }
  return {
    timeZone,
    orders: [...orders.values()],
    revenue:
      scope.role === "SUPPLIER"
        ? []
        : [...revenueByCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, series]) => ({ currency, points: [...series.values()] })),
    lateWeekly: [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
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

/** The KPIs with the repeat rate filled in, or marked pending when it was not ready in time. */
export function withRepeat(kpis: ChannelKpis[], repeat: RepeatBuyers[] | undefined, scope: DataScope): ChannelKpis[] {
  if (scope.role === "SUPPLIER") return kpis;
  return kpis.map((k) => {
    if (!repeat) return { ...k, repeat: null, repeatPending: true };
    const r = repeat.find((x) => x.channel === k.channel);
    return { ...k, repeat: { repeatBuyers: r?.repeatBuyers ?? 0, buyers: r?.buyers ?? 0 } };
  });
}
