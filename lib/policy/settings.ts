import { APPROVED_CARRIERS, CHINA_TO_US_DESIGNATED_CARRIERS, type Carrier } from "./tracking/carriers";
import type { LocalDate } from "./business-days";
import type { ChangeId, Market, RuleId } from "./types";

export type TrailingWindow = { kind: "trailing_days"; days: number } | { kind: "iso_week" };

/**
 * Every threshold the rules use. The defaults are the spec's (and what the tests assert); an
 * organisation may override any of them, e.g. adopt the 3P date 2026-01-26 for fulfilment.
 */
export type PolicySettings = {
  /** A rule taking effect within this many days yields "upcoming" warnings. */
  upcomingHorizonDays: number;
  /** Per-rule (or per-2026-change) override of the calendar's effective date (ISO date in the market's zone). */
  effectiveFrom: Partial<Record<RuleId | ChangeId, LocalDate>>;
  dispatch: { businessDays: number; dueSoonHours: number; criticalHours: number };
  autoCancel: { businessDays: number; criticalHours: number };
  tracking: {
    approvedCarriers: Record<Market, readonly Carrier[]>;
    /** US cross-border stores shipping direct from China (from 2026-02-01). */
    chinaToUsCarriers: readonly Carrier[];
  };
  deposit: {
    standardMinor: number;
    currency: string;
    /** Stores joining on or after this date must hold the standard deposit at setup. */
    standardFrom: LocalDate;
    /** Stores that joined earlier must top up by the end of this day. */
    topUpBy: LocalDate;
    warningDays: number;
    criticalDays: number;
  };
  registration: { minBusinessAgeDays: number; licenceMinDaysLeft: number; licenceWarnDaysLeft: number };
  returns: {
    /** UK (and US requests before 2026-02-25): hours to answer before auto-approval. */
    responseHours: number;
    dueSoonHours: number;
    criticalHours: number;
    /** US from 2026-02-25: business days to review a return… */
    usBusinessDays: number;
    /** …and for refunds over `usLargeRefundOverMinor` (strictly more than $100.00). */
    usLargeRefundBusinessDays: number;
    usLargeRefundOverMinor: number;
  };
  /** New orders may sit On Hold for the buyer's cancellation window (do not ship yet). */
  onHold: { minutes: number };
  content: { windowDays: number; nonInteractiveLimit: number; restrictionDays: number; restrictedLinkQuota: number };
  pricing: { toleranceMinor: number; allowNinetyNineRoundUp: boolean };
  supplier: { lookbackDays: number };
  shopPerformance: ShopPerformanceThresholds;
};

/** Shop-performance thresholds (official US unless marked), kept as data for per-store exposure. */
export type ShopPerformanceThresholds = {
  lateDispatchRate: { maxPercent: number; enforcementAbovePercent: number; window: TrailingWindow };
  validTrackingRate: { minPercent: number; window: TrailingWindow };
  onTimeDeliveryRate: { minPercent: number; withinBusinessDays: number; window: TrailingWindow };
  /** 3P source. */
  sellerFaultCancellationRate: { maxPercent: number; window: TrailingWindow };
  shopPerformanceScore: { min: number; max: number; minDeliveredOrders: number; windowDays: number };
  negativeReviews: { windowDays: number };
};

export const SHOP_PERFORMANCE_DEFAULTS: ShopPerformanceThresholds = {
  lateDispatchRate: { maxPercent: 4, enforcementAbovePercent: 10, window: { kind: "trailing_days", days: 30 } },
  validTrackingRate: { minPercent: 95, window: { kind: "trailing_days", days: 30 } },
  onTimeDeliveryRate: { minPercent: 80, withinBusinessDays: 6, window: { kind: "iso_week" } },
  sellerFaultCancellationRate: { maxPercent: 2.5, window: { kind: "trailing_days", days: 30 } },
  shopPerformanceScore: { min: 0, max: 5, minDeliveredOrders: 30, windowDays: 90 },
  negativeReviews: { windowDays: 60 },
};

