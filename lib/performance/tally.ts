import { businessDeadline } from "@/lib/policy/business-days";
import { changeInForce } from "@/lib/policy/changes";
import { effectiveFulfillmentType } from "@/lib/policy/fulfillment-type";
import { DEFAULT_SETTINGS, type PolicySettings, type ShopPerformanceThresholds } from "@/lib/policy/settings";
import type { FulfillmentType, Market, OrderStatus } from "@/lib/policy/types";
import type { MetricKey, Tally } from "./metrics";
import { type Window, deliveryDueAt } from "./windows";

// The definitions of the rates, as plain functions over order facts. lib/data/exposure.ts
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
  /** Who ships it (absent = seller shipping). FBT orders have no seller clock: dispatchDueAt is null. */
  fulfillmentType?: FulfillmentType;
  /** Entered Awaiting Shipment (paid); OTDR's start point from 2026-05-19. Absent/null = placedAt. */
  paidAt?: Date | null;
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
 * The nominal dispatch deadline of a Fulfilled-by-TikTok order: not the seller's clock, but FBT
 * orders stay in the LDR and SFCR denominators, counted in the window their deadline falls in.
 */
export function nominalDispatchDue(o: PerformanceOrder, market: Market, settings: PolicySettings): Date | null {
  if (o.dispatchDueAt !== null) return o.dispatchDueAt;
  return effectiveFulfillmentType(o, market, settings) === "FULFILLED_BY_TIKTOK" ? businessDeadline(market, o.placedAt, settings.dispatch.businessDays) : null;
}

/**
 * OTDR from 2026-05-19 (3P citing the official page): measured from the instant the order entered
 * Awaiting Shipment (paid; the order time when unknown), not from the carrier scan. An order not
 * yet delivered resolves as late once that due instant passes, shipped or not.
 */
export function deliveryOutcomeFor(o: PerformanceOrder, market: Market, settings: PolicySettings): { resolvedAt: Date; onTime: boolean } | null {
  const days = settings.shopPerformance.onTimeDeliveryRate.withinBusinessDays;
  if (!changeInForce("performance.otdr_from_awaiting_shipment", market, o.placedAt, settings)) return deliveryOutcome(o, market, days);
  if (o.status === "CANCELLED" || o.status === "AWAITING_PAYMENT") return null;
  const due = deliveryDueAt(market, o.paidAt ?? o.placedAt, days);
  const onTime = o.deliveredAt !== null && o.deliveredAt <= due;
  return { resolvedAt: onTime && o.deliveredAt ? o.deliveredAt : due, onTime };
}

/**
 * The counts behind each rate at `now`:
 * - LDR: orders on the dispatch clock whose deadline fell in the window (and has passed); failures
 *   dispatched after it or not dispatched at all. FBT orders count with their nominal deadline
 *   but never as failures (from 2026-02-05).
 * - VTR: orders scanned by the carrier in the window; failures carry a tracking fault flag. FBT,
 *   UTS and Collections orders are not counted.
 * - OTDR: orders whose delivery outcome became known in the window; failures delivered after the
 *   n-th business day from dispatch (from Awaiting Shipment for orders from 2026-05-19) or not
 *   delivered by then. FBT orders and UTS orders dispatched in time are not counted.
 * - SFCR: TikTok orders placed in the window (unpaid excluded); failures are seller-fault
 *   cancellations (never an FBT order).
 * - returns: orders delivered in the window; failures have a non-buyer-fault return request.
 * - deliveredForScore: orders delivered in the score window (Shop Performance Score needs 30 in 90 days).
 */
export function tallyOrders(
  orders: readonly PerformanceOrder[],
  market: Market,
  windows: MetricWindows,
  now: Date,
  t: ShopPerformanceThresholds,
  settings: PolicySettings = DEFAULT_SETTINGS,
): StoreTallies {
  const tally = (): Tally => ({ failures: 0, orders: 0 });
  const out: StoreTallies = { ldr: tally(), vtr: tally(), otdr: tally(), sfcr: tally(), returns: tally(), deliveredForScore: 0 };
  const scoreFrom = new Date(now.getTime() - t.shopPerformanceScore.windowDays * 24 * 3600 * 1000);
  const s: PolicySettings = { ...settings, shopPerformance: t };
  const add = (k: keyof Omit<StoreTallies, "deliveredForScore">, failed: boolean) => {
    out[k].orders++;
    if (failed) out[k].failures++;
  };
  for (const o of orders) {
    const type = effectiveFulfillmentType(o, market, s);
    const fbt = type === "FULFILLED_BY_TIKTOK";
    const due = nominalDispatchDue(o, market, s);
    const clocked = { ...o, dispatchDueAt: due };
    if (onDispatchClock(clocked) && inWindow(clocked.dispatchDueAt, windows.ldr, now)) add("ldr", !fbt && isLateDispatch(clocked));
    if (type === "SELLER_SHIPPING" && inWindow(o.inTransitAt, windows.vtr, now)) add("vtr", o.trackingFault);
    const utsOnTime = type === "UPGRADED_TIKTOK_SHIPPING" && o.dispatchDueAt !== null && o.inTransitAt !== null && o.inTransitAt <= o.dispatchDueAt;
    const outcome = fbt || utsOnTime ? null : deliveryOutcomeFor(o, market, s);
    if (outcome && inWindow(outcome.resolvedAt, windows.otdr, now)) add("otdr", !outcome.onTime);
    if (due !== null && o.status !== "AWAITING_PAYMENT" && inWindow(o.placedAt, windows.sfcr, now)) add("sfcr", !fbt && isSellerFaultCancellation(clocked));
    if (o.status !== "CANCELLED" && inWindow(o.deliveredAt, windows.returns, now)) add("returns", o.nonBuyerFaultReturn);
    if (o.status !== "CANCELLED" && o.deliveredAt !== null && o.deliveredAt >= scoreFrom && o.deliveredAt < now) out.deliveredForScore++;
  }
  return out;
}
