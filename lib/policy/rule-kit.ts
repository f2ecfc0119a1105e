import type { PolicySettings } from "./settings";
import type { Evidence, Flag, OrderFacts, OrderStatus, RuleId, Severity, StoreFacts, StoreProfileFacts } from "./types";

export type OrderContext = {
  order: OrderFacts;
  store: StoreFacts;
  now: Date;
  settings: PolicySettings;
  /** Other orders (any channel) carrying the same tracking number. */
  duplicateOrderIds?: readonly string[];
};

export type OrderRule = { id: RuleId; check: (ctx: OrderContext) => Flag[] };

export type StoreContext = { store: StoreProfileFacts; now: Date; settings: PolicySettings };
export type StoreRule = { id: RuleId; check: (ctx: StoreContext) => Flag[] };

export function makeFlag(rule: RuleId, severity: Severity, dueAt: Date | null, reason: string, evidence: Evidence[]): Flag {
  return { rule, severity, dueAt, reason, evidence };
}

export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

const CLOSED: readonly OrderStatus[] = ["DELIVERED", "COMPLETED", "CANCELLED"];
const DISPATCHED: readonly OrderStatus[] = ["IN_TRANSIT", "DELIVERED", "COMPLETED"];

export function isOpenOrder(order: OrderFacts): boolean {
  return !CLOSED.includes(order.status);
}

/** Reached In Transit: the carrier scanned it. A printed label ("Awaiting collection") is not. */
export function isDispatched(order: OrderFacts): boolean {
  return order.inTransitAt !== null || DISPATCHED.includes(order.status);
}

export function hasTracking(order: OrderFacts): boolean {
  return (order.trackingNumber ?? "").trim() !== "";
}
