import { openDemandBySku } from "@/lib/flags/refresh-compliance";
import type { Db } from "@/lib/database/client";
import type { StockPayload } from "./push";

// Stock written back: each listing's sellable quantity on each connected store is the supplier's
// stock minus the open demand of both channels minus the store's safety buffer (never below 0).
// A change queues a STOCK push per (store, SKU); a push still waiting is rewritten with the new
// quantity, and a new one waits until a minute after the last, so a SKU is written at most once a
// minute per store however often orders arrive. An unchanged quantity queues nothing.

export const STOCK_PUSH_INTERVAL_MS = 60_000;

export function sellableQuantity(availableStock: number, openDemand: number, safetyBuffer: number): number {
  return Math.max(0, availableStock - openDemand - Math.max(0, safetyBuffer));
}

type ConnectedStore = { id: string; stockSafetyBuffer: number };

async function connectedStoresOf(db: Db, organizationId: string): Promise<ConnectedStore[]> {
  return db.store.findMany({
    where: {
      organizationId,
      AND: [
        // NULL (never synced) counts as connected: `NOT IN` alone would drop it.
        { OR: [{ connectionState: null }, { connectionState: { notIn: ["NEEDS_REAUTHORIZATION", "DISCONNECTED"] } }] },
        {
          OR: [
            { channel: "BRAND_SITE", shopifyDomain: { not: null }, shopifyAccessToken: { not: null } },
            {
              channel: "TIKTOK_SHOP",
              tiktokAppKey: { not: null },
              tiktokAppSecret: { not: null },
              tiktokAccessToken: { not: null },
              tiktokShopCipher: { not: null },
            },
          ],
        },
      ],
    },
    select: { id: true, stockSafetyBuffer: true },
  });
}

/** Queues the stock pushes of these SKUs (all the organisation's listings when null); the ids queued or rewritten. */
export async function queueStockPushes(db: Db, organizationId: string, skus: readonly string[] | null, now: Date): Promise<string[]> {
  const stores = await connectedStoresOf(db, organizationId);
  if (stores.length === 0) return [];
  const listings = await db.listing.findMany({
    where: { organizationId, ...(skus ? { sku: { in: [...skus] } } : {}) },
    select: { sku: true, availableStock: true },
  });
  if (listings.length === 0) return [];
  const demand = await openDemandBySku(
    db,
    organizationId,
    listings.map((l) => l.sku),
  );
  const ids: string[] = [];
  for (const store of stores) {
    for (const l of listings) {
      const quantity = sellableQuantity(l.availableStock, demand.get(l.sku) ?? 0, store.stockSafetyBuffer);
      const last = await db.channelPush.findFirst({
        where: { storeId: store.id, kind: "STOCK", sku: l.sku },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, payload: true, createdAt: true, sentAt: true, lockedUntil: true },
      });
      const lastQuantity = (last?.payload as StockPayload | null)?.quantity;
      if (last && last.status === "PENDING" && (!last.lockedUntil || last.lockedUntil < now)) {
        if (lastQuantity !== quantity) {
          await db.channelPush.update({ where: { id: last.id }, data: { payload: { quantity } }, select: { id: true } });
          ids.push(last.id);
        }
        continue;
      }
      if (last && lastQuantity === quantity && last.status !== "FAILED") continue;
      const notBefore = last ? new Date(Math.max(now.getTime(), (last.sentAt ?? last.createdAt).getTime() + STOCK_PUSH_INTERVAL_MS)) : now;
      const created = await db.channelPush.create({
        data: { organizationId, storeId: store.id, kind: "STOCK", sku: l.sku, payload: { quantity }, nextAttemptAt: notBefore },
        select: { id: true },
      });
      ids.push(created.id);
    }
  }
  return ids;
}

/**
 * What changed since `since` (the sweep's previous minute): listings whose stock was set and SKUs
 * of orders written (new, cancelled, shipped: open demand moved), per organisation with a
 * connected store; their pushes queued.
 */
export async function queueStockChanges(db: Db, since: Date, now: Date): Promise<string[]> {
  const [listings, lines] = await Promise.all([
    db.listing.findMany({ where: { stockUpdatedAt: { gt: since } }, select: { organizationId: true, sku: true } }),
    db.$queryRaw<{ organizationId: string; sku: string }[]>`
      SELECT DISTINCT o."organizationId", l.sku
      FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE o."updatedAt" > ${since}
        AND EXISTS (SELECT 1 FROM "Listing" li WHERE li."organizationId" = o."organizationId" AND li.sku = l.sku)
      LIMIT 5000`,
  ]);
  const byOrg = new Map<string, Set<string>>();
  for (const r of [...listings, ...lines]) byOrg.set(r.organizationId, (byOrg.get(r.organizationId) ?? new Set()).add(r.sku));
  const ids: string[] = [];
  for (const [organizationId, skus] of byOrg) ids.push(...(await queueStockPushes(db, organizationId, [...skus], now)));
  return ids;
}
