import { type LocalDate, localDateOf } from "./business-days";
import { type PolicyKey, type PolicyMessage, type ReasonParams, listParam, moneyParam } from "./reason";
import { englishPolicyText } from "./reason-render";
import { DEFAULT_SETTINGS, type PolicySettings } from "./settings";
import { type Channel, type Confidence, type Market, RULE_IDS, type RuleId, type StoreKind } from "./types";

export { DEFAULT_SETTINGS, SHOP_PERFORMANCE_DEFAULTS, mergeSettings } from "./settings";
export type { PolicySettings, PolicySettingsOverrides, ShopPerformanceThresholds } from "./settings";

export type RuleFamily =
  "fulfillment" | "label" | "tracking" | "deposit" | "registration" | "returns" | "content" | "pricing" | "supplier" | "inventory" | "connection";

export type RuleScope = {
  markets: readonly Market[];
  channels: readonly Channel[];
  /** Store kinds the rule applies to; null stands for a store without a kind (brand site). */
  storeKinds: readonly (StoreKind | null)[];
};

type ThresholdsByRule = {
  "fulfillment.dispatch_deadline": PolicySettings["dispatch"];
  "fulfillment.auto_cancel_risk": PolicySettings["autoCancel"];
  "fulfillment.overseas_direct": { shipFromMustBeInMarket: true };
  "label.usps_requires_tiktok_shipping": { carrier: "USPS"; requiredLabelSource: "TIKTOK_SHIPPING" };
  "tracking.missing": Record<string, never>;
  "tracking.invalid": Record<string, never>;
  "tracking.carrier_mismatch": Record<string, never>;
  "tracking.carrier_not_approved": PolicySettings["tracking"];
  "tracking.duplicate": Record<string, never>;
  "deposit.topup_due": PolicySettings["deposit"];
  "deposit.shortfall": PolicySettings["deposit"];
  "registration.business_too_young": Pick<PolicySettings["registration"], "minBusinessAgeDays">;
  "registration.license_expiring": Pick<PolicySettings["registration"], "licenceMinDaysLeft" | "licenceWarnDaysLeft">;
  "registration.entity_not_eligible": { excluded: readonly string[] };
  "returns.change_of_mind_refused_unjustified": { legitimateJustifications: readonly string[] };
  "returns.response_due": PolicySettings["returns"];
  "content.near_limit": PolicySettings["content"];
  "content.restricted": PolicySettings["content"];
  "content.links_dropped": PolicySettings["content"];
  "pricing.mismatch": PolicySettings["pricing"];
  "supplier.outbound_sla_breach": PolicySettings["supplier"];
  "supplier.delivery_sla_breach": PolicySettings["supplier"] & { recommendedUsDeliveryDays: { min: number; max: number } };
  "inventory.oversell_risk": Record<string, never>;
  "connection.disconnected": Record<string, never>;
};

export type CalendarEntry<R extends RuleId = RuleId> = {
  id: R;
  family: RuleFamily;
  title: string;
  /** ISO date, read in each market's zone; null for the product's own checks, which have no platform date. */
  effectiveFrom: LocalDate | null;
  scope: RuleScope;
  thresholds: ThresholdsByRule[R];
  confidence: Confidence;
  /** Where sources disagree, or an assumption we made. */
  note?: string;
};

export type PolicyCalendar = { [R in RuleId]: CalendarEntry<R> };

const BOTH: readonly Market[] = ["US", "UK"];
const TIKTOK: readonly Channel[] = ["TIKTOK_SHOP"];
const ALL_KINDS: readonly StoreKind[] = ["LOCAL", "CROSS_BORDER"];
const TIKTOK_ANY: RuleScope = { markets: BOTH, channels: TIKTOK, storeKinds: ALL_KINDS };
const EVERY_STORE: RuleScope = { markets: BOTH, channels: ["TIKTOK_SHOP", "BRAND_SITE"], storeKinds: ["LOCAL", "CROSS_BORDER", null] };

const FULFILMENT_NOTE = "Seed date; a 3P report says 2026-01-26 with a phase-in.";
const LABELS_NOTE = "Seed date; 3P says 2026-01-01 (cross-border since 2025-10-27).";

export const LEGITIMATE_REFUSALS = ["ITEM_USED_OR_DAMAGED", "PARTS_MISSING", "OUTSIDE_RETURN_WINDOW", "NON_RETURNABLE_CATEGORY"] as const;

