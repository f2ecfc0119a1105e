import type { Db } from "@/lib/database/client";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { mapShopifyApiOrder } from "@/lib/ingest/shopify-api";
import { syncTikTokStore } from "@/lib/ingest/sync-store";
import { TikTokApiError, type FetchLike } from "@/lib/ingest/tiktok-api";
import type { NormalizedOrder } from "@/lib/ingest/types";
import { upsertOrders } from "@/lib/ingest/upsert";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { ShopifyAuthError, createShopifyAdminClient, type ShopifyFetch } from "./shopify-admin";
import { decryptSecret } from "@/lib/security/secrets";

// One sync for both channels ("Sync now", the worker's schedule, `npm run sync`): pulls the orders
// updated since the last sync from the store's API and upserts them (idempotent: a second run
// changes nothing). Never two at once for one store (a lease on the store row); refused
// credentials mark the store DISCONNECTED with the platform's message and are not retried.

export type ChannelSyncResult = {
  since: string;
  orders: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Orders the API returned that could not be read (named), the rest were imported. */
  errors: { order: string; message: string }[];
};

export type SyncOptions = {
  /** Backfill from this instant instead of the last sync. */
  since?: Date;
  shopifyFetch?: ShopifyFetch;
  tiktokFetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Shopify orders per page (the API's `first`); the default suits production. */
  pageSize?: number;
};

/** Why a sync could not run at all (the CLI's exit 2, the action's message). */
export class SyncRefusedError extends AppError {}

const FIRST_SYNC_DAYS = 30;
const OVERLAP_MS = 5 * 60_000;
const BATCH = 500;
/** Longer than any sync should take; a sync that died releases the store when it runs out. */
const LEASE_MS = 15 * 60_000;

async function takeLease(db: Db, storeId: string, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Store" SET "syncLockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id = ${storeId} AND ("syncLockedUntil" IS NULL OR "syncLockedUntil" < ${now})
    RETURNING id`;
  return rows.length > 0;
}

async function releaseLease(db: Db, storeId: string): Promise<void> {
  await db.store.update({ where: { id: storeId }, data: { syncLockedUntil: null }, select: { id: true } });
}

async function markConnection(db: Db, storeId: string, now: Date, state: "CONNECTED" | "DISCONNECTED", message: string | null): Promise<void> {
  if (state === "CONNECTED") {
    // A working sync clears a refusal; a type 7 warning (expiring) or a deauthorisation stays until re-authorised.
    await db.store.updateMany({
      where: { id: storeId, OR: [{ connectionState: null }, { connectionState: "DISCONNECTED" }, { connectionState: "CONNECTED" }] },
      data: { connectionState: "CONNECTED", connectionMessage: null, connectionChangedAt: now },
    });
    const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { organizationId: true } });
    await refreshConnectionFlags(db, store.organizationId, now, [storeId]);
    return;
  }
  const store = await db.store.update({
    where: { id: storeId },
    data: { connectionState: state, connectionMessage: message, connectionChangedAt: now },
    select: { organizationId: true },
  });
  await refreshConnectionFlags(db, store.organizationId, now, [storeId]);
}

/** TikTok answers refused credentials with HTTP 401/403 or an auth error code in a 200. */
function isTikTokAuthError(error: unknown): error is TikTokApiError {
  if (!(error instanceof TikTokApiError)) return false;
  return error.status === 401 || error.status === 403 || /access[_ ]?token|unauthori[sz]ed|expired|invalid credential|authoriz/i.test(error.message);
}

export async function syncStore(db: Db, target: { storeId: string; organizationId: string }, now: Date, options: SyncOptions = {}): Promise<ChannelSyncResult> {
  const store = await db.store.findFirst({
    where: { id: target.storeId, organizationId: target.organizationId },
    select: {
      id: true,
      organizationId: true,
      market: true,
      channel: true,
      lastSyncedAt: true,
      shopifyDomain: true,
      shopifyAccessToken: true,
      shopifyApiBaseUrl: true,
      shopifyApiVersion: true,
      tiktokAppKey: true,
      tiktokAppSecret: true,
      tiktokAccessToken: true,
      tiktokShopCipher: true,
    },
  });
  if (!store) throw new AppError("NOT_FOUND", "Store not found.");
  if (store.channel === "BRAND_SITE" && (!store.shopifyDomain || !store.shopifyAccessToken)) {
    throw new SyncRefusedError("BAD_REQUEST", "The store has no Shopify connection: set shopifyDomain and shopifyAccessToken first.");
  }
  if (store.channel === "TIKTOK_SHOP" && (!store.tiktokAppKey || !store.tiktokAppSecret || !store.tiktokAccessToken || !store.tiktokShopCipher)) {
    throw new SyncRefusedError(
      "BAD_REQUEST",
      "The store has no TikTok Shop connection: set tiktokAppKey, tiktokAppSecret, tiktokAccessToken and tiktokShopCipher first.",
    );
  }
  if (!(await takeLease(db, store.id, now))) throw new SyncRefusedError("CONFLICT", "A sync of this store is already running.");
  try {
    let result: ChannelSyncResult;
    if (store.channel === "TIKTOK_SHOP") {
      try {
        const r = await syncTikTokStore(db, target, now, { fetch: options.tiktokFetch, sleep: options.sleep, since: options.since });
        result = { ...r, errors: [] };
      } catch (error) {
        if (isTikTokAuthError(error)) {
          await markConnection(db, store.id, now, "DISCONNECTED", error.message);
          throw new SyncRefusedError("BAD_REQUEST", `TikTok Shop refused the credentials: ${error.message}`);
        }
        throw error;
      }
    } else {
      const since =
        options.since ?? (store.lastSyncedAt ? new Date(store.lastSyncedAt.getTime() - OVERLAP_MS) : new Date(now.getTime() - FIRST_SYNC_DAYS * 86_400_000));
      const client = createShopifyAdminClient({
        shopDomain: store.shopifyDomain as string,
        accessToken: decryptSecret(store.shopifyAccessToken) as string,
        apiVersion: store.shopifyApiVersion,
        baseUrl: store.shopifyApiBaseUrl,
        fetch: options.shopifyFetch,
        sleep: options.sleep,
      });
      result = { since: since.toISOString(), orders: 0, created: 0, updated: 0, unchanged: 0, errors: [] };
      let batch: NormalizedOrder[] = [];
      const flush = async () => {
        const r = await upsertOrders(db, store, batch, now);
        result.created += r.created;
        result.updated += r.updated;
        result.unchanged += r.unchanged;
        batch = [];
      };
      try {
        for await (const nodes of client.ordersUpdatedSince(since, { pageSize: options.pageSize })) {
          for (const node of nodes) {
            result.orders += 1;
            const mapped = mapShopifyApiOrder(node);
            if (mapped.ok) batch.push(mapped.value);
            else result.errors.push({ order: orderLabel(node), message: mapped.message });
          }
          if (batch.length >= BATCH) await flush();
        }
      } catch (error) {
        if (error instanceof ShopifyAuthError) {
          await markConnection(db, store.id, now, "DISCONNECTED", error.message);
          throw new SyncRefusedError("BAD_REQUEST", error.message);
        }
        throw error;
      }
      if (batch.length > 0) await flush();
      await db.store.update({ where: { id: store.id }, data: { lastSyncedAt: now }, select: { id: true } });
    }
    await markConnection(db, store.id, now, "CONNECTED", null);
    return result;
  } finally {
    await releaseLease(db, store.id);
  }
}

function orderLabel(node: unknown): string {
  if (node && typeof node === "object") {
    const o = node as { name?: unknown; id?: unknown };
    if (typeof o.name === "string") return o.name;
    if (typeof o.id === "string") return o.id;
  }
  return "(unnamed order)";
}

/**
 * "Sync now" for a signed-in owner or ops user (action and route share it): scoped to the actor's
 * organisation, audit-logged with the counts. Credentials stay on the server.
 */
export async function syncStoreForUser(
  db: Db,
  actor: { id: string; email: string; organizationId: string },
  storeId: string,
  now: Date,
): Promise<ChannelSyncResult> {
  const result = await syncStore(db, { storeId, organizationId: actor.organizationId }, now);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actor: { id: actor.id, email: actor.email },
    action: "store.sync",
    entityType: "Store",
    entityId: storeId,
    after: { ...result, errors: result.errors.length },
  });
  return result;
}

/** Stores the worker syncs on its schedule: every store with API credentials of its channel. */
export async function connectedStores(db: Db): Promise<{ id: string; organizationId: string }[]> {
  return db.store.findMany({
    where: {
      AND: [
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
        // Refused or deauthorised credentials wait for the owner (new credentials clear the state):
        // syncing them on a schedule would only be refused again.
        { OR: [{ connectionState: null }, { connectionState: { in: ["CONNECTED", "AUTH_EXPIRING"] } }] },
      ],
    },
    select: { id: true, organizationId: true },
    orderBy: { id: "asc" },
  });
}
