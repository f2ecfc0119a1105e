import type { ShopPerformanceThresholds } from "@/lib/policy/settings";
import type { MetricVersion } from "./metrics";
import {
  type Band,
  type Headroom,
  METRIC_KEYS,
  type MetricKey,
  type MetricRule,
  type Tally,
  bandOf,
  consequenceOf,
  displayedNumerator,
  displayedPercent,
  headroom,
  headroomSentence,
  metricRules,
  thresholdText,
  worstBand,
} from "./metrics";
import { type AtRiskOrder, type ProjectedTallies, projectTallies, rankSavers } from "./projection";
import type { StoreTallies } from "./tally";

// The exposure of one store as plain data: the JSON contract of GET /api/stores/<id>/exposure and
// the props of components/exposure. Dates are ISO strings so the same shape crosses the wire.

export type MetricView = {
  key: MetricKey;
  label: string;
  short: string;
  direction: "max" | "min";
  /** Displayed rate in percent (LDR/SFCR failures, VTR/OTDR successes); null without orders. */
  value: number | null;
  numerator: number;
  denominator: number;
  failures: number;
  threshold: number;
  thresholdText: string;
  enforcementAbove: number | null;
  /** How the bands are drawn (metrics.ts MetricRule.bands): screens word the consequence from it. */
  bands: "allowance" | "ldr_2026";
  /** `days`: the trailing window's length; null = this ISO week. */
  window: { from: string; to: string; label: string; days: number | null };
  band: Band;
  consequence: string;
  headroom: Headroom;
  headroomSentence: string;
};

export type ProjectionMetric = { key: "ldr" | "vtr" | "sfcr"; value: number | null; projected: number | null; band: Band; projectedBand: Band };

/** Why an order is among the savers, as data (`reasons` holds the same in English). */
export type SaverCause = "dispatch_critical" | "dispatch_overdue" | "tracking_shipped" | "tracking_pending" | "auto_cancel";

export type SaverView = {
  orderId: string;
  externalId: string;
  reasons: string[];
  causes: SaverCause[];
  dueAt: string | null;
  /** Percentage points of projected exposure saved by handling this order (see projection.ts). */
  savedPoints: number;
};

export type TrendPoint = { weekStart: string } & Record<MetricKey, { value: number | null; numerator: number; denominator: number }>;

export type SupplierShare = {
  supplierId: string | null;
  name: string;
  lateDispatches: number;
  dispatchesDue: number;
  /** Share of the store's late dispatches, 0–1; null when the store has none. */
  lateShare: number | null;
  invalidTracking: number;
  shipped: number;
  invalidShare: number | null;
};

export type ServiceComparison = {
  storeId: string;
  name: string;
  channel: "TIKTOK_SHOP" | "BRAND_SITE";
  market: "US" | "UK";
  /** Median hours from order to carrier scan, orders scanned in the window. */
  medianDispatchHours: number | null;
  /** Median days from carrier scan to delivery, orders delivered in the window. */
  medianDeliveryDays: number | null;
  delivered: number;
  /** Orders with any return request / delivered, percent. */
  returnRate: number | null;
  /** Orders with a non-buyer-fault return request / delivered, percent. */
  nonBuyerFaultReturnRate: number | null;
};

export type StoreExposure = {
  store: { id: string; name: string; channel: "TIKTOK_SHOP" | "BRAND_SITE"; market: "US" | "UK" };
  asOf: string;
  /** The TikTok rates apply to TikTok Shop stores only; a brand-site store gets the service comparison. */
  scored: boolean;
  minimumOrders: { delivered: number; required: number; windowDays: number; met: boolean };
  metrics: MetricView[];
  returns: { value: number | null; numerator: number; denominator: number; window: { from: string; to: string } };
  worstBand: Band;
  projection: {
    metrics: ProjectionMetric[];
    atRisk: { critical: number; overdue: number; trackingShipped: number; trackingPending: number; autoCancel: number };
    savers: SaverView[];
  };
  trend: TrendPoint[];
  suppliers: SupplierShare[];
  comparison: ServiceComparison[];
  /** The comparison (every store, 30 days) was not ready within the request's budget: empty now, shown on the next view. */
  comparisonPending: boolean;
};

