import { divideRounded } from "@/lib/money";
import { convertMinor } from "./rate";
import type { RateSource, RateTable } from "./rate-table";

// Revenue of many days and currencies as one figure in the reporting currency. Each day's amount
// of each currency is converted at the rate chosen for that day (lib/fx/rate-table.ts), rounded
// once to the target's minor units, and the converted integers are added; amounts already in the
// target are added as they are. A figure is never partly converted: one amount without a rate
// and the whole figure is "no rate", naming the currency and the first day that lacks one.

/** Revenue of one local day in one currency, integer minor units. */
export type DayAmount = { currency: string; day: string; minor: bigint };

export type RateDays = {
  /** The oldest and newest publication day of the rates used (equal when one day's rate). */
  first: string;
  last: string;
  source: RateSource | "mixed";
  /** Some amount went through EUR (neither its currency nor the target is the pair stored). */
  cross: boolean;
};

export type MissingRate = { currency: string; firstDay: string; days: number };

export type ConvertedFigure =
  { status: "converted"; currency: string; minor: bigint; rates: RateDays; from: string[] } | { status: "missing"; currency: string; missing: MissingRate[] };

function mergeSource(a: RateSource | "mixed" | null, b: RateSource | "mixed"): RateSource | "mixed" {
  return a === null || a === b ? b : "mixed";
}

/**
 * The amounts in `target`; null when there is nothing to convert (no amount, or every non-zero
 * amount is already in the target: the original figure is the figure).
 */
export function convertAmounts(table: RateTable, amounts: readonly DayAmount[], target: string): ConvertedFigure | null {
  let total = 0n;
  let first: string | null = null;
  let last: string | null = null;
  let source: RateSource | "mixed" | null = null;
  let cross = false;
  const from = new Set<string>();
  const missing = new Map<string, MissingRate>();
  for (const a of amounts) {
    if (a.currency === target) {
      total += a.minor;
      continue;
    }
    if (a.minor === 0n) continue;
    const choice = table.choose(a.currency, target, a.day);
    if (!choice) {
      const m = missing.get(a.currency);
      if (!m) missing.set(a.currency, { currency: a.currency, firstDay: a.day, days: 1 });
      else {
        m.days += 1;
        if (a.day < m.firstDay) m.firstDay = a.day;
      }
      continue;
    }
    total += convertMinor(a.minor, a.currency, target, choice.factor);
    from.add(a.currency);
    if (first === null || choice.day < first) first = choice.day;
    if (last === null || choice.day > last) last = choice.day;
    source = mergeSource(source, choice.source);
    cross ||= choice.path === "cross";
  }
  if (missing.size > 0) {
    return { status: "missing", currency: target, missing: [...missing.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  }
  if (from.size === 0 || first === null || last === null || source === null) return null;
  return { status: "converted", currency: target, minor: total, rates: { first, last, source, cross }, from: [...from].sort() };
}

/** The average per order of a converted figure (the AOV), by the same rounding rule; null without orders. */
export function averageOf(figure: ConvertedFigure | null, orders: number): ConvertedFigure | null {
  if (!figure || orders <= 0) return null;
  if (figure.status === "missing") return figure;
  return { ...figure, minor: divideRounded(figure.minor, BigInt(orders)) };
}

/** The rate days of several converted figures together (a chart's caption); null when none was converted. */
export function mergeRateDays(figures: readonly (ConvertedFigure | null)[]): RateDays | null {
  const converted = figures.flatMap((f) => (f?.status === "converted" ? [f.rates] : []));
  if (converted.length === 0) return null;
  return converted.reduce((merged, r) => ({
    first: r.first < merged.first ? r.first : merged.first,
    last: r.last > merged.last ? r.last : merged.last,
    source: mergeSource(merged.source, r.source),
    cross: merged.cross || r.cross,
  }));
}
