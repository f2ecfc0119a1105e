import "server-only";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import type { DataScope } from "@/lib/data/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market } from "@/lib/generated/prisma/enums";
import type { PolicySettings } from "@/lib/policy/settings";
import { autoCancelFlagOpen, dispatchCriticalSql, dispatchFlagOpen } from "@/lib/flags/sql";
import { addCalendarDays, endOfLocalDay, addBusinessDays, localDateOf, startOfLocalDay } from "@/lib/policy/business-days";
import { changeEffectiveFrom } from "@/lib/policy/changes";
import {
  type ServiceComparison,
  type StoreExposure,
  type SupplierShare,
  type TrendPoint,
  viewMetrics,
  viewProjection,
  worstBandOf,
} from "@/lib/performance/exposure";
import { type Band, METRIC_KEYS, type MetricKey, type Tally, displayedNumerator, displayedPercent, metricRules } from "@/lib/performance/metrics";
import type { AtRiskOrder } from "@/lib/performance/projection";
import { type MetricWindows, NON_BUYER_FAULT_REASONS, type StoreTallies, TRACKING_FAULT_RULES } from "@/lib/performance/tally";
import { type Window, deliveryDueCalendar, lastIsoWeeks, windowFor } from "@/lib/performance/windows";
import { SLOW_SECTION_BUDGET_MS, cachedReadWithin } from "@/lib/data/cache";
import { organizationSettings } from "@/lib/data/settings";
import { archivedStoresSql, notArchivedSql } from "@/lib/data/archived";

// Server-only reads for shop-performance exposure. The counts follow the definitions in
// tally.ts, one aggregate query per purpose on the (storeId, placedAt) index; the pure modules
// turn them into bands, headroom and the what-if.

const DAY = 24 * 3600 * 1000;
/** Orders placed this long before a window can still count in it (a deadline or delivery falls later). */
const LOOKBACK_SLACK_DAYS = 60;
export const TREND_WEEKS = 12;
/**
 * Store tallies computed at once for the summaries: half the cores. They run in the background of
 * a page view (bounded per request, lib/data/cache.ts), and the viewer's own queries need the rest:
 * on two cores, three at once made the overview's first view wait for them.
 */
const SUMMARY_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));

/**
 * Whether the order (alias `o`) carries a tracking fault. The rules are written as literals, not
 * parameters, so the planner can use the partial index on exactly these flags
 * (RiskFlag_tracking_fault_idx) instead of reading every flag of the table.
 */
export const trackingFaultRulesSql = Prisma.raw(TRACKING_FAULT_RULES.map((r) => `'${r}'`).join(", "));
const trackingFaultSql = Prisma.sql`EXISTS (SELECT 1 FROM "RiskFlag" f WHERE f."orderId" = o.id AND f.rule IN (${trackingFaultRulesSql}))`;

type StoreRow = { id: string; name: string; channel: Channel; market: Market; organizationId: string };

const settingsOf = (organizationId: string): Promise<PolicySettings> => organizationSettings(db, organizationId);

/** The store, if the scope may see its exposure: staff of its organisation only. */
export async function requireExposureStore(scope: DataScope, storeId: string): Promise<StoreRow> {
  if (scope.role === "SUPPLIER") throw new AppError("FORBIDDEN", "Store performance is for the shop's staff.");
  const store = await db.store.findFirst({
    where: { id: storeId, organizationId: scope.organizationId },
    select: { id: true, name: true, channel: true, market: true, organizationId: true },
  });
  if (!store) throw new AppError("NOT_FOUND", "No such store.");
  return store;
}

export function metricWindows(settings: PolicySettings, market: Market, now: Date): MetricWindows {
  const t = settings.shopPerformance;
  return {
    ldr: windowFor(t.lateDispatchRate.window, market, now),
    vtr: windowFor(t.validTrackingRate.window, market, now),
    otdr: windowFor(t.onTimeDeliveryRate.window, market, now),
    sfcr: windowFor(t.sellerFaultCancellationRate.window, market, now),
    returns: windowFor({ kind: "trailing_days", days: 30 }, market, now),
  };
}

