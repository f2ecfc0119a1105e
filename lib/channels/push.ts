import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/database/client";
import type { PushKind, PushStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TikTokApiError, type FetchLike } from "@/lib/ingest/tiktok-api";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { readStoreCredentials, writeTikTokTokens } from "./credentials";
import { ShopifyApiError, ShopifyAuthError, type ShopifyFetch } from "./shopify-admin";
import {
  createShopifyFulfillment,
  readShopifyFulfillments,
  setShopifyQuantity,
  shopifyClientFor,
  shopifyLocation,
  shopifyOrderGid,
  updateShopifyTracking,
} from "./shopify-write-back";
import {
  findTikTokSku,
  matchProvider,
  noProviderReason,
  readTikTokPackage,
  refreshTikTokToken,
  shipTikTokPackage,
  shippingProvidersFor,
  tiktokClientFor,
  updateTikTokInventory,
  updateTikTokShippingInfo,
} from "./tiktok-write-back";

// The push runner: one ChannelPush row (the durable outbox) written to its platform. The job
// queue (lib/jobs/push-queue.ts) hands it push ids; this file decides what is written.
//
// Idempotent: before writing, the runner asks the platform what it already holds (the package's
// tracking number on TikTok, the order's fulfilments on Shopify), so a push retried after a worker
// died mid-write — the platform got it, we never heard back — is recorded as sent, not sent twice.
// A lease on the row keeps two runners off one push; a runner that died lets it expire.
//
// Outcomes: SENT (the platform's id); a refusal (the platform's validation, an unknown carrier,
// TikTok's one-edit limit, refused credentials) is FAILED with the platform's message and waits
// for a Retry; a transient error (network, 5xx, throttling past the client's own retries) is
// tried again with backoff, FAILED after MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 5;
/** Longer than any write should take; a runner that died releases the push when it runs out. */
export const PUSH_LEASE_MS = 2 * 60_000;
const BACKOFF_MS = [30_000, 2 * 60_000, 8 * 60_000, 30 * 60_000];

export type TrackingPayload = { carrier: string; trackingNumber: string; trackingUrl: string | null; edit: boolean };
export type StockPayload = { quantity: number };

export type PushOptions = { tiktokFetch?: FetchLike; shopifyFetch?: ShopifyFetch; sleep?: (ms: number) => Promise<void> };

export type PushOutcome =
  | { status: "SENT"; platformId: string | null; alreadyThere: boolean }
  | { status: "FAILED"; message: string }
  | { status: "RETRY"; message: string; nextAttemptAt: Date }
  | { status: "SKIPPED" };

/** A refusal: retrying the same push would be refused again. */
export class PushRefusedError extends Error {
  constructor(
    message: string,
    readonly reauthorise = false,
  ) {
    super(message);
    this.name = "PushRefusedError";
  }
}

export function backoffAfter(attempts: number): number {
  return BACKOFF_MS[Math.min(BACKOFF_MS.length - 1, Math.max(0, attempts - 1))] as number;
}

type ClaimedPush = {
  id: string;
  organizationId: string;
  storeId: string;
  orderId: string | null;
  sku: string | null;
  kind: PushKind;
  payload: Prisma.JsonValue;
  attempts: number;
  lockedUntil: Date;
};

async function claim(db: Db, pushId: string, now: Date): Promise<ClaimedPush | null> {
  const lock = new Date(now.getTime() + PUSH_LEASE_MS);
  const rows = await db.$queryRaw<ClaimedPush[]>`
    UPDATE "ChannelPush" SET "lockedUntil" = ${lock}, attempts = attempts + 1, "updatedAt" = ${now}
    WHERE id = ${pushId} AND status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
    RETURNING id, "organizationId", "storeId", "orderId", sku, kind, payload, attempts, "lockedUntil"`;
  return rows[0] ?? null;
}

function classify(error: unknown): { refusal: boolean; reauthorise: boolean; message: string } {
  if (error instanceof PushRefusedError) return { refusal: true, reauthorise: error.reauthorise, message: error.message };
  if (error instanceof ShopifyAuthError) return { refusal: true, reauthorise: true, message: error.message };
  if (error instanceof ShopifyApiError)
    return { refusal: error.status !== 0 && error.status < 500 && error.status !== 429, reauthorise: false, message: error.message };
  if (error instanceof TikTokApiError) {
    const auth = error.status === 401 || error.status === 403 || /access[_ ]?token|expired credentials|invalid credentials/i.test(error.message);
    const transient = error.status === 0 || error.status === 429 || error.status >= 500;
    return { refusal: !transient, reauthorise: auth, message: error.message };
  }
  return { refusal: false, reauthorise: false, message: error instanceof Error ? error.message : String(error) };
}

