import type { OrderStatus } from './types';

export type ShopifyStatusFacts = {
  financialStatus: string;
  /** '' or null when unfulfilled (webhooks send null, exports "unfulfilled"). */
  fulfillmentStatus: string | null;
  cancelled: boolean;
};

const KNOWN_FINANCIAL = new Set([
  'pending', 'authorized', 'expired', 'paid', 'partially_paid', 'partially_refunded', 'refunded', 'voided',
]);

/**
 * Shopify's two status axes folded into one OrderStatus, first match wins:
 * 1. cancelled (a `Cancelled at`), `voided` payment, or `restocked` fulfilment → CANCELLED
 * 2. fulfilled → IN_TRANSIT: a fulfilled brand-site order has left the warehouse; Shopify never tells
 *    us it was delivered (the `Fulfilled at` time becomes inTransitAt)
 * 3. pending / authorized / expired → AWAITING_PAYMENT (nothing captured yet)
 * 4. refunded and not fulfilled → CANCELLED (money returned before anything shipped)
 * 5. paid / partially_paid / partially_refunded, unfulfilled or partial → AWAITING_SHIPMENT
 *    (a partial fulfilment still owes units)
 * Unknown values return null so the caller reports the column instead of guessing.
 */
export function mapShopifyStatus(facts: ShopifyStatusFacts): OrderStatus | null {
  const financial = facts.financialStatus.trim().toLowerCase();
  const fulfillment = (facts.fulfillmentStatus ?? '').trim().toLowerCase() || 'unfulfilled';
  if (!KNOWN_FINANCIAL.has(financial)) return null;
  if (!['fulfilled', 'unfulfilled', 'partial', 'restocked'].includes(fulfillment)) return null;
  if (facts.cancelled || financial === 'voided' || fulfillment === 'restocked') return 'CANCELLED';
  if (fulfillment === 'fulfilled') return 'IN_TRANSIT';
  if (financial === 'pending' || financial === 'authorized' || financial === 'expired') return 'AWAITING_PAYMENT';
  if (financial === 'refunded') return 'CANCELLED';
  return 'AWAITING_SHIPMENT';
}

export function isShopifyPaid(financialStatus: string): boolean {
  return ['paid', 'partially_paid', 'partially_refunded', 'refunded'].includes(financialStatus.trim().toLowerCase());
}