/**
 * A local calendar as two arrays for SQL: the instants each local day starts (and, last, the
 * start of the day after the last one) and the value of each day. `(values)[width_bucket(t,
 * starts)]` is the value of t's local day, NULL outside the calendar: a binary search on the
 * instant instead of converting every order's timestamp to the zone and joining on the date.
 */
function dayLookup(market: Market, calendar: { dates: string[]; dues: Date[] }): { starts: Date[]; dues: Date[] } {
  const last = calendar.dates[calendar.dates.length - 1];
  const starts = calendar.dates.map((d) => startOfLocalDay(market, d));
  if (last) starts.push(startOfLocalDay(market, addCalendarDays(last, 1)));
  return { starts, dues: calendar.dues };
}

const dueOfDay = (lookup: { starts: Date[]; dues: Date[] }, instant: Prisma.Sql) =>
  Prisma.sql`(${lookup.dues}::timestamptz[])[width_bucket(${instant}, ${lookup.starts}::timestamptz[])]`;

/**
 * One row per order of the store placed since `since`, with the facts each rate needs (see
 * tally.ts for the definitions these columns mirror). It reads only columns of the covering
 * index on (storeId, placedAt) (migration 20261201190000_order_store_placed_covering), so the
 * months of a store's orders come from the index alone, not from a heap page per order.
 */
function baseOrdersSql(store: StoreRow, since: Date, now: Date, settings: PolicySettings, needed: { shippedFrom: Date; deliveredFrom: Date }): Prisma.Sql {
  const cal = dayLookup(store.market, deliveryDueCalendar(store.market, since, now, settings.shopPerformance.onTimeDeliveryRate.withinBusinessDays));
  const nominal = dayLookup(store.market, dispatchDueCalendar(store.market, since, now, settings.dispatch.businessDays));
  // The 2026 changes, gated on the order's local date like the engine (lib/policy/changes.ts).
  const startOf = (id: "fulfillment.fulfillment_type" | "performance.otdr_from_awaiting_shipment", applies: boolean) => {
    const from = changeEffectiveFrom(id, settings);
    if (!applies) return new Date("9999-12-31T00:00:00Z");
    return from ? startOfLocalDay(store.market, from) : new Date(0);
  };
  const typesFrom = startOf("fulfillment.fulfillment_type", true);
  const otdrFrom = startOf("performance.otdr_from_awaiting_shipment", store.market === "US");
  const type = Prisma.sql`(CASE WHEN o."placedAt" >= ${typesFrom} THEN o."fulfillmentType"::text ELSE 'SELLER_SHIPPING' END)`;
  return Prisma.sql`
    typed AS (
      SELECT o.id, o.status, o."placedAt", o."inTransitAt", o."deliveredAt", o."cancelledAt", o."dispatchDueAt", ${type} AS ftype,
             -- FBT orders have no seller clock (dispatchDueAt null) but keep their nominal deadline for the denominators.
             COALESCE(o."dispatchDueAt", CASE WHEN ${type} = 'FULFILLED_BY_TIKTOK' THEN ${dueOfDay(nominal, Prisma.sql`o."placedAt"`)} END) AS due_at,
             (CASE WHEN o."placedAt" >= ${otdrFrom} THEN COALESCE(o."paidAt", o."placedAt") ELSE o."inTransitAt" END) AS otd_start,
             (o."placedAt" >= ${otdrFrom}) AS otd_from_awaiting
      FROM "Order" o
      WHERE o."organizationId" = ${store.organizationId} AND o."storeId" = ${store.id} AND o."placedAt" >= ${since}
    ),
    dated AS (SELECT o.*, ${dueOfDay(cal, Prisma.sql`o.otd_start`)} AS otd_due FROM typed o),
    base AS (
      SELECT o.id, o."placedAt" AS placed_at, o."inTransitAt" AS shipped_at, o.due_at AS due,
             (o.due_at IS NOT NULL AND o.status NOT IN ('CANCELLED','AWAITING_PAYMENT')) AS ldr_applies,
             (o.ftype <> 'FULFILLED_BY_TIKTOK' AND (COALESCE(o."inTransitAt", o."deliveredAt") IS NULL OR COALESCE(o."inTransitAt", o."deliveredAt") > o.due_at)) AS late,
             (o.ftype = 'SELLER_SHIPPING') AS vtr_applies,
             -- The look-ups only where a window can use them (shipped / delivered in time to count):
             -- most of the months read for the lookback need neither.
             (o."inTransitAt" >= ${needed.shippedFrom}::timestamptz
               AND ${trackingFaultSql}) AS tracking_fault,
             CASE WHEN o.ftype = 'FULFILLED_BY_TIKTOK' THEN NULL
                  WHEN o.ftype = 'UPGRADED_TIKTOK_SHIPPING' AND o."dispatchDueAt" IS NOT NULL AND o."inTransitAt" <= o."dispatchDueAt" THEN NULL
                  WHEN o.status = 'CANCELLED' THEN NULL
                  WHEN o.otd_from_awaiting AND o.status = 'AWAITING_PAYMENT' THEN NULL
                  WHEN o.otd_start IS NULL THEN NULL
                  WHEN o."deliveredAt" <= o.otd_due THEN o."deliveredAt" ELSE o.otd_due END AS otd_resolved,
             (o."deliveredAt" IS NOT NULL AND o."deliveredAt" <= o.otd_due) AS otd_on_time,
             (o.due_at IS NOT NULL AND o.status <> 'AWAITING_PAYMENT') AS sfcr_applies,
             (o.ftype <> 'FULFILLED_BY_TIKTOK' AND o.status = 'CANCELLED' AND o.due_at IS NOT NULL AND o."cancelledAt" > o.due_at) AS seller_cancel,
             CASE WHEN o.status <> 'CANCELLED' THEN o."deliveredAt" END AS delivered_at,
             (o."deliveredAt" >= ${needed.deliveredFrom}::timestamptz
               AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."orderId" = o.id AND r.status <> 'REFUSED'
                     AND r.reason::text IN (${Prisma.join([...NON_BUYER_FAULT_REASONS])}))) AS nbf_return
      FROM dated o
    )`;
}