/** The policy calendar with an organisation's settings applied (thresholds and date overrides). */
export function buildCalendar(settings: PolicySettings = DEFAULT_SETTINGS): PolicyCalendar {
  const date = (id: RuleId, seed: LocalDate | null): LocalDate | null => settings.effectiveFrom[id] ?? seed;
  const none: Record<string, never> = {};
  return {
    "fulfillment.dispatch_deadline": {
      id: "fulfillment.dispatch_deadline",
      family: "fulfillment",
      title: "In Transit within 2 business days of the order",
      effectiveFrom: date("fulfillment.dispatch_deadline", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: settings.dispatch,
      confidence: "seed",
      note: FULFILMENT_NOTE,
    },
    "fulfillment.auto_cancel_risk": {
      id: "fulfillment.auto_cancel_risk",
      family: "fulfillment",
      title: "Auto-cancel when no tracking after 7 business days",
      effectiveFrom: date("fulfillment.auto_cancel_risk", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: settings.autoCancel,
      confidence: "official",
      note: FULFILMENT_NOTE,
    },
    "fulfillment.overseas_direct": {
      id: "fulfillment.overseas_direct",
      family: "fulfillment",
      title: "US local stores must ship from a US warehouse",
      effectiveFrom: date("fulfillment.overseas_direct", "2026-01-06"),
      scope: { markets: ["US"], channels: TIKTOK, storeKinds: ["LOCAL"] },
      thresholds: { shipFromMustBeInMarket: true },
      confidence: "seed",
      note: FULFILMENT_NOTE,
    },
    "label.usps_requires_tiktok_shipping": {
      id: "label.usps_requires_tiktok_shipping",
      family: "label",
      title: "USPS parcels need a TikTok Shipping label",
      effectiveFrom: date("label.usps_requires_tiktok_shipping", "2026-01-06"),
      scope: { markets: ["US"], channels: TIKTOK, storeKinds: ALL_KINDS },
      thresholds: { carrier: "USPS", requiredLabelSource: "TIKTOK_SHIPPING" },
      confidence: "seed",
      note: LABELS_NOTE,
    },
    "tracking.missing": {
      id: "tracking.missing",
      family: "tracking",
      title: "Shipped without a tracking number",
      effectiveFrom: date("tracking.missing", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: none,
      confidence: "seed",
      note: LABELS_NOTE,
    },
    "tracking.invalid": {
      id: "tracking.invalid",
      family: "tracking",
      title: "Tracking number fails its carrier's format or check digit",
      effectiveFrom: date("tracking.invalid", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: none,
      confidence: "seed",
      note: LABELS_NOTE,
    },
    "tracking.carrier_mismatch": {
      id: "tracking.carrier_mismatch",
      family: "tracking",
      title: "Tracking number belongs to another carrier",
      effectiveFrom: date("tracking.carrier_mismatch", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: none,
      confidence: "seed",
      note: LABELS_NOTE,
    },
    "tracking.carrier_not_approved": {
      id: "tracking.carrier_not_approved",
      family: "tracking",
      title: "Carrier not on the market's approved list",
      effectiveFrom: date("tracking.carrier_not_approved", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: settings.tracking,
      confidence: "3P",
      note: `${LABELS_NOTE} Carrier lists are 3P; the UK list is partial, so UK findings are informational.`,
    },
    "tracking.duplicate": {
      id: "tracking.duplicate",
      family: "tracking",
      title: "Same tracking number on two orders",
      effectiveFrom: date("tracking.duplicate", "2026-01-06"),
      scope: TIKTOK_ANY,
      thresholds: none,
      confidence: "seed",
      note: `${LABELS_NOTE} Brand-site orders are compared too (shared suppliers), reported on the TikTok order.`,
    },
    "deposit.topup_due": {
      id: "deposit.topup_due",
      family: "deposit",
      title: "Top up the store deposit to $1,500",
      effectiveFrom: date("deposit.topup_due", settings.deposit.standardFrom),
      scope: { markets: ["US"], channels: TIKTOK, storeKinds: ["CROSS_BORDER"] },
      thresholds: settings.deposit,
      confidence: "seed",
    },
    "deposit.shortfall": {
      id: "deposit.shortfall",
      family: "deposit",
      title: "Deposit below the standard: restricted functionality",
      effectiveFrom: date("deposit.shortfall", settings.deposit.standardFrom),
      scope: { markets: ["US"], channels: TIKTOK, storeKinds: ["CROSS_BORDER"] },
      thresholds: settings.deposit,
      confidence: "seed",
    },
    "registration.business_too_young": {
      id: "registration.business_too_young",
      family: "registration",
      title: "Business at least 60 days old",
      effectiveFrom: date("registration.business_too_young", "2026-01-01"),
      scope: { markets: BOTH, channels: TIKTOK, storeKinds: ["CROSS_BORDER"] },
      thresholds: { minBusinessAgeDays: settings.registration.minBusinessAgeDays },
      confidence: "seed",
      note: "No effective date in the source: in force from 2026-01-01 by default.",
    },
    "registration.license_expiring": {
      id: "registration.license_expiring",
      family: "registration",
      title: "Business licence valid for 90 more days",
      effectiveFrom: date("registration.license_expiring", "2026-01-01"),
      scope: { markets: BOTH, channels: TIKTOK, storeKinds: ["CROSS_BORDER"] },
      thresholds: {
        licenceMinDaysLeft: settings.registration.licenceMinDaysLeft,
        licenceWarnDaysLeft: settings.registration.licenceWarnDaysLeft,
      },
      confidence: "seed",
      note: "No effective date in the source: in force from 2026-01-01 by default.",
    },
    "registration.entity_not_eligible": {
      id: "registration.entity_not_eligible",
      family: "registration",
      title: "No sole proprietors or individuals as cross-border sellers",
      effectiveFrom: date("registration.entity_not_eligible", "2026-01-01"),
      scope: { markets: BOTH, channels: TIKTOK, storeKinds: ["CROSS_BORDER"] },
      thresholds: { excluded: ["SOLE_PROPRIETORSHIP", "INDIVIDUAL"] },
      confidence: "seed",
      note: "No effective date in the source: in force from 2026-01-01 by default.",
    },
    "returns.change_of_mind_refused_unjustified": {
      id: "returns.change_of_mind_refused_unjustified",
      family: "returns",
      title: "Refusing a change-of-mind return needs a legitimate reason",
      effectiveFrom: date("returns.change_of_mind_refused_unjustified", "2026-01-15"),
      scope: TIKTOK_ANY,
      thresholds: { legitimateJustifications: LEGITIMATE_REFUSALS },
      confidence: "seed",
    },
    "returns.response_due": {
      id: "returns.response_due",
      family: "returns",
      title: "Answer return requests before they are auto-approved",
      effectiveFrom: date("returns.response_due", "2026-01-15"),
      scope: TIKTOK_ANY,
      thresholds: settings.returns,
      confidence: "3P",
      note: "3P says 48 h then auto-approved; the official Thai page says 1 working day. US from 2026-02-25 (official): 2 business days, 4 for refunds over $100.",
    },
    "content.near_limit": {
      id: "content.near_limit",
      family: "content",
      title: "One more non-interactive video triggers a restriction",
      effectiveFrom: date("content.near_limit", "2026-01-19"),
      scope: TIKTOK_ANY,
      thresholds: settings.content,
      confidence: "seed",
      note: "Official pages found only for TH/MY.",
    },
    "content.restricted": {
      id: "content.restricted",
      family: "content",
      title: "Creator restricted: limited shop videos with links",
      effectiveFrom: date("content.restricted", "2026-01-19"),
      scope: TIKTOK_ANY,
      thresholds: settings.content,
      confidence: "seed",
      note: "Official pages found only for TH/MY.",
    },
    "content.links_dropped": {
      id: "content.links_dropped",
      family: "content",
      title: "Videos past the quota show no product link",
      effectiveFrom: date("content.links_dropped", "2026-01-19"),
      scope: TIKTOK_ANY,
      thresholds: settings.content,
      confidence: "seed",
      note: "Official pages found only for TH/MY.",
    },
    "pricing.mismatch": {
      id: "pricing.mismatch",
      family: "pricing",
      title: "TikTok price must match the brand-site price",
      effectiveFrom: date("pricing.mismatch", "2026-01-01"),
      scope: { markets: BOTH, channels: ["TIKTOK_SHOP", "BRAND_SITE"], storeKinds: ["LOCAL", "CROSS_BORDER", null] },
      thresholds: settings.pricing,
      confidence: "seed",
      note: "TikTok's 2026 content guide gives no date: assumed 2026-01-01.",
    },
    "supplier.outbound_sla_breach": {
      id: "supplier.outbound_sla_breach",
      family: "supplier",
      title: "Supplier missed its outbound promise",
      effectiveFrom: date("supplier.outbound_sla_breach", null),
      scope: EVERY_STORE,
      thresholds: settings.supplier,
      confidence: "seed",
      note: "The product's own check against each supplier's promise; no platform date.",
    },
    "supplier.delivery_sla_breach": {
      id: "supplier.delivery_sla_breach",
      family: "supplier",
      title: "Supplier missed its delivery promise",
      effectiveFrom: date("supplier.delivery_sla_breach", null),
      scope: EVERY_STORE,
      thresholds: { ...settings.supplier, recommendedUsDeliveryDays: { min: 3, max: 5 } },
      confidence: "seed",
      note: "The product's own check against each supplier's promise; no platform date.",
    },
    "inventory.oversell_risk": {
      id: "inventory.oversell_risk",
      family: "inventory",
      title: "Open orders exceed available stock",
      effectiveFrom: date("inventory.oversell_risk", null),
      scope: EVERY_STORE,
      thresholds: none,
      confidence: "seed",
      note: "The product's own check (shared stock across channels); no platform date.",
    },
    "connection.disconnected": {
      id: "connection.disconnected",
      family: "connection",
      title: "Store disconnected from its platform API",
      effectiveFrom: date("connection.disconnected", null),
      scope: EVERY_STORE,
      thresholds: none,
      confidence: "seed",
      note: "The product's own check: a deauthorised app, a refused or expired token stops sync and write-back (lib/risk/connection-flags.ts).",
    },
  };
}

export const POLICY_CALENDAR: PolicyCalendar = buildCalendar(DEFAULT_SETTINGS);

// An organisation's merged settings object is reused for every order of a run: build its
// calendar once per settings object, not once per rule check.
const calendars = new WeakMap<PolicySettings, PolicyCalendar>([[DEFAULT_SETTINGS, POLICY_CALENDAR]]);

/** Every rule's title, for screens that render in the browser (the calendar itself stays on the server). */
export const RULE_TITLES: Readonly<Record<RuleId, string>> = Object.fromEntries(RULE_IDS.map((id) => [id, POLICY_CALENDAR[id].title])) as Record<
  RuleId,
  string
>;

/** The rule's title as the calendar states it; an id the calendar does not know is shown as it is. */
export function ruleTitle(rule: string): string {
  return (RULE_IDS as readonly string[]).includes(rule) ? POLICY_CALENDAR[rule as RuleId].title : rule;
}

export function calendarEntry<R extends RuleId>(rule: R, settings: PolicySettings = DEFAULT_SETTINGS): CalendarEntry<R> {
  let cal = calendars.get(settings);
  if (!cal) {
    cal = buildCalendar(settings);
    calendars.set(settings, cal);
  }
  return cal[rule];
}

export function effectiveFromOf(rule: RuleId, settings: PolicySettings = DEFAULT_SETTINGS): LocalDate | null {
  return calendarEntry(rule, settings).effectiveFrom;
}

/** Whether a rule is in force at an instant, reading the date in the market's zone. */
export function isInForce(rule: RuleId, market: Market, at: Date, settings: PolicySettings = DEFAULT_SETTINGS): boolean {
  const from = effectiveFromOf(rule, settings);
  return from === null || localDateOf(market, at) >= from;
}

/** Whether the rule takes effect after `now` but within the settings' horizon. */
export function isUpcoming(rule: RuleId, market: Market, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): boolean {
  const from = effectiveFromOf(rule, settings);
  if (from === null || isInForce(rule, market, now, settings)) return false;
  const horizon = localDateOf(market, new Date(now.getTime() + settings.upcomingHorizonDays * 86_400_000));
  return from <= horizon;
}

export function inScope(rule: RuleId, store: { market: Market; channel: Channel; kind: StoreKind | null }): boolean {
  const { scope } = POLICY_CALENDAR[rule];
  return scope.markets.includes(store.market) && scope.channels.includes(store.channel) && scope.storeKinds.includes(store.kind);
}

/** The threshold as a message of the "policy" namespace with its parameters, for any language. */
export function thresholdMessage(entry: CalendarEntry): PolicyMessage {
  const t = entry.thresholds as Record<string, unknown>;
  const [family, name] = entry.id.split(".") as [string, string];
  const key = `rules.${family}.${name}.threshold` as PolicyKey;
  const message = (params: ReasonParams = {}): PolicyMessage => ({ key, params });
  switch (entry.id) {
    case "fulfillment.dispatch_deadline": {
      const d = t as PolicySettings["dispatch"];
      return message({ businessDays: d.businessDays, dueSoonHours: d.dueSoonHours, criticalHours: d.criticalHours });
    }
    case "fulfillment.auto_cancel_risk":
      return message({ businessDays: (t as PolicySettings["autoCancel"]).businessDays });
    case "tracking.carrier_not_approved": {
      const tracking = t as PolicySettings["tracking"];
      return message({
        us: listParam(tracking.approvedCarriers.US),
        uk: listParam(tracking.approvedCarriers.UK),
        chinaToUs: listParam(tracking.chinaToUsCarriers),
      });
    }
    case "deposit.topup_due":
    case "deposit.shortfall": {
      const d = t as PolicySettings["deposit"];
      return message({ standard: moneyParam(d.standardMinor, d.currency), standardFrom: d.standardFrom, topUpBy: d.topUpBy });
    }
    case "registration.business_too_young":
      return message({ minDays: Number(t.minBusinessAgeDays) });
    case "registration.license_expiring":
      return message({ minDays: Number(t.licenceMinDaysLeft), warnDays: Number(t.licenceWarnDaysLeft) });
    case "returns.response_due": {
      const r = t as PolicySettings["returns"];
      return message({
        usBusinessDays: r.usBusinessDays,
        usLargeRefundBusinessDays: r.usLargeRefundBusinessDays,
        largeRefundOver: moneyParam(r.usLargeRefundOverMinor, "USD"),
        responseHours: r.responseHours,
      });
    }
    case "content.near_limit":
    case "content.restricted":
    case "content.links_dropped": {
      const c = t as PolicySettings["content"];
      return message({ limit: c.nonInteractiveLimit, windowDays: c.windowDays, restrictionDays: c.restrictionDays, quota: c.restrictedLinkQuota });
    }
    case "pricing.mismatch": {
      const p = t as PolicySettings["pricing"];
      return message({ tolerance: moneyParam(p.toleranceMinor, "USD"), roundUpAllowed: p.allowNinetyNineRoundUp });
    }
    default:
      return message();
  }
}

/** The threshold as a line of text for the /policy page (English; screens word thresholdMessage). */
export function thresholdText(entry: CalendarEntry): string {
  return englishPolicyText(thresholdMessage(entry));
}

export type CalendarRow = {
  rule: RuleId;
  family: RuleFamily;
  title: string;
  effectiveFrom: LocalDate | null;
  scope: string;
  threshold: string;
  /** The threshold as a message, for the viewer's language (scope: `scopeDetail`). */
  thresholdMessage: PolicyMessage;
  scopeDetail: RuleScope;
  confidence: Confidence;
  note: string | null;
  status: "in-force" | "upcoming";
};

function scopeText(scope: RuleScope): string {
  const kinds = scope.storeKinds.filter((k): k is StoreKind => k !== null);
  const channels = scope.channels.map((c) => (c === "TIKTOK_SHOP" ? "TikTok Shop" : "brand site")).join(" + ");
  const kindText = kinds.length === 2 ? "all stores" : kinds.map((k) => (k === "LOCAL" ? "local" : "cross-border")).join(", ");
  return `${scope.markets.join(", ")} · ${channels} · ${kindText}`;
}

/** The calendar for the /policy page: upcoming rules first (soonest first), then in force (newest first). */
export function listCalendar(now: Date, settings: PolicySettings = DEFAULT_SETTINGS): CalendarRow[] {
  const cal = buildCalendar(settings);
  const rows = RULE_IDS.map((id): CalendarRow => {
    const e = cal[id];
    // In force only once in force in every market it covers (London's midnight comes first).
    const inForce = e.scope.markets.every((m) => isInForce(id, m, now, settings));
    return {
      rule: id,
      family: e.family,
      title: e.title,
      effectiveFrom: e.effectiveFrom,
      scope: scopeText(e.scope),
      scopeDetail: e.scope,
      threshold: thresholdText(e),
      thresholdMessage: thresholdMessage(e),
      confidence: e.confidence,
      note: e.note ?? null,
      status: inForce ? "in-force" : "upcoming",
    };
  });
  const key = (r: CalendarRow) => r.effectiveFrom ?? "0000-00-00";
  return rows.sort((a, b) => {
    if (a.status !== b.status) return a.status === "upcoming" ? -1 : 1;
    const cmp = a.status === "upcoming" ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a));
    return cmp !== 0 ? cmp : a.rule.localeCompare(b.rule);
  });
}