export const DEFAULT_SETTINGS: PolicySettings = {
  upcomingHorizonDays: 30,
  effectiveFrom: {},
  dispatch: { businessDays: 2, dueSoonHours: 24, criticalHours: 6 },
  // Official: not "Awaiting collection" after 7 business days → auto-cancelled.
  autoCancel: { businessDays: 7, criticalHours: 24 },
  tracking: { approvedCarriers: APPROVED_CARRIERS, chinaToUsCarriers: CHINA_TO_US_DESIGNATED_CARRIERS },
  deposit: {
    standardMinor: 150_000,
    currency: "USD",
    standardFrom: "2025-12-15",
    topUpBy: "2026-01-14",
    warningDays: 14,
    criticalDays: 3,
  },
  registration: { minBusinessAgeDays: 60, licenceMinDaysLeft: 90, licenceWarnDaysLeft: 120 },
  // 3P: 48 h then auto-approved; the official Thai page says 1 working day.
  returns: { responseHours: 48, dueSoonHours: 24, criticalHours: 6, usBusinessDays: 2, usLargeRefundBusinessDays: 4, usLargeRefundOverMinor: 10_000 },
  onHold: { minutes: 60 },
  content: { windowDays: 7, nonInteractiveLimit: 5, restrictionDays: 7, restrictedLinkQuota: 7 },
  pricing: { toleranceMinor: 5, allowNinetyNineRoundUp: true },
  supplier: { lookbackDays: 30 },
  shopPerformance: SHOP_PERFORMANCE_DEFAULTS,
};

type Section = Exclude<keyof PolicySettings, "upcomingHorizonDays" | "shopPerformance">;

export type ShopPerformanceOverrides = { [M in keyof ShopPerformanceThresholds]?: Partial<ShopPerformanceThresholds[M]> };

export type PolicySettingsOverrides = {
  upcomingHorizonDays?: number;
  shopPerformance?: ShopPerformanceOverrides;
} & { [K in Section]?: Partial<PolicySettings[K]> };

/** Defaults with an organisation's overrides applied section by section. */
export function mergeSettings(overrides?: PolicySettingsOverrides | null, base: PolicySettings = DEFAULT_SETTINGS): PolicySettings {
  if (!overrides) return base;
  return {
    upcomingHorizonDays: overrides.upcomingHorizonDays ?? base.upcomingHorizonDays,
    effectiveFrom: { ...base.effectiveFrom, ...overrides.effectiveFrom },
    dispatch: { ...base.dispatch, ...overrides.dispatch },
    autoCancel: { ...base.autoCancel, ...overrides.autoCancel },
    tracking: {
      approvedCarriers: { ...base.tracking.approvedCarriers, ...overrides.tracking?.approvedCarriers },
      chinaToUsCarriers: overrides.tracking?.chinaToUsCarriers ?? base.tracking.chinaToUsCarriers,
    },
    deposit: { ...base.deposit, ...overrides.deposit },
    registration: { ...base.registration, ...overrides.registration },
    returns: { ...base.returns, ...overrides.returns },
    onHold: { ...base.onHold, ...overrides.onHold },
    content: { ...base.content, ...overrides.content },
    pricing: { ...base.pricing, ...overrides.pricing },
    supplier: { ...base.supplier, ...overrides.supplier },
    shopPerformance: mergeShopPerformance(base.shopPerformance, overrides.shopPerformance),
  };
}

/** Shop-performance overrides per metric (a partial metric keeps the rest of its defaults). */
function mergeShopPerformance(base: ShopPerformanceThresholds, o?: ShopPerformanceOverrides): ShopPerformanceThresholds {
  if (!o) return base;
  return {
    lateDispatchRate: { ...base.lateDispatchRate, ...o.lateDispatchRate },
    validTrackingRate: { ...base.validTrackingRate, ...o.validTrackingRate },
    onTimeDeliveryRate: { ...base.onTimeDeliveryRate, ...o.onTimeDeliveryRate },
    sellerFaultCancellationRate: { ...base.sellerFaultCancellationRate, ...o.sellerFaultCancellationRate },
    shopPerformanceScore: { ...base.shopPerformanceScore, ...o.shopPerformanceScore },
    negativeReviews: { ...base.negativeReviews, ...o.negativeReviews },
  };
}
