import type { OrderStatus } from "./types";

export type ShopifyStatusFacts = {
  financialStatus: string;
  /** '' or null when unfulfilled (webhooks send null, exports "unfulfilled"). */
  fulfillmentStatus: string | null;
  cancelled: boolean;
  /**
   * Cash on delivery: `financial_status` stays `pending` until the courier collects the money at the
   * door, while the order is due to ship now — it goes on the dispatch clock like a paid order.
   */
  cashOnDelivery?: boolean;
};

// Export `Payment Method` "Cash on Delivery (COD)"; webhook/API gateways `cash_on_delivery` and
// `manual` (what Shopify records for COD set up as a manual payment method).
const COD_PATTERN = /cash[ _-]*on[ _-]*delivery|\bcod\b/i;
const COD_GATEWAYS = new Set(["cash_on_delivery", "manual", "cod"]);

export function isCashOnDeliveryMethod(paymentMethod: string): boolean {
  return COD_PATTERN.test(paymentMethod);
}

export function isCashOnDeliveryGateways(gateways: readonly string[]): boolean {
  return gateways.some((g) => COD_GATEWAYS.has(g.trim().toLowerCase()) || COD_PATTERN.test(g));
}

const KNOWN_FINANCIAL = new Set(["pending", "authorized", "expired", "paid", "partially_paid", "partially_refunded", "refunded", "voided"]);

/**
 * Shopify's two status axes folded into one OrderStatus, first match wins:
 * 1. cancelled (a `Cancelled at`), `voided` payment, or `restocked` fulfilment → CANCELLED
 * 2. fulfilled → IN_TRANSIT: a fulfilled brand-site order has left the warehouse; Shopify never tells
 *    us it was delivered (the `Fulfilled at` time becomes inTransitAt)
 * 3. pending / authorized / expired → AWAITING_PAYMENT (nothing captured yet), except cash on
 *    delivery `pending`, which is AWAITING_SHIPMENT (the money comes at delivery)
 * 4. refunded and not fulfilled → CANCELLED (money returned before anything shipped)
 * 5. paid / partially_paid / partially_refunded, unfulfilled or partial → AWAITING_SHIPMENT
 *    (a partial fulfilment still owes units)
 * Unknown values return null so the caller reports the column instead of guessing.
 */
export function mapShopifyStatus(facts: ShopifyStatusFacts): OrderStatus | null {
  const financial = facts.financialStatus.trim().toLowerCase();
  const raw = (facts.fulfillmentStatus ?? "").trim().toLowerCase();
  // Old and test bodies say `pending`/`open` (nothing left the warehouse yet): unfulfilled.
  const fulfillment = raw === "" || raw === "pending" || raw === "open" ? "unfulfilled" : raw;
  if (!KNOWN_FINANCIAL.has(financial)) return null;
  if (!["fulfilled", "unfulfilled", "partial", "restocked"].includes(fulfillment)) return null;
  if (facts.cancelled || financial === "voided" || fulfillment === "restocked") return "CANCELLED";
  if (fulfillment === "fulfilled") return "IN_TRANSIT";
  if (financial === "pending" && facts.cashOnDelivery) return "AWAITING_SHIPMENT";
  if (financial === "pending" || financial === "authorized" || financial === "expired") return "AWAITING_PAYMENT";
  if (financial === "refunded") return "CANCELLED";
  return "AWAITING_SHIPMENT";
}

export function isShopifyPaid(financialStatus: string): boolean {
  return ["paid", "partially_paid", "partially_refunded", "refunded"].includes(financialStatus.trim().toLowerCase());
}