/** For each local order date in [since, until] (a day of slack each side), the dispatch deadline. */
function dispatchDueCalendar(market: Market, since: Date, until: Date, businessDays: number): { dates: string[]; dues: Date[] } {
  const dates: string[] = [];
  const dues: Date[] = [];
  const last = addCalendarDays(localDateOf(market, until), 1);
  for (let d = addCalendarDays(localDateOf(market, since), -1); d <= last; d = addCalendarDays(d, 1)) {
    dates.push(d);
    dues.push(endOfLocalDay(market, addBusinessDays(market, d, businessDays)));
  }
  return { dates, dues };
}

type Bounds = Record<MetricKey | "returns", { from: Prisma.Sql; to: Prisma.Sql }>;

/**
 * Each rate over the columns of `base`: the instant that places an order in a window, whether the
 * order counts at all, and whether it counts as a failure (tally.ts has the definitions).
 */
const METRIC_FACTS: Record<MetricKey | "returns", { at: string; applies: string; fails: string }> = {
  ldr: { at: "due", applies: "ldr_applies", fails: "late" },
  vtr: { at: "shipped_at", applies: "vtr_applies", fails: "tracking_fault" },
  otdr: { at: "otd_resolved", applies: "TRUE", fails: "NOT otd_on_time" },
  sfcr: { at: "placed_at", applies: "sfcr_applies", fails: "seller_cancel" },
  returns: { at: "delivered_at", applies: "TRUE", fails: "nbf_return" },
};

