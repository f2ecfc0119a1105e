import { DateTime } from "luxon";
import type { Channel } from "@/lib/generated/prisma/enums";

// Pure helpers of the daily roll-up reads (lib/data/daily.ts): which local days of a period come
// from the roll-up and which instants from the raw orders, and the median from the histogram.

export type ZonedStore = { id: string; channel: Channel; timeZone: string };
export type Segment = { storeId: string; zone: string; from: Date; to: Date };

/** One-hour buckets 0..71 (bucket i: i < hours <= i + 1, 0 h in bucket 0) and one past 72 h (migration order_daily). */
export const HIST_BUCKETS = 73;
export type Hist = number[];
export const emptyHist = (): Hist => Array(HIST_BUCKETS).fill(0) as Hist;

/**
 * The whole local days (in `zone`) inside [from, to): dates [from, to) for the roll-up and the
 * instants where they start and end; null when [from, to) holds no whole day.
 */
export function splitLocalDays(zone: string, from: Date, to: Date): { from: string; to: string; fromStart: Date; toStart: Date } | null {
  if (to <= from) return null;
  const f = DateTime.fromJSDate(from, { zone });
  const dayStart = f.startOf("day");
  const first = dayStart.toMillis() === f.toMillis() ? dayStart : dayStart.plus({ days: 1 }).startOf("day");
  const last = DateTime.fromJSDate(to, { zone }).startOf("day");
  if (first >= last) return null;
  return { from: first.toISODate() as string, to: last.toISODate() as string, fromStart: first.toJSDate(), toStart: last.toJSDate() };
}

/** The union of the segments' instants as disjoint ranges (the index conditions of the raw read). */
export function mergeSegments(segments: readonly { from: Date; to: Date }[]): { from: Date; to: Date }[] {
  const sorted = [...segments].sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: { from: Date; to: Date }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.from <= last.to) {
      if (s.to > last.to) last.to = s.to;
    } else out.push({ from: s.from, to: s.to });
  }
  return out;
}

export function addHist(into: Hist, other: Hist): Hist {
  for (let i = 0; i < HIST_BUCKETS; i++) into[i] = (into[i] as number) + (other[i] ?? 0);
  return into;
}

/**
 * The median of the histogram's hours, as percentile_cont(0.5) would give over the exact values
 * if the orders of each bucket were spread evenly across it. Error bound: every order's hours lie
 * in its one-hour bucket, so the result is within 1 h of the exact median while the median is
 * under 72 h; past 72 h the histogram only knows "more than 72 h" and answers 72 (a lower bound).
 */
export function histMedian(hist: Hist): number | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const valueAt = (k: number) => {
    let seen = 0;
    for (let i = 0; i < HIST_BUCKETS; i++) {
      const c = hist[i] as number;
      if (k < seen + c) return i === HIST_BUCKETS - 1 ? HIST_BUCKETS - 1 : i + (k - seen + 0.5) / c;
      seen += c;
    }
    return HIST_BUCKETS - 1;
  };
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.ceil((n - 1) / 2);
  return (valueAt(lo) + valueAt(hi)) / 2;
}