async function performTracking(db: Db, push: ClaimedPush, now: Date, options: PushOptions): Promise<{ platformId: string | null; alreadyThere: boolean }> {
  const payload = push.payload as unknown as TrackingPayload;
  const order = push.orderId ? await db.order.findUnique({ where: { id: push.orderId }, select: { externalId: true, sourceId: true, channel: true } }) : null;
  if (!order) throw new PushRefusedError("The order no longer exists");
  const credentials = await readStoreCredentials(db, push.storeId);
  if (order.channel === "TIKTOK_SHOP") {
    if (!credentials.tiktok) throw new PushRefusedError("The store has no TikTok Shop connection");
    const client = tiktokClientFor(credentials.tiktok, options.tiktokFetch, options.sleep);
    const pkg = await readTikTokPackage(client, order.externalId);
    if (pkg.trackingNumber === payload.trackingNumber) return { platformId: pkg.packageId, alreadyThere: true };
    if (!pkg.deliveryOptionId) throw new PushRefusedError(`TikTok Shop order ${order.externalId} has no delivery option to list shipping providers for`);
    const providers = await shippingProvidersFor(db, push.storeId, client, pkg.deliveryOptionId, now);
    const provider = matchProvider(providers, payload.carrier);
    if (!provider) throw new PushRefusedError(noProviderReason(payload.carrier, providers));
    if (pkg.trackingNumber) {
      const used = await tiktokEditsUsed(db, push.orderId as string, push.id);
      if (used >= 1) throw new PushRefusedError(TIKTOK_EDIT_USED);
      await updateTikTokShippingInfo(client, pkg.packageId, payload.trackingNumber, provider.id);
      await db.channelPush.update({ where: { id: push.id }, data: { payload: { ...payload, edit: true } }, select: { id: true } });
    } else {
      await shipTikTokPackage(client, pkg.packageId, payload.trackingNumber, provider.id);
    }
    return { platformId: pkg.packageId, alreadyThere: false };
  }
  if (!credentials.shopify) throw new PushRefusedError("The store has no Shopify connection");
  if (!order.sourceId) throw new PushRefusedError(`Order ${order.externalId} has no Shopify id: sync the store from its API first`);
  const client = shopifyClientFor(credentials.shopify, options.shopifyFetch, options.sleep);
  const state = await readShopifyFulfillments(client, shopifyOrderGid(order.sourceId));
  const holding = state.fulfillments.find((f) => f.numbers.includes(payload.trackingNumber));
  if (holding) return { platformId: holding.id, alreadyThere: true };
  const tracking = { company: payload.carrier, number: payload.trackingNumber, url: payload.trackingUrl };
  const existing = state.fulfillments[0];
  if (existing) return { platformId: await updateShopifyTracking(client, existing.id, tracking), alreadyThere: false };
  if (state.openFulfillmentOrderIds.length === 0) throw new PushRefusedError(`Shopify order ${order.externalId} has no open fulfilment order to fulfil`);
  return { platformId: await createShopifyFulfillment(client, state.openFulfillmentOrderIds, tracking), alreadyThere: false };
}

async function performStock(db: Db, push: ClaimedPush, options: PushOptions): Promise<{ platformId: string | null; alreadyThere: boolean }> {
  const payload = push.payload as unknown as StockPayload;
  const credentials = await readStoreCredentials(db, push.storeId);
  if (credentials.shopify) {
    const client = shopifyClientFor(credentials.shopify, options.shopifyFetch, options.sleep);
    const location = await shopifyLocation(client, credentials.shopify.locationId);
    const id = await setShopifyQuantity(client, push.sku as string, location, payload.quantity);
    if (!id) throw new PushRefusedError(`SKU ${push.sku} is not on the Shopify store`);
    return { platformId: id, alreadyThere: false };
  }
  if (credentials.tiktok) {
    const client = tiktokClientFor(credentials.tiktok, options.tiktokFetch, options.sleep);
    const target = await findTikTokSku(client, push.sku as string);
    if (!target) throw new PushRefusedError(`SKU ${push.sku} is not on the TikTok Shop store`);
    await updateTikTokInventory(client, target, payload.quantity);
    return { platformId: `${target.productId}/${target.skuId}`, alreadyThere: false };
  }
  throw new PushRefusedError("The store has no API connection");
}

