import { localDateOf, startOfLocalDay } from "./business-days";
import { effectiveFromOf, inScope, isInForce, isUpcoming } from "./calendar";
import { checkCreatorVideos } from "./content";
import { DEPOSIT_RULES } from "./deposit";
import { FULFILLMENT_RULES } from "./fulfillment";
import { FBT_EXEMPT_RULES, isFulfilledByTikTok } from "./fulfillment-type";
import { checkOversellRisk } from "./inventory";
import { BRAND_SITE_INFO_RULES, LABELS_TRACKING_RULES } from "./labels-tracking";
import { checkPriceMismatch } from "./pricing";
import { REGISTRATION_RULES } from "./registration";
import { RETURN_RULES } from "./returns";
import { dateParam, messageParam, reasonMessage } from "./reason";
import { type OrderContext, type StoreRule, isOpenOrder, withReason } from "./rule-kit";
import { DEFAULT_SETTINGS, type PolicySettings } from "./settings";
import { checkDeliverySla, checkOutboundSla } from "./supplier";
import { normaliseTrackingNumber } from "./tracking/formats";
import type {
  CreatorFacts,
  Flag,
  InventoryFacts,
  Market,
  OrderFacts,
  OrderStatus,
  ReturnFacts,
  RuleId,
  SkuPriceFacts,
  StoreFacts,
  StoreProfileFacts,
  SupplierFacts,
} from "./types";

export * from "./types";
export * from "./calendar";
export * from "./business-days";
export { type DispatchState, type DispatchTimes, dispatchState, dispatchTimes } from "./fulfillment";
export { totalDeposits } from "./deposit";
export { replayRestrictions } from "./content";
export { isNinetyNineRoundUp } from "./pricing";
export { returnResponseDeadline, returnResponseWindow } from "./returns";
export * from "./changes";
export { STANDING_RULES, isStandingRule } from "./standing";
export { FBT_EXEMPT_RULES, effectiveFulfillmentType, fulfillmentTypeOf, isFulfilledByTikTok, onHoldWindow, type OnHoldWindow } from "./fulfillment-type";
export * from "./tracking";
export * from "./reason";
export { type ReasonCatalog, ReasonRenderError, englishReason, renderReason } from "./reason-render";

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

function sortFlags(flags: Flag[]): Flag[] {
  return flags.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * A rule not yet in force reported ahead of time: always a warning, due when it takes effect at
 * the latest. Only for items the rule will still judge once in force: a finding whose own due
 * instant passes before the rule's first day (a return that expires first, a deadline that
 * falls earlier) is dropped.
 */
function asUpcoming(flags: Flag[], rule: RuleId, market: Market, settings: PolicySettings): Flag[] {
  const from = effectiveFromOf(rule, settings);
  if (!from) return flags;
  const start = startOfLocalDay(market, from);
  return flags
    .filter((f) => f.dueAt === null || f.dueAt.getTime() >= start.getTime())
    .map((f) => ({
      ...f,
      severity: "warning",
      upcoming: true,
      dueAt: f.dueAt ?? startOfLocalDay(market, from),
      ...withReason(reasonMessage("upcoming", { from: dateParam(from), reason: messageParam(f.message) })),
    }));
}

export type EvaluateOrderOptions = { duplicateOrderIds?: readonly string[] };

/**
 * Flags for one order. The order is judged by the rules in force on its local order date; a
 * rule that is not yet in force but takes effect within the horizon yields `upcoming` warnings
 * for open orders it would hit. Brand-site orders are never judged by TikTok rules: they only
 * get informational tracking findings (invalid, wrong carrier, duplicate), because they share
 * suppliers and tracking numbers with TikTok orders.
 */
export function evaluateOrder(
  order: OrderFacts,
  store: StoreFacts,
  now: Date,
  settings: PolicySettings = DEFAULT_SETTINGS,
  options: EvaluateOrderOptions = {},
): Flag[] {
  const ctx: OrderContext = { order, store, now, settings, duplicateOrderIds: options.duplicateOrderIds };
  if (order.channel === "BRAND_SITE" || store.channel === "BRAND_SITE") {
    return sortFlags(BRAND_SITE_INFO_RULES.flatMap((r) => r.check(ctx).map((f) => ({ ...f, severity: "info" as const }))));
  }
  const flags: Flag[] = [];
  // Fulfilled by TikTok (from 2026-02-05): TikTok dispatches, labels and tracks it.
  const fbt = isFulfilledByTikTok(order, store.market, settings);
  for (const rule of [...FULFILLMENT_RULES, ...LABELS_TRACKING_RULES]) {
    if (!inScope(rule.id, store)) continue;
    if (fbt && FBT_EXEMPT_RULES.has(rule.id)) continue;
    if (isInForce(rule.id, store.market, order.placedAt, settings)) flags.push(...rule.check(ctx));
    else if (isOpenOrder(order) && isUpcoming(rule.id, store.market, now, settings)) {
      flags.push(...asUpcoming(rule.check(ctx), rule.id, store.market, settings));
    }
  }
  return sortFlags(flags);
}

export type DuplicateGroup = { trackingNumber: string; orderIds: string[] };