/** count(*) FILTER columns for each rate over the given bounds. */
function tallyColumns(b: Bounds, now: Date): Prisma.Sql {
  return Prisma.join(
    Object.entries(METRIC_FACTS).map(([k, f]) => {
      const bound = b[k as keyof Bounds];
      const within = Prisma.sql`${Prisma.raw(f.at)} >= ${bound.from} AND ${Prisma.raw(f.at)} < ${bound.to} AND ${Prisma.raw(f.at)} < ${now}::timestamptz`;
      return Prisma.sql`count(*) FILTER (WHERE ${Prisma.raw(f.applies)} AND ${within})::int AS ${Prisma.raw(`${k}_orders`)},
    count(*) FILTER (WHERE ${Prisma.raw(f.applies)} AND ${Prisma.raw(f.fails)} AND ${within})::int AS ${Prisma.raw(`${k}_failures`)}`;
    }),
    ",\n    ",
  );
}

type TallyRow = Record<`${MetricKey | "returns"}_${"orders" | "failures"}`, number>;

function tallyFrom(row: TallyRow, k: MetricKey | "returns"): Tally {
  return { failures: row[`${k}_failures`], orders: row[`${k}_orders`] };
}

const param = (d: Date) => Prisma.sql`${d}::timestamptz`;

/** The counts behind every rate of a store at `now` (one query). */
export async function countStoreTallies(store: StoreRow, windows: MetricWindows, now: Date, settings: PolicySettings): Promise<StoreTallies> {
  const scoreFrom = new Date(now.getTime() - settings.shopPerformance.shopPerformanceScore.windowDays * DAY);
  const since = new Date(Math.min(...Object.values(windows).map((w) => w.from.getTime())) - LOOKBACK_SLACK_DAYS * DAY);
  const scoreSince = new Date(scoreFrom.getTime() - LOOKBACK_SLACK_DAYS * DAY);
  const bounds = Object.fromEntries(Object.entries(windows).map(([k, w]) => [k, { from: param(w.from), to: param(w.to) }])) as Bounds;
  // The score's delivered orders reach back three times as far as the rates' windows and need one
  // column: counted on their own from the index, so the rates' facts are worked out for a third of
  // the months only.
  const rows = await db.$queryRaw<(TallyRow & { delivered_for_score: number })[]>`
    WITH ${baseOrdersSql(store, since, now, settings, { shippedFrom: windows.vtr.from, deliveredFrom: windows.returns.from })}
    SELECT ${tallyColumns(bounds, now)},
           (SELECT count(*)::int FROM "Order" o
            WHERE o."organizationId" = ${store.organizationId} AND o."storeId" = ${store.id} AND o."placedAt" >= ${scoreSince}
              AND o.status <> 'CANCELLED' AND o."deliveredAt" >= ${scoreFrom} AND o."deliveredAt" < ${now}::timestamptz) AS delivered_for_score
    FROM base`;
  const row = rows[0] as TallyRow & { delivered_for_score: number };
  return {
    ldr: tallyFrom(row, "ldr"),
    vtr: tallyFrom(row, "vtr"),
    otdr: tallyFrom(row, "otdr"),
    sfcr: tallyFrom(row, "sfcr"),
    returns: tallyFrom(row, "returns"),
    deliveredForScore: row.delivered_for_score,
  };
}

