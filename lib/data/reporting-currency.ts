import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";
import { type ConvertedFigure, type DayAmount, type MissingRate, type RateDays, averageOf, convertAmounts, mergeRateDays } from "@/lib/fx/convert-amounts";
import { convertMinor } from "@/lib/fx/rate";
import { divideRounded } from "@/lib/money";
import { PIVOT_CURRENCY } from "@/lib/fx/rate-table";
import { readPlacedFacts } from "./daily";
import { loadRateTable } from "./fx-rates";
import { type OverviewFilter, type Trends, zonedStores } from "./overview";
import type { DataScope } from "./scope";
import { STORE_FIGURES_DAYS } from "./stores";

// The organisation's reporting currency and the figures converted into it, beside the original
// currencies (never instead of them). Revenue is read per store, currency and local day from the
// daily roll-up (lib/data/daily.ts: whole days summed in SQL, the period's partial edge days from
// the raw orders), then each day's amount is converted in code at that day's stored rate
// (lib/fx): a few rows per store and day, never per order.

export type ReportingCurrency = {
  /** The owner's choice (Organization.reportingCurrency), or null: automatic. */
  chosen: string | null;
  /** The currency of most revenue, what "automatic" means today; null before the first order. */
  automatic: string | null;
  /** The one in use: the choice, else the automatic one. */
  currency: string | null;
  /** The currencies the organisation has revenue in, most first. */
  revenueCurrencies: string[];
  /** Whether any reference rate is stored. */
  hasRates: boolean;
  /**
   * Whether converted figures are shown at all: once the owner chose a currency or stored a rate.
   * Before that the screens show the original currencies only (no figure claims a conversion, and
   * a seller who never asked for one is not told on every card that a rate is missing).
   */
  converting: boolean;
};

/**
 * The currency of most revenue (all of the organisation's orders, cancelled excluded, from the
 * roll-up). Amounts in different currencies are compared in EUR at the latest stored rates; while
 * a currency has no rate, the currencies are compared by their number of orders instead (a sum
 * of yen is no bigger than a sum of pounds for having more digits).
 */
export async function getReportingCurrency(scope: DataScope, now: Date = new Date()): Promise<ReportingCurrency> {
  const [org, rows, anyRate] = await Promise.all([
    db.organization.findUnique({ where: { id: scope.organizationId }, select: { reportingCurrency: true } }),
    db.$queryRaw<{ currency: string; revenue: bigint; orders: number }[]>`
      SELECT d.currency, sum(d."revenueMinor")::bigint AS revenue, sum(d.placed)::int AS orders
      FROM "OrderDaily" d WHERE d."organizationId" = ${scope.organizationId}
      GROUP BY d.currency HAVING sum(d.placed) > 0`,
    db.fxRate.findFirst({ where: { organizationId: scope.organizationId }, select: { id: true } }),
  ]);
  const chosen = org?.reportingCurrency ?? null;
  const today = DateTime.fromJSDate(now, { zone: "UTC" }).toISODate() as string;
  let ranked = rows.map((r) => ({ currency: r.currency.trim(), revenue: BigInt(r.revenue), orders: r.orders, eur: null as bigint | null }));
  if (ranked.length > 1) {
    const table = await loadRateTable(
      scope.organizationId,
      ranked.map((r) => r.currency),
      today,
      today,
    );
    for (const r of ranked) {
      const choice = r.currency === PIVOT_CURRENCY ? null : table.choose(r.currency, PIVOT_CURRENCY, today);
      r.eur = r.currency === PIVOT_CURRENCY ? r.revenue : choice ? convertMinor(r.revenue, r.currency, PIVOT_CURRENCY, choice.factor) : null;
    }
  }
  const byValue = ranked.every((r) => r.eur !== null);
  ranked = ranked.sort((a, b) => {
    const [x, y] = byValue ? [a.eur as bigint, b.eur as bigint] : [BigInt(a.orders), BigInt(b.orders)];
    return x !== y ? (y > x ? 1 : -1) : a.currency.localeCompare(b.currency);
  });
  const automatic = ranked[0]?.currency ?? null;
  const currency = chosen ?? automatic;
  return {
    chosen,
    automatic,
    currency,
    revenueCurrencies: ranked.map((r) => r.currency),
    hasRates: anyRate !== null,
    converting: currency !== null && (chosen !== null || anyRate !== null),
  };
}

