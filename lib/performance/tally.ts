import type { ShopPerformanceThresholds } from "@/lib/policy/settings";
import type { Market, OrderStatus } from "@/lib/policy/types";
import type { MetricKey, Tally } from "./metrics";
import { type Window, deliveryDueAt } from "./windows";

// The definitions of the rates, as plain functions over order facts. lib/performance/queries.ts
// computes the same counts in SQL; the tests hold both to these.

/** Stored flags that make an order's tracking count as not valid for VTR. */
export const TRACKING_FAULT_RULES = ["tracking.invalid", "tracking.missing", "tracking.carrier_mismatch"] as const;

/** Return reasons that are not the buyer's fault. */
export const NON_BUYER_FAULT_REASONS = ["DAMAGED", "NOT_AS_DESCRIBED", "WRONG_ITEM", "MISSING_ITEM"] as const;

export type PerformanceOrder = {
  status: OrderStatus;
  placedAt: Date;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  /** TikTok dispatch deadline stored at write; null for brand-site orders and orders off the clock. */
  dispatchDueAt: Date | null;
  /** Has a stored tracking.invalid / tracking.missing / tracking.carrier_mismatch flag. */
  trackingFault: boolean;
  /** Has a return request (not refused) with a non-buyer-fault reason. */
  nonBuyerFaultReturn: boolean;
};

export type MetricWindows = Record<MetricKey | "returns", Window>;

export type StoreTallies = Record<MetricKey | "returns", Tally> & { deliveredForScore: number };

const inWindow = (t: Date | null, w: Window, now: Date): t is Date => t !== null && t >= w.from && t < w.to && t < now;

/** On the dispatch clock and dispatchable: unpaid and cancelled orders are not (as in lib/policy). */
export function onDispatchClock(o: PerformanceOrder): o is PerformanceOrder & { dispatchDueAt: Date } {
  return o.dispatchDueAt !== null && o.status !== "CANCELLED" && o.status !== "AWAITING_PAYMENT";
}

/** LDR failure: the carrier scan (or, without one, the delivery) after the deadline, or none yet. */
export function isLateDispatch(o: PerformanceOrder & { dispatchDueAt: Date }): boolean {
  const dispatched = o.inTransitAt ?? o.deliveredAt;
  return dispatched === null || dispatched > o.dispatchDueAt;
}

/**
 * Seller-fault cancellation (there is no cancel-initiator column): a TikTok order cancelled after
 * its dispatch deadline had passed — the seller had not shipped in time, the platform's
 * auto-cancel or a buyer giving up on a late order. A cancellation before the deadline is taken
 * as the buyer's.
 */
export function isSellerFaultCancellation(o: PerformanceOrder): boolean {
  return o.status === "CANCELLED" && o.dispatchDueAt !== null && o.cancelledAt !== null && o.cancelledAt > o.dispatchDueAt;
}

/**
 * OTDR outcome: counted once the outcome is known — at delivery when delivered by the due instant,
 * else at the due instant (a parcel never delivered is late, not ignored).
 */
export function deliveryOutcome(o: PerformanceOrder, market: Market, businessDays: number): { resolvedAt: Date; onTime: boolean } | null {
  if (o.inTransitAt === null || o.status === "CANCELLED") return null;
  const due = deliveryDueAt(market, o.inTransitAt, businessDays);
  const onTime = o.deliveredAt !== null && o.deliveredAt <= due;
  return { resolvedAt: onTime && o.deliveredAt ? o.deliveredAt : due, onTime };
}

/**
 * The counts behind each rate at `now`:
 * - LDR: orders on the dispatch clock whose deadline fell in the window (and has passed); failures
 *   dispatched after it or not dispatched at all.
 * - VTR: orders scanned by the carrier in the window; failures carry a tracking fault flag.
 * - OTDR: orders whose delivery outcome became known in the window; failures delivered after the
 *   n-th business day from dispatch or not delivered by then.
 * - SFCR: TikTok orders placed in the window (unpaid excluded); failures are seller-fault cancellations.
 * - returns: orders delivered in the window; failures have a non-buyer-fault return request.
 * - deliveredForScore: orders delivered in the score window (Shop Performance Score needs 30 in 90 days).
 */
export function tallyOrders(orders: readonly PerformanceOrder[], market: Market, windows: MetricWindows, now: Date, t: ShopPerformanceThresholds): StoreTallies {
  const tally = (): Tally => ({ failures: 0, orders: 0 });
  const out: StoreTallies = { ldr: tally(), vtr: tally(), otdr: tally(), sfcr: tally(), returns: tally(), deliveredForScore: 0 };
  const scoreFrom = new Date(now.getTime() - t.shopPerformanceScore.windowDays * 24 * 3600 * 1000);
  const add = (k: keyof Omit<StoreTallies, "deliveredForScore">, failed: boolean) => {
    out[k].orders++;
    if (failed) out[k].failures++;
  };
  for (const o of orders) {
    if (onDispatchClock(o) && inWindow(o.dispatchDueAt, windows.ldr, now)) add("ldr", isLateDispatch(o));
    if (inWindow(o.inTransitAt, windows.vtr, now)) add("vtr", o.trackingFault);
    const outcome = deliveryOutcome(o, market, t.onTimeDeliveryRate.withinBusinessDays);
    if (outcome && inWindow(outcome.resolvedAt, windows.otdr, now)) add("otdr", !outcome.onTime);
    if (o.dispatchDueAt !== null && o.status !== "AWAITING_PAYMENT" && inWindow(o.placedAt, windows.sfcr, now)) add("sfcr", isSellerFaultCancellation(o));
    if (o.status !== "CANCELLED" && inWindow(o.deliveredAt, windows.returns, now)) add("returns", o.nonBuyerFaultReturn);
    if (o.status !== "CANCELLED" && o.deliveredAt !== null && o.deliveredAt >= scoreFrom && o.deliveredAt < now) out.deliveredForScore++;
  }
  return out;
}