/** Each rate per ISO week (market zone) for the last 12 weeks, the current week so far included. */
export async function readStoreTrend(store: StoreRow, now: Date, settings: PolicySettings): Promise<TrendPoint[]> {
  const weeks = lastIsoWeeks(store.market, now, TREND_WEEKS);
  const first = weeks[0] as Window;
  const since = new Date(first.from.getTime() - LOOKBACK_SLACK_DAYS * DAY);
  // Each rate grouped by the week of its own instant: bucket i of the week starts (and the last
  // week's end), 0 or 13 outside. One pass over the orders per rate, on the facts worked out once.
  const edges = [...weeks.map((x) => x.from), (weeks[weeks.length - 1] as Window).to];
  const perMetric = Object.entries(METRIC_FACTS).map(
    ([k, f]) => Prisma.sql`
    SELECT ${k}::text AS k, width_bucket(${Prisma.raw(f.at)}, ${edges}::timestamptz[]) AS i,
           count(*) FILTER (WHERE ${Prisma.raw(f.applies)})::int AS orders, count(*) FILTER (WHERE ${Prisma.raw(f.applies)} AND ${Prisma.raw(f.fails)})::int AS failures
    FROM facts WHERE ${Prisma.raw(f.at)} >= ${first.from}::timestamptz AND ${Prisma.raw(f.at)} < ${now}::timestamptz GROUP BY 2`,
  );
  const counted = await db.$queryRaw<{ k: MetricKey | "returns"; i: number; orders: number; failures: number }[]>`
    WITH ${baseOrdersSql(store, since, now, settings, { shippedFrom: first.from, deliveredFrom: first.from })},
    facts AS MATERIALIZED (SELECT * FROM base)
    ${Prisma.join(perMetric, " UNION ALL ")}`;
  const rows = weeks.map((_, index) => {
    const row = { i: index + 1 } as TallyRow & { i: number };
    for (const k of Object.keys(METRIC_FACTS) as (MetricKey | "returns")[]) {
      const c = counted.find((r) => r.k === k && r.i === index + 1);
      row[`${k}_orders`] = c?.orders ?? 0;
      row[`${k}_failures`] = c?.failures ?? 0;
    }
    return row;
  });
  const rules = metricRules(settings.shopPerformance, { market: store.market, now, settings });
  return rows.map((row) => {
    const point = { weekStart: (weeks[row.i - 1] as Window).from.toISOString() } as TrendPoint;
    for (const k of METRIC_KEYS) {
      const tally = tallyFrom(row, k);
      point[k] = { value: displayedPercent(rules[k], tally), numerator: displayedNumerator(rules[k], tally), denominator: tally.orders };
    }
    return point;
  });
}

type AtRiskRow = {
  id: string;
  externalId: string;
  dispatchDueAt: Date | null;
  autoCancelAt: Date | null;
  placedAt: Date;
  dispatchOpen: boolean;
  shipped: boolean;
  trackingFault: boolean;
  autoCancel: boolean;
};

/**
 * The open orders that will move LDR, VTR or SFCR unless handled: dispatch critical or overdue
 * (the derived flags of lib/flags/sql.ts), tracking faults on orders not yet delivered, and
 * auto-cancels within the policy's critical hours (or past).
 */
export async function readAtRiskOrders(store: StoreRow, windows: MetricWindows, now: Date, settings: PolicySettings): Promise<AtRiskOrder[]> {
  const faultSql = trackingFaultSql;
  const criticalDispatch = Prisma.sql`(${dispatchFlagOpen(now, settings)} AND ${dispatchCriticalSql(now, settings)})`;
  const autoCancel = Prisma.sql`(${autoCancelFlagOpen(now)} AND o."autoCancelAt" < ${now}::timestamptz + make_interval(hours => ${settings.autoCancel.criticalHours}))`;
  const shippedInWindow = Prisma.sql`(o."inTransitAt" >= ${windows.vtr.from} AND o."inTransitAt" < ${now}::timestamptz AND o.status = 'IN_TRANSIT')`;
  const pending = Prisma.sql`(o."inTransitAt" IS NULL AND o.status IN ('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD'))`;
  const since = new Date(windows.ldr.from.getTime() - LOOKBACK_SLACK_DAYS * DAY);
  const rows = await db.$queryRaw<AtRiskRow[]>`
    SELECT o.id, o."externalId", o."dispatchDueAt", o."autoCancelAt", o."placedAt",
           ${criticalDispatch} AS "dispatchOpen", ${shippedInWindow} AS shipped, ${faultSql} AS "trackingFault", ${autoCancel} AS "autoCancel"
    FROM "Order" o
    WHERE o."organizationId" = ${store.organizationId} AND o."storeId" = ${store.id} AND o."placedAt" >= ${since}
      AND o."dispatchDueAt" IS NOT NULL
      AND (${criticalDispatch} OR ${autoCancel} OR ((${shippedInWindow} OR ${pending}) AND ${faultSql}))`;
  return rows.map((r) => {
    const overdue = r.dispatchOpen && r.dispatchDueAt !== null && r.dispatchDueAt < now;
    // An overdue deadline before the LDR window no longer counts there.
    const overdueCounted = overdue && r.dispatchDueAt !== null && r.dispatchDueAt >= windows.ldr.from;
    return {
      id: r.id,
      externalId: r.externalId,
      dispatch: r.dispatchOpen ? (overdue ? (overdueCounted ? "overdue" : null) : "critical") : null,
      tracking: r.trackingFault ? (r.shipped ? "shipped" : "pending") : null,
      autoCancel: r.autoCancel,
      inSfcrWindow: r.placedAt >= windows.sfcr.from,
      dueAt: r.dispatchOpen ? r.dispatchDueAt : r.autoCancel ? r.autoCancelAt : null,
    };
  });
}