/** Revenue and AOV of a set of orders in the reporting currency; null where there was nothing to convert. */
export type ConvertedMoney = { revenue: ConvertedFigure | null; aov: ConvertedFigure | null };

export type ConvertedKpis = {
  currency: string;
  automatic: boolean;
  channels: ({ channel: Channel } & ConvertedMoney)[];
  /** Both channels together: the one figure a US and a UK store's revenue add up to. */
  total: ConvertedMoney;
};

type Placed = { channel: Channel; currency: string; day: string; placed: number; revenue: bigint };

function dayAmounts(rows: readonly Placed[]): { amounts: DayAmount[]; orders: number } {
  const byKey = new Map<string, DayAmount>();
  let orders = 0;
  for (const r of rows) {
    orders += r.placed;
    const key = `${r.currency}|${r.day}`;
    const a = byKey.get(key);
    if (a) a.minor += r.revenue;
    else byKey.set(key, { currency: r.currency, day: r.day, minor: r.revenue });
  }
  return { amounts: [...byKey.values()], orders };
}

function dayRange(rows: readonly { day: string }[]): { from: string; to: string } | null {
  if (rows.length === 0) return null;
  let from = rows[0]!.day;
  let to = from;
  for (const r of rows) {
    if (r.day < from) from = r.day;
    if (r.day > to) to = r.day;
  }
  return { from, to };
}

async function convertPlaced(organizationId: string, target: string, rows: readonly Placed[], groups: readonly (Channel | null)[]) {
  const range = dayRange(rows);
  const table = range ? await loadRateTable(organizationId, [...new Set(rows.map((r) => r.currency)), target], range.from, range.to) : null;
  return groups.map((channel): ConvertedMoney => {
    if (!table) return { revenue: null, aov: null };
    const { amounts, orders } = dayAmounts(channel ? rows.filter((r) => r.channel === channel) : rows);
    const revenue = convertAmounts(table, amounts, target);
    return { revenue, aov: averageOf(revenue, orders) };
  });
}

/**
 * The overview's revenue and AOV per channel (and both together) in the reporting currency, for
 * the same orders as getChannelKpis (placed in the period, cancelled excluded, each store's local
 * days). Null for suppliers (no money) and before any revenue.
 */
export async function getConvertedKpis(scope: DataScope, filter: OverviewFilter): Promise<ConvertedKpis | null> {
  if (scope.role === "SUPPLIER") return null;
  const reporting = await getReportingCurrency(scope, filter.now);
  const target = reporting.currency;
  if (!target || !reporting.converting) return null;
  const stores = await zonedStores(scope, filter.storeId);
  // Revenue only: no histogram, and the brand site's days need not wait out the 48 h limit.
  const placed = await readPlacedFacts(
    { organizationId: scope.organizationId, supplierId: scope.supplierId },
    stores,
    filter.from,
    filter.to,
    filter.now,
    0,
    undefined,
    {
      hist: false,
    },
  );
  const channels: Channel[] = ["TIKTOK_SHOP", "BRAND_SITE"];
  const [tiktok, brand, total] = await convertPlaced(scope.organizationId, target, placed.rows, [...channels, null]);
  return {
    currency: target,
    automatic: reporting.chosen === null,
    channels: [
      { channel: "TIKTOK_SHOP", ...(tiktok as ConvertedMoney) },
      { channel: "BRAND_SITE", ...(brand as ConvertedMoney) },
    ],
    total: total as ConvertedMoney,
  };
}

export type ConvertedTrendPoint = {
  day: string;
  /** Minor units of the reporting currency; null on a day whose revenue has no rate. */
  TIKTOK_SHOP: number | null;
  BRAND_SITE: number | null;
  /** The rate days that day's conversion used (oldest, newest), null when none was needed. */
  rateFirst: string | null;
  rateLast: string | null;
};

export type ConvertedTrend = {
  currency: string;
  timeZone: string | null;
  points: ConvertedTrendPoint[];
  rates: RateDays | null;
  /** Per currency: the first day without a rate, and on how many days (and channels) one was missing. */
  missing: MissingRate[];
};

/**
 * The trends' revenue per day in the reporting currency: each day's amounts (its currencies, per
 * channel) converted at that day's rate. Null when there is nothing to convert (suppliers, no
 * revenue, or all of it already in the reporting currency).
 */
