import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel } from "@/lib/generated/prisma/enums";
import { AWAITING_DISPATCH } from "@/lib/flags/sql";
import { HIST_BUCKETS, type Hist, type Segment, type ZonedStore, emptyHist, mergeSegments, splitLocalDays } from "./daily-ranges";

// Reads of the daily roll-up (OrderDaily, kept by triggers: migration order_daily) for the
// overview, the trends and the stores page. A period [from, to) is, for each store, the whole
// local days it covers — summed from the roll-up, a few rows per store and day — plus the partial
// days at its edges, read from the raw orders (at most a day or two of one store). Figures that
// move with the clock (the brand site's "due after 48 h", a TikTok deadline not yet passed) are
// taken from the roll-up only for days where the clock can no longer change them.

export type Where = { organizationId: string; supplierId: string | null };

const HOUR = 3_600_000;

type Explain = (label: string, sql: Prisma.Sql) => Promise<void>;
let explainHook: Explain | null = null;
/** For scripts/bench/explain.ts: each query of these reads is handed to `hook` (EXPLAIN ANALYZE) before it runs. */
export function explainDailyQueries(hook: Explain | null) {
  explainHook = hook;
}

/**
 * Identical reads in flight at the same moment, shared: the overview's KPI and trend sections ask
 * for the same partial days of raw orders and the same TikTok deadlines within one view (its
 * `now` is one instant), and on a cold cache each was a scan of the period's edges at 1M orders
 * (docs/benchmarks.md). Keyed by the statement and its values, forgotten once it settles, so a
 * later call always reads afresh. The rows are shared: callers read them, never change them.
 */
const inFlight = new Map<string, Promise<unknown>>();

function statementKey(label: string, sql: Prisma.Sql): string {
  return `${label}\u0000${sql.sql}\u0000${JSON.stringify(sql.values, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}`;
}

/** A query of the overview's reads: run (or joined, see inFlight), and shown to the explain hook when one is set. */
export async function query<T>(label: string, sql: Prisma.Sql): Promise<T> {
  if (explainHook) await explainHook(label, sql);
  const key = statementKey(label, sql);
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const read = db.$queryRaw<T>(sql).finally(() => inFlight.delete(key));
  inFlight.set(key, read);
  return read;
}

function supplierSql(alias: string, where: Where): Prisma.Sql {
  return where.supplierId ? Prisma.sql`AND ${Prisma.raw(alias)}."supplierId" = ${where.supplierId}` : Prisma.empty;
}

/**
 * The per-store day ranges of the roll-up (the stores were read scoped to the organisation),
 * joined LATERAL so each store's days are one range scan of the primary key (storeId, day)
 * rather than a scan of the whole year the planner would otherwise choose (OFFSET 0 keeps the
 * subquery from being flattened back into a hash join).
 */
function dayRangesSql(ranges: { storeId: string; from: string; to: string }[]): Prisma.Sql {
  return Prisma.sql`unnest(${ranges.map((r) => r.storeId)}::text[], ${ranges.map((r) => r.from)}::date[], ${ranges.map((r) => r.to)}::date[]) AS rg(store_id, d0, d1)`;
}

/** The raw edges: a JOIN on the per-store segments, and the merged instants for the index. */
function segmentsSql(segments: Segment[], column: string): { from: Prisma.Sql; where: Prisma.Sql } {
  const col = Prisma.raw(`o."${column}"`);
  const merged = mergeSegments(segments);
  return {
    from: Prisma.sql`unnest(${segments.map((s) => s.storeId)}::text[], ${segments.map((s) => s.zone)}::text[], ${segments.map((s) => s.from)}::timestamptz[], ${segments.map((s) => s.to)}::timestamptz[]) AS seg(store_id, zone, a, b)
      JOIN "Order" o ON o."storeId" = seg.store_id AND ${col} >= seg.a AND ${col} < seg.b`,
    where: Prisma.sql`(${Prisma.join(
      merged.map((m) => Prisma.sql`(${col} >= ${m.from}::timestamptz AND ${col} < ${m.to}::timestamptz)`),
      " OR ",
    )})`,
  };
}

export type PlacedFacts = {
  storeId: string;
  channel: Channel;
  currency: string;
  /** Local date (YYYY-MM-DD) in the store's zone (or the zone asked for). */
  day: string;
  placed: number;
  revenue: bigint;
  dispatched: number;
  delivered: number;
  /** Brand-site service level: orders due for dispatch by now (shipped, or waiting past the limit), and the late ones. */
  due: number;
  late: number;
};

export type PlacedResult = { rows: PlacedFacts[]; hist: Map<string, Hist> };

