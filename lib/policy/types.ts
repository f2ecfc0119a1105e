import type { ReasonMessage } from "./reason";

export type Market = "US" | "UK";
export type Channel = "TIKTOK_SHOP" | "BRAND_SITE";
export type StoreKind = "LOCAL" | "CROSS_BORDER";
export type Severity = "info" | "warning" | "critical";
export type Confidence = "seed" | "official" | "press" | "3P";

/** Who ships an order (TikTok Shop, from 2026-02-05): the seller, or one of TikTok's logistics services. */
export const FULFILLMENT_TYPES = ["SELLER_SHIPPING", "UPGRADED_TIKTOK_SHIPPING", "COLLECTIONS_BY_TIKTOK", "FULFILLED_BY_TIKTOK"] as const;
export type FulfillmentType = (typeof FULFILLMENT_TYPES)[number];

export const RULE_IDS = [
  "fulfillment.dispatch_deadline",
  "fulfillment.auto_cancel_risk",
  "fulfillment.overseas_direct",
  "label.usps_requires_tiktok_shipping",
  "tracking.missing",
  "tracking.invalid",
  "tracking.carrier_mismatch",
  "tracking.carrier_not_approved",
  "tracking.duplicate",
  "deposit.topup_due",
  "deposit.shortfall",
  "registration.business_too_young",
  "registration.license_expiring",
  "registration.entity_not_eligible",
  "returns.change_of_mind_refused_unjustified",
  "returns.response_due",
  "content.near_limit",
  "content.restricted",
  "content.links_dropped",
  "pricing.mismatch",
  "supplier.outbound_sla_breach",
  "supplier.delivery_sla_breach",
  "inventory.oversell_risk",
  "connection.disconnected",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** The 2026 updates (policy-2026.md, "Updates during 2026"): dated changes to the rules above. */
export const CHANGE_IDS = [
  "performance.ldr_bands",
  "fulfillment.fulfillment_type",
  "performance.otdr_from_awaiting_shipment",
  "returns.response_window_business_days",
  "returns.item_does_not_fit",
  "tracking.china_us_designated_carriers",
  "fulfillment.on_hold_window",
  "fulfillment.seller_shipping_phase_out",
  "fulfillment.buyer_refund_after_7_days",
] as const;
export type ChangeId = (typeof CHANGE_IDS)[number];

export type Evidence = { field: string; value: string | number | null };

export type Flag = {
  rule: RuleId;
  severity: Severity;
  /** The instant by which the seller must act (or when the rule bites); null when none. */
  dueAt: Date | null;
  /** Plain language for the seller, e.g. "Dispatch by Tue 10 Mar 23:59 PDT — 5 h left": `message` rendered in English. */
  reason: string;
  /** The reason as a message key of the "reasons" namespace with its parameters, for any language. */
  message: ReasonMessage;
  evidence: Evidence[];
  /** Set when the rule is not yet in force but takes effect within the horizon. */
  upcoming?: boolean;
};

export type OrderStatus = "AWAITING_PAYMENT" | "ON_HOLD" | "AWAITING_SHIPMENT" | "AWAITING_COLLECTION" | "IN_TRANSIT" | "DELIVERED" | "COMPLETED" | "CANCELLED";

export type LabelSource = "TIKTOK_SHIPPING" | "SELLER" | "UNKNOWN";

/**
 * What happened to an order and when, and how it ships: the facts the rules judge, the importers
 * produce and the flag writers read back (one list of these columns for all of them).
 */
export type OrderTimeline = {
  channel: Channel;
  status: OrderStatus;
  placedAt: Date;
  paidAt: Date | null;
  /** First carrier scan. The only event that counts as dispatch; printing a label does not. */
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  labelSource: LabelSource;
  /** ISO 3166-1 alpha-2 country of the ship-from warehouse. */
  shipFromCountry: string | null;
};

export type OrderFacts = { id: string } & OrderTimeline & {
    /** Who ships it; absent = SELLER_SHIPPING (every order before fulfilment types existed). */
    fulfillmentType?: FulfillmentType;
  };

export type StoreFacts = {
  channel: Channel;
  market: Market;
  /** null for brand sites, which have no TikTok store kind. */
  kind: StoreKind | null;
  /** Display zone only: the policy clock always runs in the market's zone (see business-days). */
  timeZone?: string;
};

export type EntityType = "COMPANY" | "PARTNERSHIP" | "SOLE_PROPRIETORSHIP" | "INDIVIDUAL";

/** A TikTok store's account facts for the deposit and registration families. */
export type StoreProfileFacts = StoreFacts & {
  id: string;
  /** When the store joined (or applied to join) TikTok Shop; null for an applicant without a date. */
  joinedAt: Date | null;
  /** Cash on deposit in minor units (cents); null when unknown. */
  depositMinor: number | null;
  /** ISO date (YYYY-MM-DD) the business was registered. */
  businessRegisteredOn: string | null;
  /** ISO date (YYYY-MM-DD) the business licence expires. */
  licenceExpiresOn: string | null;
  entityType: EntityType | null;
};

export type VideoFacts = {
  id: string;
  postedAt: Date;
  format: "SHORT_VIDEO" | "LIVE" | "POST";
  hasProductLink: boolean;
  /** Static image stack, text-only slideshow, no real person, demo or conversation starter. */
  nonInteractive: boolean;
};

export type CreatorFacts = { id: string; market: Market; videos: VideoFacts[] };

export type SkuPriceFacts = {
  id: string;
  currency: string;
  market: Market;
  tiktokPriceMinor: number;
  brandSitePriceMinor: number;
};

export type ReturnJustification = "ITEM_USED_OR_DAMAGED" | "PARTS_MISSING" | "OUTSIDE_RETURN_WINDOW" | "NON_RETURNABLE_CATEGORY" | "OTHER";

export type ReturnFacts = {
  id: string;
  market: Market;
  channel: Channel;
  reason: "CHANGE_OF_MIND" | "DAMAGED" | "NOT_AS_DESCRIBED" | "WRONG_ITEM" | "MISSING_ITEM" | "OTHER";
  requestedAt: Date;
  decision: "PENDING" | "APPROVED" | "REFUSED";
  respondedAt: Date | null;
  refusalJustification: ReturnJustification | null;
  /** The refund asked for, in minor units of `currency` (US: over $100.00 gets a longer review window); absent = unknown. */
  refundMinor?: number | null;
  currency?: string | null;
};

export type SupplierShipmentFacts = {
  orderId: string;
  /** When the supplier received the order to fulfil. */
  receivedAt: Date;
  outboundAt: Date | null;
  deliveredAt: Date | null;
};

export type SupplierFacts = {
  id: string;
  name: string;
  promisedOutboundHours: number | null;
  promisedDeliveryDays: number | null;
  shipments: SupplierShipmentFacts[];
};

export type InventoryFacts = {
  id: string;
  /** Units on hand that can still be promised (both channels share the stock). */
  available: number;
  /** Units in open orders on both channels not yet shipped. */
  openDemand: number;
};
