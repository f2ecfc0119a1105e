import { MARKET_ZONES, localDateOf } from "./business-days";
import type { ReasonMessage, ReasonValue } from "./reason";
import { englishReason } from "./reason-render";
import type { PolicySettings } from "./settings";
import type { Evidence, Flag, Market, OrderFacts, OrderStatus, RuleId, Severity, StoreFacts, StoreProfileFacts } from "./types";

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

/** A finding; its English `reason` is rendered from `message` (the same messages every language uses). */
export function makeFlag(rule: RuleId, severity: Severity, dueAt: Date | null, message: ReasonMessage, evidence: Evidence[]): Flag {
  return { rule, severity, dueAt, reason: englishReason(message), message, evidence };
}

/** A flag's reason fields for a message: the message and its English rendering. */
export function withReason(message: ReasonMessage): Pick<Flag, "reason" | "message"> {
  return { reason: englishReason(message), message };
}

/** An instant in the market's policy zone (the zone the rule's clock runs in), with its year when not now's. */
export function instantParam(market: Market, at: Date, now?: Date): ReasonValue {
  const year = now !== undefined && localDateOf(market, at).slice(0, 4) !== localDateOf(market, now).slice(0, 4);
  return year
    ? { type: "instant", at: at.toISOString(), zone: MARKET_ZONES[market], year: true }
    : { type: "instant", at: at.toISOString(), zone: MARKET_ZONES[market] };
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
