import { changeInForce } from "./changes";
import { DEFAULT_SETTINGS, type PolicySettings } from "./settings";
import type { FulfillmentType, Market, OrderFacts, RuleId } from "./types";

// Fulfilment types (from 2026-02-05, official UTS/Collections pages + 3P for FBT): who ships the
// order decides which seller rules judge it and which shop-performance rates count it.

/** Fulfilled by TikTok: TikTok dispatches, so none of the seller's dispatch, label or tracking rules apply. */
export const FBT_EXEMPT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "fulfillment.dispatch_deadline",
  "fulfillment.auto_cancel_risk",
  "fulfillment.overseas_direct",
  "label.usps_requires_tiktok_shipping",
  "tracking.missing",
  "tracking.invalid",
  "tracking.carrier_mismatch",
  "tracking.carrier_not_approved",
  "tracking.duplicate",
]);

export function fulfillmentTypeOf(order: Pick<OrderFacts, "fulfillmentType">): FulfillmentType {
  return order.fulfillmentType ?? "SELLER_SHIPPING";
}

/** The fulfilment type as the rules in force when the order was placed see it (before 2026-02-05: all seller shipping). */
export function effectiveFulfillmentType(
  order: Pick<OrderFacts, "fulfillmentType" | "placedAt">,
  market: Market,
  settings: PolicySettings = DEFAULT_SETTINGS,
): FulfillmentType {
  const t = fulfillmentTypeOf(order);
  if (t === "SELLER_SHIPPING") return t;
  return changeInForce("fulfillment.fulfillment_type", market, order.placedAt, settings) ? t : "SELLER_SHIPPING";
}

export function isFulfilledByTikTok(
  order: Pick<OrderFacts, "fulfillmentType" | "placedAt">,
  market: Market,
  settings: PolicySettings = DEFAULT_SETTINGS,
): boolean {
  return effectiveFulfillmentType(order, market, settings) === "FULFILLED_BY_TIKTOK";
}

export type OnHoldWindow = { until: Date; active: boolean };

/**
 * The buyer's cancellation hour of an order On Hold (API `is_on_hold_order`, Q1 2026): "do not
 * ship yet" until placedAt + the hold. The dispatch clock still runs from the order's creation.
 * Null when the order is not On Hold.
 */
export function onHoldWindow(
  order: Pick<OrderFacts, "status" | "placedAt">,
  market: Market,
  now: Date,
  settings: PolicySettings = DEFAULT_SETTINGS,
): OnHoldWindow | null {
  if (order.status !== "ON_HOLD") return null;
  if (!changeInForce("fulfillment.on_hold_window", market, order.placedAt, settings)) return null;
  const until = new Date(order.placedAt.getTime() + settings.onHold.minutes * 60_000);
  return { until, active: now.getTime() < until.getTime() };
}