/**
 * Each supplier's share of late dispatches and faulty tracking in the LDR / VTR windows, for one
 * store or (without storeId) every TikTok store of the organisation. The /suppliers scorecard
 * reads the same numbers. Orders without a supplier are grouped under supplierId null.
 */
export async function readSupplierAttribution(
  organizationId: string,
  filter: { storeId?: string },
  now: Date,
  settings?: PolicySettings,
): Promise<SupplierShare[]> {
  const s = settings ?? (await settingsOf(organizationId));
  const t = s.shopPerformance;
  // Trailing windows do not depend on the market; an ISO-week setting is read in US time here.
  const ldr = windowFor(t.lateDispatchRate.window, "US", now);
  const vtr = windowFor(t.validTrackingRate.window, "US", now);
  const since = new Date(Math.min(ldr.from.getTime(), vtr.from.getTime()) - LOOKBACK_SLACK_DAYS * DAY);
  const rows = await db.$queryRaw<{ supplierId: string | null; name: string | null; late: number; due: number; invalid: number; shipped: number }[]>`
    SELECT o."supplierId", sp.name,
           count(*) FILTER (WHERE o.status NOT IN ('CANCELLED','AWAITING_PAYMENT') AND o."dispatchDueAt" >= ${ldr.from} AND o."dispatchDueAt" < ${ldr.to}
                            AND (COALESCE(o."inTransitAt", o."deliveredAt") IS NULL OR COALESCE(o."inTransitAt", o."deliveredAt") > o."dispatchDueAt"))::int AS late,
           count(*) FILTER (WHERE o.status NOT IN ('CANCELLED','AWAITING_PAYMENT') AND o."dispatchDueAt" >= ${ldr.from} AND o."dispatchDueAt" < ${ldr.to})::int AS due,
           count(*) FILTER (WHERE o."inTransitAt" >= ${vtr.from} AND o."inTransitAt" < ${vtr.to}
                            AND ${trackingFaultSql})::int AS invalid,
           count(*) FILTER (WHERE o."inTransitAt" >= ${vtr.from} AND o."inTransitAt" < ${vtr.to})::int AS shipped
    FROM "Order" o LEFT JOIN "Supplier" sp ON sp.id = o."supplierId"
    WHERE o."organizationId" = ${organizationId} AND o.channel = 'TIKTOK_SHOP' AND o."placedAt" >= ${since}
      ${filter.storeId ? Prisma.sql`AND o."storeId" = ${filter.storeId}` : notArchivedSql(organizationId, `o."storeId"`)}
    GROUP BY o."supplierId", sp.name`;
  const totalLate = rows.reduce((n, r) => n + r.late, 0);
  const totalInvalid = rows.reduce((n, r) => n + r.invalid, 0);
  return rows
    .filter((r) => r.due > 0 || r.shipped > 0)
    .map((r) => ({
      supplierId: r.supplierId,
      name: r.name ?? "No supplier (own stock)",
      lateDispatches: r.late,
      dispatchesDue: r.due,
      lateShare: totalLate ? r.late / totalLate : null,
      invalidTracking: r.invalid,
      shipped: r.shipped,
      invalidShare: totalInvalid ? r.invalid / totalInvalid : null,
    }))
    .sort((a, b) => b.lateDispatches - a.lateDispatches || b.invalidTracking - a.invalidTracking || a.name.localeCompare(b.name));
}