async function performTokenRefresh(db: Db, push: ClaimedPush, options: PushOptions): Promise<{ platformId: string | null; alreadyThere: boolean }> {
  const credentials = await readStoreCredentials(db, push.storeId);
  if (!credentials.tiktok) throw new PushRefusedError("The store has no TikTok Shop connection");
  try {
    const tokens = await refreshTikTokToken(credentials.tiktok, options.tiktokFetch);
    await writeTikTokTokens(db, push.storeId, tokens);
    return { platformId: tokens.accessTokenExpiresAt.toISOString(), alreadyThere: false };
  } catch (error) {
    if (error instanceof TikTokApiError && error.status !== 0 && error.status < 500) throw new PushRefusedError(error.message, true);
    throw error;
  }
}

export const TIKTOK_EDIT_USED =
  "TikTok Shop allows a tracking number to be edited once, and this order's was already edited: change it in TikTok Seller Center";

/** Edits of the order's TikTok tracking already made through the write-back. */
export async function tiktokEditsUsed(db: Db, orderId: string, excludePushId?: string): Promise<number> {
  return db.channelPush.count({
    where: { orderId, kind: "TRACKING", status: "SENT", payload: { path: ["edit"], equals: true }, ...(excludePushId ? { id: { not: excludePushId } } : {}) },
  });
}

/** Writes one push; every outcome is recorded on the row, the audit log and so on the order's timeline. */
export async function runPush(db: Db, pushId: string, now: Date, options: PushOptions = {}): Promise<PushOutcome> {
  const push = await claim(db, pushId, now);
  if (!push) return { status: "SKIPPED" };
  let outcome: PushOutcome;
  try {
    const r =
      push.kind === "TRACKING"
        ? await performTracking(db, push, now, options)
        : push.kind === "STOCK"
          ? await performStock(db, push, options)
          : await performTokenRefresh(db, push, options);
    outcome = { status: "SENT", ...r };
  } catch (error) {
    const c = classify(error);
    if (c.reauthorise) {
      await db.store.update({
        where: { id: push.storeId },
        data: { connectionState: "NEEDS_REAUTHORIZATION", connectionMessage: c.message, connectionChangedAt: now },
        select: { id: true },
      });
      await refreshConnectionFlags(db, push.organizationId, now, [push.storeId]);
    }
    if (c.refusal || push.attempts >= MAX_ATTEMPTS)
      outcome = { status: "FAILED", message: c.refusal ? c.message : `${c.message} (gave up after ${push.attempts} attempts)` };
    else outcome = { status: "RETRY", message: c.message, nextAttemptAt: new Date(now.getTime() + backoffAfter(push.attempts)) };
  }
  await finish(db, push, outcome, now);
  return outcome;
}

async function finish(db: Db, push: ClaimedPush, outcome: PushOutcome, now: Date): Promise<void> {
  const data: Prisma.ChannelPushUpdateManyMutationInput =
    outcome.status === "SENT"
      ? { status: "SENT", platformId: outcome.platformId, message: outcome.alreadyThere ? "Already on the platform" : null, sentAt: now, lockedUntil: null }
      : outcome.status === "FAILED"
        ? { status: "FAILED", message: outcome.message, lockedUntil: null }
        : outcome.status === "RETRY"
          ? { message: outcome.message, nextAttemptAt: outcome.nextAttemptAt, lockedUntil: null }
          : {};
  await db.$transaction(async (tx) => {
    // Only the runner that holds the lease finishes the push: one that outlived it (a hung write
    // another runner already reconciled) changes nothing.
    const { count } = await tx.channelPush.updateMany({ where: { id: push.id, lockedUntil: push.lockedUntil, status: "PENDING" }, data });
    if (count === 0 || outcome.status === "SKIPPED") return;
    await recordAudit(tx, {
      organizationId: push.organizationId,
      actor: { label: "write-back" },
      action: `push.${push.kind.toLowerCase()}.${outcome.status.toLowerCase()}`,
      entityType: push.orderId ? "Order" : "Store",
      entityId: push.orderId ?? push.storeId,
      after: {
        pushId: push.id,
        attempt: push.attempts,
        ...(push.sku ? { sku: push.sku } : {}),
        ...(outcome.status === "SENT" ? { platformId: outcome.platformId } : { message: outcome.message }),
      },
    });
  });
}

/** Pushes whose time has come (new, due for a retry, or left by a runner that died). */
export async function duePushes(db: Db, now: Date, limit = 50): Promise<string[]> {
  const rows = await db.channelPush.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}

export type PushState = {
  id: string;
  kind: PushKind;
  status: PushStatus;
  platformId: string | null;
  message: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
};