export function viewMetric(rule: MetricRule, tally: Tally, window: { from: Date; to: Date }): MetricView {
  const band = bandOf(rule, tally);
  return {
    key: rule.key,
    label: rule.label,
    short: rule.short,
    direction: rule.direction,
    value: displayedPercent(rule, tally),
    numerator: displayedNumerator(rule, tally),
    denominator: tally.orders,
    failures: tally.failures,
    threshold: rule.thresholdPercent,
    thresholdText: thresholdText(rule),
    enforcementAbove: rule.enforcementAbovePercent,
    bands: rule.bands ?? "allowance",
    window: { from: window.from.toISOString(), to: window.to.toISOString(), label: rule.windowLabel, days: rule.windowDays },
    band,
    consequence: consequenceOf(rule, band),
    headroom: headroom(rule, tally),
    headroomSentence: headroomSentence(rule, tally),
  };
}

const CAUSE_WORDS: Record<SaverCause, string> = {
  dispatch_critical: "Dispatch deadline within hours",
  dispatch_overdue: "Dispatch overdue",
  tracking_shipped: "Shipped with invalid tracking",
  tracking_pending: "Invalid tracking, not yet shipped",
  auto_cancel: "Auto-cancel imminent",
};

function causesOf(o: AtRiskOrder): SaverCause[] {
  const out: SaverCause[] = [];
  if (o.dispatch === "critical") out.push("dispatch_critical");
  if (o.dispatch === "overdue") out.push("dispatch_overdue");
  if (o.tracking === "shipped") out.push("tracking_shipped");
  if (o.tracking === "pending") out.push("tracking_pending");
  if (o.autoCancel) out.push("auto_cancel");
  return out;
}

export function viewProjection(
  thresholds: ShopPerformanceThresholds,
  current: ProjectedTallies,
  orders: readonly AtRiskOrder[],
  version?: MetricVersion,
): StoreExposure["projection"] {
  const rules = metricRules(thresholds, version);
  const projected = projectTallies(current, orders);
  const keys = ["ldr", "vtr", "sfcr"] as const;
  return {
    metrics: keys.map((key) => ({
      key,
      value: displayedPercent(rules[key], current[key]),
      projected: displayedPercent(rules[key], projected[key]),
      band: bandOf(rules[key], current[key]),
      projectedBand: bandOf(rules[key], projected[key]),
    })),
    atRisk: {
      critical: orders.filter((o) => o.dispatch === "critical").length,
      overdue: orders.filter((o) => o.dispatch === "overdue").length,
      trackingShipped: orders.filter((o) => o.tracking === "shipped").length,
      trackingPending: orders.filter((o) => o.tracking === "pending").length,
      autoCancel: orders.filter((o) => o.autoCancel).length,
    },
    savers: rankSavers(current, orders).map((s) => ({
      orderId: s.id,
      externalId: s.externalId,
      reasons: causesOf(s).map((c) => CAUSE_WORDS[c]),
      causes: causesOf(s),
      dueAt: s.dueAt?.toISOString() ?? null,
      savedPoints: Math.round(s.savedPoints * 1000) / 1000,
    })),
  };
}

export function viewMetrics(
  thresholds: ShopPerformanceThresholds,
  tallies: StoreTallies,
  windows: Record<MetricKey, { from: Date; to: Date }>,
  version?: MetricVersion,
): MetricView[] {
  const rules = metricRules(thresholds, version);
  return METRIC_KEYS.map((k) => viewMetric(rules[k], tallies[k], windows[k]));
}

export function worstBandOf(metrics: readonly MetricView[]): Band {
  return worstBand(metrics.map((m) => m.band));
}