/** Service figures of every store of the organisation (archived ones left out) over the last `days` days, both channels. */
export async function readServiceComparison(organizationId: string, now: Date, days = 30): Promise<ServiceComparison[]> {
  const from = new Date(now.getTime() - days * DAY);
  const since = new Date(from.getTime() - LOOKBACK_SLACK_DAYS * DAY);
  const rows = await db.$queryRaw<
    {
      storeId: string;
      name: string;
      channel: Channel;
      market: Market;
      dispatchHours: number | null;
      deliveryDays: number | null;
      delivered: number;
      returned: number;
      nbfReturned: number;
    }[]
  >`
    SELECT s.id AS "storeId", s.name, s.channel, s.market,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o."inTransitAt" - o."placedAt") / 3600)
              FILTER (WHERE o."inTransitAt" >= ${from} AND o."inTransitAt" < ${now}))::float8 AS "dispatchHours",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o."deliveredAt" - o."inTransitAt") / 86400)
              FILTER (WHERE o."deliveredAt" >= ${from} AND o."deliveredAt" < ${now} AND o."inTransitAt" IS NOT NULL))::float8 AS "deliveryDays",
           count(o.id) FILTER (WHERE o."deliveredAt" >= ${from} AND o."deliveredAt" < ${now} AND o.status <> 'CANCELLED')::int AS delivered,
           count(o.id) FILTER (WHERE o."deliveredAt" >= ${from} AND o."deliveredAt" < ${now} AND o.status <> 'CANCELLED'
                               AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."orderId" = o.id))::int AS returned,
           count(o.id) FILTER (WHERE o."deliveredAt" >= ${from} AND o."deliveredAt" < ${now} AND o.status <> 'CANCELLED'
                               AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."orderId" = o.id AND r.status <> 'REFUSED'
                                           AND r.reason::text IN (${Prisma.join([...NON_BUYER_FAULT_REASONS])})))::int AS "nbfReturned"
    FROM "Store" s
    LEFT JOIN "Order" o ON o."storeId" = s.id AND o."organizationId" = s."organizationId" AND o."placedAt" >= ${since}
    WHERE s."organizationId" = ${organizationId} AND s.id NOT IN ${archivedStoresSql(organizationId)}
    GROUP BY s.id, s.name, s.channel, s.market
    ORDER BY s.channel DESC, s.name`;
  const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
  return rows.map((r) => ({
    storeId: r.storeId,
    name: r.name,
    channel: r.channel,
    market: r.market,
    medianDispatchHours: round(r.dispatchHours, 1),
    medianDeliveryDays: round(r.deliveryDays, 1),
    delivered: r.delivered,
    returnRate: r.delivered ? round((r.returned * 100) / r.delivered, 2) : null,
    nonBuyerFaultReturnRate: r.delivered ? round((r.nbfReturned * 100) / r.delivered, 2) : null,
  }));
}

