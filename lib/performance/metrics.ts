import { changeInForce } from "@/lib/policy/changes";
import type { PolicySettings, ShopPerformanceThresholds } from "@/lib/policy/settings";
import type { Market } from "@/lib/policy/types";

// Bands, headroom and the words for each shop-performance rate. Pure: counts in, verdicts out.
// Every comparison is integer arithmetic on (failures, orders) against the threshold in
// thousandths of a percent, so 4% of 25 orders is decided exactly, never by a float.

export const METRIC_KEYS = ["ldr", "vtr", "otdr", "sfcr"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type Band = "no_data" | "healthy" | "at_risk" | "breached" | "enforcement";

/** Worst first, for "the worst band of a store". */
export const BAND_RANK: Record<Band, number> = { enforcement: 0, breached: 1, at_risk: 2, healthy: 3, no_data: 4 };

/** Failures among orders in a window; the failure is what the rate punishes (late, invalid, …). */
export type Tally = { failures: number; orders: number };

/**
 * A rate and its line. `direction: "max"` rates are failure rates (LDR, SFCR: at most x%);
 * `"min"` rates are success rates (VTR, OTDR: at least x%), i.e. at most (100 − x)% failures.
 */
export type MetricRule = {
  key: MetricKey;
  label: string;
  short: string;
  direction: "max" | "min";
  /** The published line, in percent of the displayed rate. */
  thresholdPercent: number;
  /** LDR only: "enforcement may start above 10%". */
  enforcementAbovePercent: number | null;
  windowLabel: string;
  /** The window as data, for screens that word it in another language: null = this ISO week. */
  windowDays: number | null;
  failure: { one: string; many: string };
  success: { one: string; many: string };
  /**
   * "allowance": healthy, at risk past 3/4 of the allowance, breached over the line, enforcement
   * (LDR) over its enforcement line. "ldr_2026" (US LDR guide, from 2026-03-02): healthy up to
   * the line (4 %), at risk above it up to the enforcement line (10 %), enforcement above.
   */
  bands?: "allowance" | "ldr_2026";
};

/** Which version of the rates a store is judged by at `now`. */
export type MetricVersion = { market: Market; now: Date; settings: PolicySettings };

/** At risk once failures use more than 3/4 of the allowance (or the next failure crosses the line). */
export const AT_RISK_SHARE = { numerator: 3, denominator: 4 } as const;

const SCALE = 100_000; // percent × 1000

/** The failure allowance in thousandths of a percent: LDR 4% → 4000, VTR ≥ 95% → 5000. */
export function allowanceMilli(rule: Pick<MetricRule, "direction" | "thresholdPercent">): number {
  const failurePercent = rule.direction === "max" ? rule.thresholdPercent : 100 - rule.thresholdPercent;
  return Math.round(failurePercent * 1000);
}

function windowWords(window: ShopPerformanceThresholds["lateDispatchRate"]["window"]): string {
  return window.kind === "iso_week" ? "this week" : `in the last ${window.days} days`;
}

function windowDaysOf(window: ShopPerformanceThresholds["lateDispatchRate"]["window"]): number | null {
  return window.kind === "iso_week" ? null : window.days;
}

/** The four scored rates with the organisation's thresholds. */
export function metricRules(t: ShopPerformanceThresholds, version?: MetricVersion): Record<MetricKey, MetricRule> {
  const ldrBands = version && changeInForce("performance.ldr_bands", version.market, version.now, version.settings) ? "ldr_2026" : "allowance";
  return {
    ldr: {
      key: "ldr",
      label: "Late dispatch rate",
      short: "LDR",
      direction: "max",
      thresholdPercent: t.lateDispatchRate.maxPercent,
      enforcementAbovePercent: t.lateDispatchRate.enforcementAbovePercent,
      windowLabel: windowWords(t.lateDispatchRate.window),
      windowDays: windowDaysOf(t.lateDispatchRate.window),
      bands: ldrBands,
      failure: { one: "late dispatch", many: "late dispatches" },
      success: { one: "on-time dispatch", many: "on-time dispatches" },
    },
    vtr: {
      key: "vtr",
      label: "Valid tracking rate",
      short: "VTR",
      direction: "min",
      thresholdPercent: t.validTrackingRate.minPercent,
      enforcementAbovePercent: null,
      windowLabel: windowWords(t.validTrackingRate.window),
      windowDays: windowDaysOf(t.validTrackingRate.window),
      failure: { one: "shipment with invalid tracking", many: "shipments with invalid tracking" },
      success: { one: "shipment with valid tracking", many: "shipments with valid tracking" },
    },
    otdr: {
      key: "otdr",
      label: "On-time delivery rate",
      short: "OTDR",
      direction: "min",
      thresholdPercent: t.onTimeDeliveryRate.minPercent,
      enforcementAbovePercent: null,
      windowLabel: windowWords(t.onTimeDeliveryRate.window),
      windowDays: windowDaysOf(t.onTimeDeliveryRate.window),
      failure: { one: "late delivery", many: "late deliveries" },
      success: { one: "on-time delivery", many: "on-time deliveries" },
    },
    sfcr: {
      key: "sfcr",
      label: "Seller-fault cancellation rate",
      short: "SFCR",
      direction: "max",
      thresholdPercent: t.sellerFaultCancellationRate.maxPercent,
      enforcementAbovePercent: null,
      windowLabel: windowWords(t.sellerFaultCancellationRate.window),
      windowDays: windowDaysOf(t.sellerFaultCancellationRate.window),
      failure: { one: "seller-fault cancellation", many: "seller-fault cancellations" },
      success: { one: "order fulfilled", many: "orders fulfilled" },
    },
  };
}

/** The displayed rate in percent (LDR/SFCR: failures; VTR/OTDR: successes); null without orders. */
export function displayedPercent(rule: Pick<MetricRule, "direction">, tally: Tally): number | null {
  if (tally.orders === 0) return null;
  const numerator = rule.direction === "max" ? tally.failures : tally.orders - tally.failures;
  return (numerator * 100) / tally.orders;
}

/** The numerator of the displayed rate: late orders for LDR, valid ones for VTR. */
export function displayedNumerator(rule: Pick<MetricRule, "direction">, tally: Tally): number {
  return rule.direction === "max" ? tally.failures : tally.orders - tally.failures;
}

export type Headroom =
  /** `more` further failures (each a new order in the window) keep the rate on the right side of the line. */
  | { kind: "room"; more: number }
  /** Over the line: `needed` further good orders (and no failures) bring it back. */
  | { kind: "recover"; needed: number }
  | { kind: "none" };

/**
 * The largest N with (failures + N) / (orders + N) ≤ allowance. Each further failure is a NEW
 * order in the window (a late dispatch is also one more order whose deadline fell in it), so the
 * denominator grows with the numerator. Orders already counted keep their outcome, and the
 * window is taken as it stands (orders ageing out of a trailing window are not anticipated).
 */
export function headroom(rule: Pick<MetricRule, "direction" | "thresholdPercent">, tally: Tally): Headroom {
  const allow = allowanceMilli(rule);
  if (allow >= SCALE) return { kind: "none" };
  const slack = allow * tally.orders - tally.failures * SCALE;
  if (slack >= 0) return { kind: "room", more: Math.floor(slack / (SCALE - allow)) };
  // (failures) / (orders + M) ≤ allowance ⇔ M ≥ (failures·SCALE − allow·orders) / allow
  if (allow === 0) return { kind: "none" };
  return { kind: "recover", needed: Math.ceil(-slack / allow) };
}

export function bandOf(rule: Pick<MetricRule, "direction" | "thresholdPercent" | "enforcementAbovePercent" | "bands">, tally: Tally): Band {
  if (tally.orders === 0) return "no_data";
  const allow = allowanceMilli(rule);
  const failures = tally.failures * SCALE;
  if (rule.enforcementAbovePercent !== null && failures > Math.round(rule.enforcementAbovePercent * 1000) * tally.orders) return "enforcement";
  if (rule.bands === "ldr_2026") return failures > allow * tally.orders ? "at_risk" : "healthy";
  if (failures > allow * tally.orders) return "breached";
  const nearLine = failures * AT_RISK_SHARE.denominator > allow * AT_RISK_SHARE.numerator * tally.orders;
  const room = headroom(rule, tally);
  if (nearLine || (room.kind === "room" && room.more === 0)) return "at_risk";
  return "healthy";
}

function plural(n: number, words: { one: string; many: string }): string {
  return `${n} ${n === 1 ? words.one : words.many}`;
}

export function formatPercent(value: number | null, digits = 1): string {
  if (value === null) return "—";
  const fixed = value.toFixed(digits);
  return `${fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed}%`;
}

export function thresholdText(rule: Pick<MetricRule, "direction" | "thresholdPercent">): string {
  return `${rule.direction === "max" ? "≤" : "≥"} ${formatPercent(rule.thresholdPercent, 2)}`;
}

/** "3 more late dispatches in the last 30 days before LDR goes above 4%." */
export function headroomSentence(rule: MetricRule, tally: Tally): string {
  const line = `${rule.short} ${rule.direction === "max" ? "goes above" : "falls below"} ${formatPercent(rule.thresholdPercent, 2)}`;
  const room = headroom(rule, tally);
  if (room.kind === "none") return "";
  if (room.kind === "recover") {
    return `Over the line: ${plural(room.needed, rule.success)} (and no ${rule.failure.many}) needed to get back to ${formatPercent(rule.thresholdPercent, 2)}.`;
  }
  if (room.more === 0)
    return `The next ${rule.failure.one} ${rule.windowLabel} takes ${rule.short} ${rule.direction === "max" ? "above" : "below"} ${formatPercent(rule.thresholdPercent, 2)}.`;
  return `${room.more} more ${room.more === 1 ? rule.failure.one : rule.failure.many} ${rule.windowLabel} before ${line}.`;
}

/**
 * What a band costs, in the spec's words ("Late or invalid tracking lowers the score, search
 * visibility and platform benefits"; LDR "enforcement may start above 10%").
 */
export function consequenceOf(rule: MetricRule, band: Band): string {
  const line = thresholdText(rule);
  switch (band) {
    case "no_data":
      return `No orders in the window yet: nothing counts for or against you.`;
    case "healthy":
      return `Inside the line (${line}): no effect on the Shop Performance Score.`;
    case "at_risk":
      return rule.bands === "ldr_2026"
        ? `Above the recommended ${formatPercent(rule.thresholdPercent, 2)} (at risk up to ${formatPercent(rule.enforcementAbovePercent, 2)}): above that, enforcement actions may be applied.`
        : `Close to the line (${line}): a few more ${rule.failure.many} and the score, search visibility and platform benefits suffer.`;
    case "breached":
      return rule.key === "otdr"
        ? `Outside the line (${line}): late deliveries lower the Shop Performance Score and search visibility.`
        : rule.key === "sfcr"
          ? `Outside the line (${line}): seller-fault cancellations lower the Shop Performance Score and search visibility.`
          : `Outside the line (${line}): lowers the Shop Performance Score, search visibility and platform benefits.`;
    case "enforcement":
      return `Above ${formatPercent(rule.enforcementAbovePercent, 2)}: enforcement may start — order-volume limits and lost platform benefits on top of the score and visibility penalty.`;
  }
}

export function worstBand(bands: readonly Band[]): Band {
  return bands.reduce<Band>((worst, b) => (BAND_RANK[b] < BAND_RANK[worst] ? b : worst), "no_data");
}