/** Tracking numbers used on more than one order (any channel); cancelled orders are ignored. */
export function findDuplicateTracking(orders: readonly (Pick<OrderFacts, "id" | "trackingNumber"> & { status?: OrderStatus })[]): DuplicateGroup[] {
  const byNumber = new Map<string, string[]>();
  for (const o of orders) {
    if (!o.trackingNumber || o.status === "CANCELLED") continue;
    const n = normaliseTrackingNumber(o.trackingNumber);
    if (!n) continue;
    const ids = byNumber.get(n) ?? [];
    if (!ids.includes(o.id)) ids.push(o.id);
    byNumber.set(n, ids);
  }
  return [...byNumber.entries()].filter(([, ids]) => ids.length > 1).map(([trackingNumber, orderIds]) => ({ trackingNumber, orderIds }));
}

/** Evaluates many orders at once, so duplicates across them are found. */
export function evaluateOrders(
  items: readonly { order: OrderFacts; store: StoreFacts }[],
  now: Date,
  settings: PolicySettings = DEFAULT_SETTINGS,
): { id: string; flags: Flag[] }[] {
  const others = new Map<string, string[]>();
  for (const g of findDuplicateTracking(items.map((i) => ({ ...i.order })))) {
    for (const id of g.orderIds)
      others.set(
        id,
        g.orderIds.filter((x) => x !== id),
      );
  }
  return items.map(({ order, store }) => ({
    id: order.id,
    flags: evaluateOrder(order, store, now, settings, { duplicateOrderIds: others.get(order.id) }),
  }));
}

function runStoreRules(rules: readonly StoreRule[], store: StoreProfileFacts, now: Date, settings: PolicySettings): Flag[] {
  const flags: Flag[] = [];
  for (const rule of rules) {
    if (!inScope(rule.id, store)) continue;
    const ctx = { store, now, settings };
    if (isInForce(rule.id, store.market, now, settings)) flags.push(...rule.check(ctx));
    else if (isUpcoming(rule.id, store.market, now, settings)) flags.push(...asUpcoming(rule.check(ctx), rule.id, store.market, settings));
  }
  return flags;
}

/** Deposit and registration flags for a TikTok store, judged at `now`. */
export function evaluateStore(store: StoreProfileFacts, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  return sortFlags([...runStoreRules(DEPOSIT_RULES, store, now, settings), ...runStoreRules(REGISTRATION_RULES, store, now, settings)]);
}

/** Short-video link restrictions for one creator; videos posted before the rule took effect do not count. */
export function evaluateCreatorVideos(creator: CreatorFacts, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  const rule = "content.restricted";
  const market = creator.market;
  if (isInForce(rule, market, now, settings)) {
    return sortFlags(checkCreatorVideos(creator, now, settings, (v) => isInForce(rule, market, v.postedAt, settings)));
  }
  if (!isUpcoming(rule, market, now, settings)) return [];
  // Once in force, only videos posted from its first day count: older ones can never restrict anyone.
  const from = effectiveFromOf(rule, settings);
  const counts = (v: { postedAt: Date }) => from === null || localDateOf(market, v.postedAt) >= from;
  return sortFlags(checkCreatorVideos(creator, now, settings, counts).flatMap((f) => asUpcoming([f], f.rule, market, settings)));
}

/** TikTok vs brand-site price of one SKU. */
export function evaluateSkuPrices(sku: SkuPriceFacts, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  const rule = "pricing.mismatch";
  if (isInForce(rule, sku.market, now, settings)) return checkPriceMismatch(sku, settings);
  if (isUpcoming(rule, sku.market, now, settings)) return asUpcoming(checkPriceMismatch(sku, settings), rule, sku.market, settings);
  return [];
}

/** A TikTok return request, judged by the rules in force when it was requested. */
export function evaluateReturn(ret: ReturnFacts, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  if (ret.channel !== "TIKTOK_SHOP") return [];
  const flags: Flag[] = [];
  for (const rule of RETURN_RULES) {
    const ctx = { ret, now, settings };
    if (isInForce(rule.id, ret.market, ret.requestedAt, settings)) flags.push(...rule.check(ctx));
    else if (ret.decision === "PENDING" && isUpcoming(rule.id, ret.market, now, settings)) {
      flags.push(...asUpcoming(rule.check(ctx), rule.id, ret.market, settings));
    }
  }
  return sortFlags(flags);
}

/** A supplier's shipments against its own promises (recent ones, see settings.supplier.lookbackDays). */
export function evaluateSupplier(supplier: SupplierFacts, now: Date, settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  return sortFlags([...checkOutboundSla(supplier, now, settings), ...checkDeliverySla(supplier, now, settings)]);
}

/** Shared stock against open demand on both channels. */
export function evaluateInventory(item: InventoryFacts, _now: Date, _settings: PolicySettings = DEFAULT_SETTINGS): Flag[] {
  return checkOversellRisk(item);
}

/** The local order date used to decide which rules an order is judged by. */
export function orderLocalDate(order: Pick<OrderFacts, "placedAt">, market: Market): string {
  return localDateOf(market, order.placedAt);
}