/** Everything the exposure section and GET /api/stores/<id>/exposure show for one store. */
export async function getStoreExposure(scope: DataScope, storeId: string, now: Date): Promise<StoreExposure> {
  const store = await requireExposureStore(scope, storeId);
  const settings = await settingsOf(store.organizationId);
  const t = settings.shopPerformance;
  const windows = metricWindows(settings, store.market, now);
  const [tallies, trend, atRisk, suppliers, comparison] = await Promise.all([
    countStoreTallies(store, windows, now, settings),
    readStoreTrend(store, now, settings),
    readAtRiskOrders(store, windows, now, settings),
    readSupplierAttribution(store.organizationId, { storeId: store.id }, now, settings),
    // The same for every store of the organisation: computed once per cache period, not per store
    // opened, and bounded per request (it reads every store's month).
    cachedReadWithin(`service-comparison:${store.organizationId}`, () => readServiceComparison(store.organizationId, now), SLOW_SECTION_BUDGET_MS),
  ]);
  const version = { market: store.market, now, settings };
  const metrics = viewMetrics(t, tallies, windows, version);
  const scored = store.channel === "TIKTOK_SHOP";
  return {
    store: { id: store.id, name: store.name, channel: store.channel, market: store.market },
    asOf: now.toISOString(),
    scored,
    minimumOrders: {
      delivered: tallies.deliveredForScore,
      required: t.shopPerformanceScore.minDeliveredOrders,
      windowDays: t.shopPerformanceScore.windowDays,
      met: tallies.deliveredForScore >= t.shopPerformanceScore.minDeliveredOrders,
    },
    metrics,
    returns: {
      value: tallies.returns.orders ? (tallies.returns.failures * 100) / tallies.returns.orders : null,
      numerator: tallies.returns.failures,
      denominator: tallies.returns.orders,
      window: { from: windows.returns.from.toISOString(), to: windows.returns.to.toISOString() },
    },
    worstBand: scored ? worstBandOf(metrics) : "no_data",
    projection: viewProjection(t, { ldr: tallies.ldr, vtr: tallies.vtr, sfcr: tallies.sfcr }, atRisk, version),
    trend,
    suppliers,
    comparison: comparison ?? [],
    comparisonPending: comparison === undefined,
  };
}

export type ExposureSummary = {
  storeId: string;
  name: string;
  channel: Channel;
  market: Market;
  worstBand: Band;
  metrics: { key: MetricKey; short: string; value: number | null; band: Band; thresholdText: string; direction: "max" | "min"; threshold: number }[];
};

/**
 * The compact exposure of every store of the scope (for /stores and the overview): the current
 * rates and the worst band, without trend or projection. One tally query per TikTok store.
 */
export async function getExposureSummaries(scope: DataScope, now: Date): Promise<ExposureSummary[]> {
  if (scope.role === "SUPPLIER") return [];
  const settings = await settingsOf(scope.organizationId);
  const stores = await db.store.findMany({
    // Archived stores leave the daily views (lib/data/archived.ts); their own page still shows their exposure.
    where: { organizationId: scope.organizationId, archivedAt: null },
    select: { id: true, name: true, channel: true, market: true, organizationId: true },
    orderBy: [{ channel: "desc" }, { name: "asc" }],
  });
  // At most a few tallies at a time: each scans months of a store's orders, and forty at once
  // would hold every pooled connection for a second while interactive requests queue behind
  // them (the overview refreshes these in the background, lib/data/cache.ts).
  const limit = pLimit(SUMMARY_CONCURRENCY);
  return Promise.all(
    stores.map((store) =>
      limit(async () => {
        if (store.channel !== "TIKTOK_SHOP")
          return { storeId: store.id, name: store.name, channel: store.channel, market: store.market, worstBand: "no_data" as Band, metrics: [] };
        const windows = metricWindows(settings, store.market, now);
        const metrics = viewMetrics(settings.shopPerformance, await countStoreTallies(store, windows, now, settings), windows, {
          market: store.market,
          now,
          settings,
        });
        return {
          storeId: store.id,
          name: store.name,
          channel: store.channel,
          market: store.market,
          worstBand: worstBandOf(metrics),
          metrics: metrics.map((m) => ({
            key: m.key,
            short: m.short,
            value: m.value,
            band: m.band,
            thresholdText: m.thresholdText,
            direction: m.direction,
            threshold: m.threshold,
          })),
        };
      }),
    ),
  );
}

/**
 * The exposure summaries for a page: cached, shared by the overview and /stores, bounded per
 * request (undefined: not ready yet; finished in the background and cached for the next view).
 * One tally per TikTok store, seconds at a million orders, must not hold either page.
 */
export function exposureSummariesWithin(scope: DataScope, now: Date): Promise<ExposureSummary[] | undefined> {
  return cachedReadWithin(
    `exposure-summaries:${scope.organizationId}:${scope.role === "SUPPLIER" ? "supplier" : "staff"}`,
    () => getExposureSummaries(scope, now),
    SLOW_SECTION_BUDGET_MS,
  );
}
