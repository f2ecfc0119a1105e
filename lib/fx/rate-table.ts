import { type Factor, compose, factorOf, inverse, parseRate } from "./rate";

// Which stored rate converts an amount of one day, and how. Pure: the rates are read by
// lib/data/fx-rates.ts and handed in.
//
// - The day: the rate published for the amount's own (local) day, else the latest earlier day
//   one was stored for (the ECB publishes none at weekends and on TARGET holidays). Never a later
//   day, and never a made-up 1: with no rate on or before the day the amount has no rate.
// - The way: base → quote multiplies by the rate; quote → base divides by it (inverse); when the
//   pair itself was never stored, both legs go through EUR, the base of every ECB rate (GBP →
//   USD = EUR/USD ÷ EUR/GBP). Each leg takes its own latest day on or before the amount's day,
//   and the conversion is dated by the older leg.
// - Several ways: the one with the most recent day wins; on the same day a stored pair (direct,
//   then inverse) wins over the cross through EUR.

export const PIVOT_CURRENCY = "EUR";

export type RateSource = "ecb" | "manual";

/** One stored rate: 1 `base` = `rate` `quote` on `day` (YYYY-MM-DD). */
export type StoredRate = { base: string; quote: string; day: string; rate: string; source: string };

export type RatePath = "direct" | "inverse" | "cross";

export type RateChoice = {
  factor: Factor;
  /** The publication day the conversion is dated by (the older leg of a cross). */
  day: string;
  /** Every leg from the ECB, every leg typed in, or one of each. */
  source: RateSource | "mixed";
  path: RatePath;
};

type Series = { days: string[]; factors: Factor[]; sources: RateSource[] };

const sourceOf = (source: string): RateSource => (source === "ecb" ? "ecb" : "manual");

export class RateTable {
  private readonly pairs = new Map<string, Series>();

  constructor(rates: readonly StoredRate[]) {
    const sorted = [...rates].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const r of sorted) {
      const exact = parseRate(r.rate);
      if (!exact || r.base === r.quote) continue;
      const key = `${r.base}/${r.quote}`;
      let series = this.pairs.get(key);
      if (!series) this.pairs.set(key, (series = { days: [], factors: [], sources: [] }));
      // One rate per pair and day (the table's unique key); a repeated day keeps the last one.
      if (series.days.at(-1) === r.day) {
        series.factors[series.factors.length - 1] = factorOf(exact);
        series.sources[series.sources.length - 1] = sourceOf(r.source);
        continue;
      }
      series.days.push(r.day);
      series.factors.push(factorOf(exact));
      series.sources.push(sourceOf(r.source));
    }
  }

  /** The stored rate of base → quote on `day` or the latest day before it. */
  private latest(base: string, quote: string, day: string): { factor: Factor; day: string; source: RateSource } | null {
    const series = this.pairs.get(`${base}/${quote}`);
    if (!series) return null;
    // The last index whose day is <= `day` (ISO dates compare as strings).
    let lo = 0;
    let hi = series.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((series.days[mid] as string) <= day) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return null;
    return { factor: series.factors[lo - 1] as Factor, day: series.days[lo - 1] as string, source: series.sources[lo - 1] as RateSource };
  }

  /** One leg from → to, stored either way round. */
  private leg(from: string, to: string, day: string): { factor: Factor; day: string; source: RateSource; path: "direct" | "inverse" } | null {
    const direct = this.latest(from, to, day);
    const reverse = this.latest(to, from, day);
    if (direct && (!reverse || direct.day >= reverse.day)) return { ...direct, path: "direct" };
    if (reverse) return { factor: inverse(reverse.factor), day: reverse.day, source: reverse.source, path: "inverse" };
    return null;
  }

  /** How to convert `from` into `to` for an amount of `day`; null when no stored rate can. */
  choose(from: string, to: string, day: string): RateChoice | null {
    if (from === to) return null;
    const own = this.leg(from, to, day);
    let cross: RateChoice | null = null;
    if (from !== PIVOT_CURRENCY && to !== PIVOT_CURRENCY) {
      const first = this.leg(from, PIVOT_CURRENCY, day);
      const second = first ? this.leg(PIVOT_CURRENCY, to, day) : null;
      if (first && second) {
        cross = {
          factor: compose(first.factor, second.factor),
          day: first.day < second.day ? first.day : second.day,
          source: first.source === second.source ? first.source : "mixed",
          path: "cross",
        };
      }
    }
    if (own && (!cross || own.day >= cross.day)) return { factor: own.factor, day: own.day, source: own.source, path: own.path };
    return cross;
  }
}