/**
 * Orders placed in [from, to) (cancelled excluded) per store, channel, currency and local day,
 * and the dispatch-hours histogram per store and channel (key `${storeId}:${channel}`).
 * `lateHours` is the brand site's dispatch limit (whole hours up to 72: exact from the histogram).
 * `zone`: group by this zone instead of each store's own (stores in another zone are then read raw).
 */
export async function readPlacedFacts(
  where: Where,
  stores: ZonedStore[],
  from: Date,
  to: Date,
  now: Date,
  lateHours: number,
  zone?: string,
  options: { hist?: boolean } = {},
): Promise<PlacedResult> {
  // The trends need no histogram: only the brand site's "late" (from its tail) and the medians do
  // (without it, `late` of the roll-up days is not meaningful).
  const wantHist = options.hist !== false;
  const ranges: { storeId: string; from: string; to: string }[] = [];
  const segments: Segment[] = [];
  for (const s of stores) {
    const z = zone ?? s.timeZone;
    // Brand site: a day enters the roll-up once all its orders are past the dispatch limit (and
    // the histogram can tell "late" only for a limit of whole hours up to 72).
    const end =
      s.channel !== "BRAND_SITE"
        ? to
        : lateHours > HIST_BUCKETS - 1 || !Number.isInteger(lateHours)
          ? from
          : new Date(Math.min(to.getTime(), now.getTime() - lateHours * HOUR));
    // The roll-up has no supplier dimension: a supplier's (few) orders are read directly.
    const days = z === s.timeZone && !where.supplierId ? splitLocalDays(z, from, end) : null;
    if (!days) {
      if (from < to) segments.push({ storeId: s.id, zone: z, from, to });
      continue;
    }
    ranges.push({ storeId: s.id, from: days.from, to: days.to });
    if (from < days.fromStart) segments.push({ storeId: s.id, zone: z, from, to: days.fromStart });
    if (days.toStart < to) segments.push({ storeId: s.id, zone: z, from: days.toStart, to });
  }
  const rows: PlacedFacts[] = [];
  const hist = new Map<string, Hist>();
  const addHist = (key: string, i: number, n: number) => {
    let h = hist.get(key);
    if (!h) hist.set(key, (h = emptyHist()));
    h[i] = (h[i] as number) + n;
  };
  const limit = Prisma.sql`make_interval(hours => ${lateHours})`;

  const [rolled, raw] = await Promise.all([
    ranges.length === 0
      ? []
      : query<
          {
            storeId: string;
            channel: Channel;
            currency: string;
            day: string;
            placed: number;
            revenue: bigint;
            dispatched: number;
            delivered: number;
            awaiting: number;
            hist: string | null;
          }[]
        >(
          "placed_rollup",
          Prisma.sql`
          SELECT d."storeId", d.channel, d.currency, to_char(d.day, 'YYYY-MM-DD') AS day, d.placed, d."revenueMinor" AS revenue,
                 d.dispatched, d.delivered, d.awaiting,
                 -- As text: one string per row parses far quicker than an int[] of 73 elements.
                 ${wantHist ? Prisma.sql`array_to_string(d."dispatchHours", ',')` : Prisma.sql`NULL::text`} AS hist
          FROM ${dayRangesSql(ranges)}
          CROSS JOIN LATERAL (SELECT * FROM "OrderDaily" x WHERE x."storeId" = rg.store_id AND x.day >= rg.d0 AND x.day < rg.d1 AND x.placed > 0 OFFSET 0) d`,
        ),
    segments.length === 0
      ? []
      : (() => {
          const seg = segmentsSql(segments, "placedAt");
          return query<
            {
              storeId: string;
              channel: Channel;
              currency: string;
              day: string;
              bucket: number | null;
              placed: number;
              revenue: bigint;
              dispatched: number;
              delivered: number;
              due: number;
              late: number;
            }[]
          >(
            "placed_raw",
            Prisma.sql`
            SELECT o."storeId", o.channel, o.currency, to_char(o."placedAt" AT TIME ZONE seg.zone, 'YYYY-MM-DD') AS day,
                   CASE WHEN o."inTransitAt" IS NOT NULL THEN least(72, greatest(0, ceil(extract(epoch FROM o."inTransitAt" - o."placedAt") / 3600.0)::int - 1)) END AS bucket,
                   count(*)::int AS placed, coalesce(sum(o."totalMinor"), 0)::bigint AS revenue,
                   count(*) FILTER (WHERE o."inTransitAt" IS NOT NULL)::int AS dispatched,
                   count(*) FILTER (WHERE o."deliveredAt" IS NOT NULL)::int AS delivered,
                   count(*) FILTER (WHERE o."inTransitAt" IS NOT NULL
                     OR (o.status IN ${AWAITING_DISPATCH} AND o."placedAt" + ${limit} < ${now}::timestamptz))::int AS due,
                   count(*) FILTER (WHERE o."inTransitAt" - o."placedAt" > ${limit}
                     OR (o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH} AND o."placedAt" + ${limit} < ${now}::timestamptz))::int AS late
            FROM ${seg.from}
            WHERE o."organizationId" = ${where.organizationId} AND ${seg.where} AND o.status <> 'CANCELLED' ${supplierSql("o", where)}
            GROUP BY 1, 2, 3, 4, 5`,
          );
        })(),
  ]);
  for (const r of rolled) {
    // Dispatched after more than `lateHours`: the histogram's tail from bucket `lateHours` on.
    let over = 0;
    if (r.hist) {
      const h = r.hist.split(",");
      for (let i = 0; i < h.length; i++) {
        if (h[i] === "0") continue;
        const n = Number(h[i]);
        addHist(`${r.storeId}:${r.channel}`, i, n);
        if (i >= lateHours) over += n;
      }
    }
    // Every day here ended more than `lateHours` ago (brand site): waiting orders are late.
    // Without the histogram (trends) due and late are not read.
    rows.push({
      storeId: r.storeId,
      channel: r.channel,
      currency: r.currency,
      day: r.day,
      placed: r.placed,
      revenue: BigInt(r.revenue),
      dispatched: r.dispatched,
      delivered: r.delivered,
      due: r.dispatched + r.awaiting,
      late: over + r.awaiting,
    });
  }
  for (const r of raw) {
    rows.push({
      storeId: r.storeId,
      channel: r.channel,
      currency: r.currency,
      day: r.day,
      placed: r.placed,
      revenue: BigInt(r.revenue),
      dispatched: r.dispatched,
      delivered: r.delivered,
      due: r.due,
      late: r.late,
    });
    if (r.bucket !== null) addHist(`${r.storeId}:${r.channel}`, r.bucket, r.dispatched);
  }
  return { rows, hist };
}