export async function convertTrendRevenue(scope: DataScope, trends: Trends, now: Date = new Date()): Promise<ConvertedTrend | null> {
  if (scope.role === "SUPPLIER" || trends.revenue.length === 0) return null;
  const reporting = await getReportingCurrency(scope, now);
  const target = reporting.currency;
  if (!target || !reporting.converting || trends.revenue.every((s) => s.currency === target)) return null;
  const days = trends.revenue[0]!.points.map((p) => p.day);
  if (days.length === 0) return null;
  const table = await loadRateTable(scope.organizationId, [...trends.revenue.map((s) => s.currency), target], days[0] as string, days.at(-1) as string);
  const channels = ["TIKTOK_SHOP", "BRAND_SITE"] as const;
  const figures: (ConvertedFigure | null)[] = [];
  const missing = new Map<string, MissingRate>();
  const points = days.map((day, i): ConvertedTrendPoint => {
    const point: ConvertedTrendPoint = { day, TIKTOK_SHOP: 0, BRAND_SITE: 0, rateFirst: null, rateLast: null };
    const used: (ConvertedFigure | null)[] = [];
    for (const channel of channels) {
      const amounts = trends.revenue.map((s) => {
        const p = s.points[i]?.day === day ? s.points[i] : s.points.find((x) => x.day === day);
        return { currency: s.currency, day, minor: BigInt(Math.round(p?.[channel] ?? 0)) };
      });
      const figure = convertAmounts(table, amounts, target);
      used.push(figure);
      if (figure === null) point[channel] = Number(amounts.filter((a) => a.currency === target).reduce((n, a) => n + a.minor, 0n));
      else if (figure.status === "converted") point[channel] = Number(figure.minor);
      else {
        point[channel] = null;
        for (const m of figure.missing) {
          const seen = missing.get(m.currency);
          if (!seen) missing.set(m.currency, { ...m });
          else seen.days += m.days;
        }
      }
    }
    const rates = mergeRateDays(used);
    point.rateFirst = rates?.first ?? null;
    point.rateLast = rates?.last ?? null;
    figures.push(...used);
    return point;
  });
  return {
    currency: target,
    timeZone: trends.timeZone,
    points,
    rates: mergeRateDays(figures),
    missing: [...missing.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export type StoreRevenue = {
  storeId: string;
  orders: number;
  /** Per currency, as on the overview (a store's orders are normally all in its currency). */
  revenue: { currency: string; minor: bigint }[];
  aov: { currency: string; minor: bigint }[];
  /** In the reporting currency; null when it is the store's own, nothing was sold, or no conversion is set up. */
  converted: (ConvertedMoney & { currency: string }) | null;
};

/** One store's revenue and AOV over the stores page's 30 days, and both in the reporting currency. */
export async function getStoreRevenue(scope: DataScope, storeId: string, now: Date): Promise<StoreRevenue | null> {
  if (scope.role === "SUPPLIER") return null;
  const stores = await zonedStores(scope, storeId);
  if (stores.length === 0) return null;
  const since = new Date(now.getTime() - STORE_FIGURES_DAYS * 86_400_000);
  const [placed, reporting] = await Promise.all([
    readPlacedFacts({ organizationId: scope.organizationId, supplierId: null }, stores, since, now, now, 0, undefined, { hist: false }),
    getReportingCurrency(scope, now),
  ]);
  const byCurrency = new Map<string, { orders: number; revenue: bigint }>();
  for (const r of placed.rows) {
    const c = byCurrency.get(r.currency) ?? { orders: 0, revenue: 0n };
    c.orders += r.placed;
    c.revenue += r.revenue;
    byCurrency.set(r.currency, c);
  }
  const money = [...byCurrency.entries()].filter(([, c]) => c.orders > 0).sort(([a], [b]) => a.localeCompare(b));
  const target = reporting.converting ? reporting.currency : null;
  const [converted] = target ? await convertPlaced(scope.organizationId, target, placed.rows, [null]) : [null];
  return {
    storeId,
    orders: money.reduce((n, [, c]) => n + c.orders, 0),
    revenue: money.map(([currency, c]) => ({ currency, minor: c.revenue })),
    aov: money.map(([currency, c]) => ({ currency, minor: divideRounded(c.revenue, BigInt(c.orders)) })),
    converted: target && converted && converted.revenue ? { currency: target, ...converted } : null,
  };
}
