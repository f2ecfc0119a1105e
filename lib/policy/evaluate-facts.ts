import type { Facts } from "./facts-schema";
import { evaluateCreatorVideos, evaluateInventory, evaluateOrders, evaluateReturn, evaluateSkuPrices, evaluateStore, evaluateSupplier } from "./index";
import { mergeSettings } from "./settings";
import type { Flag, OrderFacts, StoreFacts, StoreProfileFacts } from "./types";

export type EntityFlags = { id: string; flags: Flag[] };

/**
 * Evaluates a validated facts document: orders first (input order), then stores, creators, SKUs,
 * inventory, returns and suppliers. Every entity is listed, with an empty list when clean.
 */
export function evaluateFacts(facts: Facts, now: Date): EntityFlags[] {
  const settings = mergeSettings(facts.settings);
  const stores = new Map<string, StoreProfileFacts>(Object.entries(facts.stores).map(([id, s]) => [id, { ...s, id, joinedAt: s.joinedAt }]));
  const items = facts.orders.map((o) => {
    const store: StoreFacts = o.store ?? stores.get(o.storeId ?? "") ?? { channel: "TIKTOK_SHOP", market: "US", kind: null };
    const order: OrderFacts = {
      id: o.id,
      channel: o.channel ?? store.channel,
      status: o.status,
      placedAt: o.placedAt,
      paidAt: o.paidAt,
      inTransitAt: o.inTransitAt,
      deliveredAt: o.deliveredAt,
      cancelledAt: o.cancelledAt,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      labelSource: o.labelSource,
      shipFromCountry: o.shipFromCountry,
      fulfillmentType: o.fulfillmentType,
    };
    return { order, store };
  });
  return [
    ...evaluateOrders(items, now, settings),
    ...[...stores.values()].map((s) => ({ id: s.id, flags: evaluateStore(s, now, settings) })),
    ...facts.creators.map((c) => ({ id: c.id, flags: evaluateCreatorVideos(c, now, settings) })),
    ...facts.skus.map((s) => ({ id: s.id, flags: evaluateSkuPrices(s, now, settings) })),
    ...facts.inventory.map((i) => ({ id: i.id, flags: evaluateInventory(i, now, settings) })),
    ...facts.returns.map((r) => ({ id: r.id, flags: evaluateReturn(r, now, settings) })),
    ...facts.suppliers.map((s) => ({ id: s.id, flags: evaluateSupplier({ ...s, name: s.name ?? s.id }, now, settings) })),
  ];
}
