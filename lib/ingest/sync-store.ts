import type { Db } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { assertOutboundUrl, OFFICIAL_HOSTS } from "@/lib/security/outbound-url";
import { decryptSecret } from "@/lib/security/secrets";
import { createTikTokShopClient, TIKTOK_API_BASE_URL, type FetchLike } from "./tiktok-api";
import type { NormalizedOrder } from "./types";
import { upsertOrders } from "./upsert";

export type SyncResult = { since: string; orders: number; created: number; updated: number; unchanged: number };

const FIRST_SYNC_DAYS = 30;
// TikTok's update_time and our clock are not the same clock: re-read a little before the last
// sync. Re-reading is harmless, the upsert is idempotent and ignores updates that are not newer.
const OVERLAP_MS = 5 * 60_000;
const BATCH = 500;

/**
 * Pulls the store's orders updated since its last sync (or the last 30 days) from the TikTok Shop
 * Partner API and upserts them; lastSyncedAt moves only when the whole pull succeeded, so a failed
 * sync is simply repeated next time.
 */
export async function syncTikTokStore(
  db: Db,
  target: { storeId: string; organizationId: string },
  now: Date,
  options: { fetch?: FetchLike; sleep?: (ms: number) => Promise<void>; since?: Date } = {},
): Promise<SyncResult> {
  const store = await db.store.findFirst({
    where: { id: target.storeId, organizationId: target.organizationId },
    select: {
      id: true,
      organizationId: true,
      market: true,
      channel: true,
      lastSyncedAt: true,
      tiktokAppKey: true,
      tiktokAppSecret: true,
      tiktokAccessToken: true,
      tiktokShopCipher: true,
      tiktokApiBaseUrl: true,
    },
  });
  if (!store) throw new AppError("NOT_FOUND", "Store not found.");
  if (store.channel !== "TIKTOK_SHOP") throw new AppError("BAD_REQUEST", "Only TikTok Shop stores sync from the API.");
  const { tiktokAppKey: appKey, tiktokShopCipher: shopCipher } = store;
  // Stored encrypted under SECRETS_KEY (lib/security/secrets.ts).
  const appSecret = decryptSecret(store.tiktokAppSecret);
  const accessToken = decryptSecret(store.tiktokAccessToken);
  if (!appKey || !appSecret || !accessToken || !shopCipher) {
    throw new AppError("BAD_REQUEST", "Enter the store's TikTok Shop app key, app secret, access token and shop cipher first.");
  }
  // Checked again at send time: the operator may have withdrawn ALLOW_CUSTOM_API_URLS since, or
  // the host may now resolve to a metadata address.
  const baseUrl = store.tiktokApiBaseUrl || TIKTOK_API_BASE_URL;
  await assertOutboundUrl(baseUrl, OFFICIAL_HOSTS.tiktok);
  const client = createTikTokShopClient({
    appKey,
    appSecret,
    accessToken,
    shopCipher,
    baseUrl,
    fetch: options.fetch,
    sleep: options.sleep,
  });
  const since =
    options.since ?? (store.lastSyncedAt ? new Date(store.lastSyncedAt.getTime() - OVERLAP_MS) : new Date(now.getTime() - FIRST_SYNC_DAYS * 86_400_000));

  const result: SyncResult = { since: since.toISOString(), orders: 0, created: 0, updated: 0, unchanged: 0 };
  let batch: NormalizedOrder[] = [];
  const flush = async () => {
    const r = await upsertOrders(db, store, batch, now);
    result.orders += batch.length;
    result.created += r.created;
    result.updated += r.updated;
    result.unchanged += r.unchanged;
    batch = [];
  };
  for await (const order of client.syncOrdersUpdatedSince(since)) {
    batch.push(order);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await db.store.update({ where: { id: store.id }, data: { lastSyncedAt: now } });
  return result;
}