export type DeadlineFacts = { storeId: string; day: string; due: number; late: number };

/**
 * TikTok orders (cancelled excluded) whose dispatch deadline fell in [from, min(to, now)), per
 * store and local day of the deadline; late when the first scan came after it or not yet.
 */
export async function readDeadlineFacts(where: Where, stores: ZonedStore[], from: Date, to: Date, now: Date, zone?: string): Promise<DeadlineFacts[]> {
  const end = new Date(Math.min(to.getTime(), now.getTime()));
  if (end <= from) return [];
  const ranges: { storeId: string; from: string; to: string }[] = [];
  const segments: Segment[] = [];
  for (const s of stores) {
    if (s.channel !== "TIKTOK_SHOP") continue;
    const z = zone ?? s.timeZone;
    const days = z === s.timeZone && !where.supplierId ? splitLocalDays(z, from, end) : null;
    if (!days) {
      segments.push({ storeId: s.id, zone: z, from, to: end });
      continue;
    }
    ranges.push({ storeId: s.id, from: days.from, to: days.to });
    if (from < days.fromStart) segments.push({ storeId: s.id, zone: z, from, to: days.fromStart });
    if (days.toStart < end) segments.push({ storeId: s.id, zone: z, from: days.toStart, to: end });
  }
  const [rolled, raw] = await Promise.all([
    ranges.length === 0
      ? []
      : query<DeadlineFacts[]>(
          "deadline_rollup",
          Prisma.sql`
          SELECT d."storeId", to_char(d.day, 'YYYY-MM-DD') AS day, sum(d."deadlineDue")::int AS due, sum(d."deadlineLate")::int AS late
          FROM ${dayRangesSql(ranges)}
          CROSS JOIN LATERAL (SELECT * FROM "OrderDaily" x WHERE x."storeId" = rg.store_id AND x.day >= rg.d0 AND x.day < rg.d1 AND x."deadlineDue" > 0 OFFSET 0) d
          GROUP BY 1, 2`,
        ),
    segments.length === 0
      ? []
      : (() => {
          const seg = segmentsSql(segments, "dispatchDueAt");
          return query<DeadlineFacts[]>(
            "deadline_raw",
            Prisma.sql`
            SELECT o."storeId", to_char(o."dispatchDueAt" AT TIME ZONE seg.zone, 'YYYY-MM-DD') AS day, count(*)::int AS due,
                   count(*) FILTER (WHERE o."inTransitAt" IS NULL OR o."inTransitAt" > o."dispatchDueAt")::int AS late
            FROM ${seg.from}
            WHERE o."organizationId" = ${where.organizationId} AND ${seg.where} AND o.channel = 'TIKTOK_SHOP' AND o.status <> 'CANCELLED' ${supplierSql("o", where)}
            GROUP BY 1, 2`,
          );
        })(),
  ]);
  return [...rolled, ...raw];
}
