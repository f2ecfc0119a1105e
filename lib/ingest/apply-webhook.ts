import type { Db } from "@/lib/database/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { refreshOrderRisk } from "@/lib/risk/refresh-orders";
import { assertOutboundUrl, OFFICIAL_HOSTS } from "@/lib/security/outbound-url";
import { decryptSecret } from "@/lib/security/secrets";
import { createTikTokShopClient, TIKTOK_API_BASE_URL, mapTikTokApiOrder } from "./tiktok-api";
import type { NormalizedOrder } from "./types";
import { upsertOrders, writeOrders, type Tx, type UpsertStore } from "./upsert";
import {
  parseShopifyWebhook,
  parseTikTokWebhook,
  SHOPIFY_WEBHOOK_TOPICS,
  verifyShopifyHmac,
  verifyTikTokSignature,
  type FulfillmentUpdate,
} from "./webhooks";

// What the webhook routes do once they hold the raw body: verify, parse, de-duplicate, apply.
// The delivery is recorded in WebhookEvent in the SAME transaction as its writes, so a delivery
// that fails can be retried by the sender, and a repeat of a processed one changes nothing.

export type WebhookOutcome = { status: number; body: Record<string, unknown> };

const unauthorized: WebhookOutcome = { status: 401, body: { error: "UNAUTHENTICATED", message: "Invalid signature." } };
// Compared against when the store is unknown or has no secret, so that path costs the same and the
// answer does not reveal which stores exist.
const DUMMY_SECRET = "no-store-secret-0000000000000000";

type WebhookStore = UpsertStore & {
  channel: "TIKTOK_SHOP" | "BRAND_SITE";
  webhookSecret: string | null;
  tiktokAppKey: string | null;
  tiktokAppSecret: string | null;
  tiktokAccessToken: string | null;
  tiktokShopCipher: string | null;
  tiktokApiBaseUrl: string | null;
};

/** The store with its secrets decrypted (stored under SECRETS_KEY, lib/security/secrets.ts). */
async function findStore(db: Db, storeId: string): Promise<WebhookStore | null> {
  if (!/^[\w-]{1,64}$/.test(storeId)) return null;
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: {
      id: true, organizationId: true, market: true, channel: true, webhookSecret: true, tiktokAppKey: true, tiktokAppSecret: true,
      tiktokAccessToken: true, tiktokShopCipher: true, tiktokApiBaseUrl: true,
    },
  });
  if (!store) return null;
  return {
    ...store,
    webhookSecret: decryptSecret(store.webhookSecret),
    tiktokAppSecret: decryptSecret(store.tiktokAppSecret),
    tiktokAccessToken: decryptSecret(store.tiktokAccessToken),
  };
}

/** Inserts the delivery; false when it was already processed (unique storeId+source+eventId). */
async function recordEvent(tx: Tx, storeId: string, source: "SHOPIFY" | "TIKTOK", eventId: string, topic: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WebhookEvent" (id, "storeId", source, "eventId", topic, "receivedAt")
    VALUES (gen_random_uuid()::text, ${storeId}, ${source}::"WebhookSource", ${eventId}, ${topic}, now())
    ON CONFLICT ("storeId", source, "eventId") DO NOTHING
    RETURNING id`;
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------
// Shopify

export async function handleShopifyWebhook(
  db: Db,
  input: { storeId: string; headers: Headers; rawBody: Buffer },
  now: Date,
): Promise<WebhookOutcome> {
  const store = await findStore(db, input.storeId);
  const secret = store?.channel === "BRAND_SITE" ? store.webhookSecret : null;
  const valid = verifyShopifyHmac(input.rawBody, input.headers.get("x-shopify-hmac-sha256"), secret || DUMMY_SECRET);
  if (!store || !secret || !valid) return unauthorized;

  const topic = input.headers.get("x-shopify-topic");
  if (!(SHOPIFY_WEBHOOK_TOPICS as readonly (string | null)[]).includes(topic)) {
    return { status: 200, body: { ok: true, ignored: `topic ${topic ?? "(none)"} is not handled` } };
  }
  const eventId = input.headers.get("x-shopify-event-id") || input.headers.get("x-shopify-webhook-id");
  if (!eventId) return { status: 400, body: { error: "BAD_REQUEST", message: "X-Shopify-Event-Id: missing" } };
  const parsed = parseShopifyWebhook(topic, input.rawBody);
  if (!parsed.ok) return { status: 400, body: { error: "BAD_REQUEST", message: parsed.message } };
  const event = parsed.value;

  const outcome = await db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, store.id, "SHOPIFY", eventId, topic as string))) return { duplicate: true as const };
    if (event.kind === "order") {
      // Brand-site orders are keyed by their name everywhere (exports only have the name); the
      // numeric id, which fulfilment events refer to, is kept as sourceId.
      const o = event.order;
      const order: NormalizedOrder = { ...o, externalId: o.orderName ?? o.externalId, sourceId: o.externalId };
      const r = await writeOrders(tx, store, [order], now);
      return { duplicate: false as const, result: r.created ? "created" : r.updated ? "updated" : "unchanged", changedIds: r.changedIds };
    }
    const applied = await applyFulfillment(tx, store.id, event.fulfillment, now);
    if (applied === null) throw new UnknownOrder(event.fulfillment.externalOrderId);
    return { duplicate: false as const, result: applied ? "updated" : "unchanged", changedIds: applied ? [applied] : [] };
  }).catch((error: unknown) => {
    if (error instanceof UnknownOrder) return { unknownOrder: error.orderId };
    throw error;
  });

  if ("unknownOrder" in outcome) {
    // Not recorded: a redelivery after the order has arrived will be applied.
    return { status: 200, body: { ok: true, ignored: `order ${outcome.unknownOrder} is not stored yet` } };
  }
  if (outcome.duplicate) return { status: 200, body: { ok: true, duplicate: true } };
  if (outcome.changedIds.length > 0) await refreshOrderRisk(db, { organizationId: store.organizationId, orderIds: outcome.changedIds }, now);
  return { status: 200, body: { ok: true, result: outcome.result } };
}

class UnknownOrder extends Error {
  constructor(readonly orderId: string) {
    super(`unknown order ${orderId}`);
  }
}

const SHIPPED_OR_LATER: readonly OrderStatus[] = ["IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"];

/**
 * Tracking from a fulfilment: carrier and number, the shipped instant, delivery. Status only moves
 * forward (awaiting → in transit → delivered). Returns the order id when something changed, "" when
 * nothing did, null when the order is not stored.
 */
async function applyFulfillment(tx: Tx, storeId: string, f: FulfillmentUpdate, now: Date): Promise<string | null> {
  const order = await tx.order.findFirst({
    where: { storeId, sourceId: f.externalOrderId },
    select: { id: true, status: true, carrier: true, trackingNumber: true, inTransitAt: true, deliveredAt: true },
  });
  if (!order) return null;
  if (!f.inTransitAt) return ""; // cancelled or failed fulfilment: nothing shipped
  let status = order.status;
  if (!SHIPPED_OR_LATER.includes(status)) status = "IN_TRANSIT";
  if (f.deliveredAt && (status === "IN_TRANSIT" || status === "DELIVERED")) status = "DELIVERED";
  const next = {
    status,
    carrier: f.carrier ?? order.carrier,
    trackingNumber: f.trackingNumber ?? order.trackingNumber,
    inTransitAt: order.inTransitAt ?? f.inTransitAt,
    deliveredAt: order.deliveredAt ?? f.deliveredAt,
  };
  const same =
    next.status === order.status && next.carrier === order.carrier && next.trackingNumber === order.trackingNumber &&
    next.inTransitAt?.getTime() === order.inTransitAt?.getTime() && next.deliveredAt?.getTime() === order.deliveredAt?.getTime();
  if (same) return "";
  await tx.order.update({ where: { id: order.id }, data: { ...next, updatedAt: now } });
  return order.id;
}

// ---------------------------------------------------------------------------------------------------
// TikTok Shop

export async function handleTikTokWebhook(
  db: Db,
  input: { storeId: string; headers: Headers; rawBody: Buffer },
  now: Date,
): Promise<WebhookOutcome> {
  const store = await findStore(db, input.storeId);
  const usable = store?.channel === "TIKTOK_SHOP" && store.tiktokAppKey && store.tiktokAppSecret ? store : null;
  const valid = verifyTikTokSignature(
    input.rawBody,
    input.headers.get("authorization"),
    usable?.tiktokAppKey || "no-app-key",
    usable?.tiktokAppSecret || DUMMY_SECRET,
  );
  if (!usable || !valid) return unauthorized;

  const parsed = parseTikTokWebhook(input.rawBody);
  if (!parsed.ok) return { status: 400, body: { error: "BAD_REQUEST", message: parsed.message } };
  const change = parsed.value;
  const unix = Math.floor(change.sourceUpdatedAt.getTime() / 1000);
  const eventId = `${change.shopId}:${change.externalOrderId}:${unix}:${change.status}`;

  const outcome = await db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, usable.id, "TIKTOK", eventId, "order_status_change"))) return { duplicate: true as const };
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Order" SET
        status = ${change.status}::"OrderStatus",
        "inTransitAt" = CASE WHEN ${change.status} IN ('IN_TRANSIT', 'DELIVERED', 'COMPLETED') THEN COALESCE("inTransitAt", ${change.sourceUpdatedAt}) ELSE "inTransitAt" END,
        "deliveredAt" = CASE WHEN ${change.status} IN ('DELIVERED', 'COMPLETED') THEN COALESCE("deliveredAt", ${change.sourceUpdatedAt}) ELSE "deliveredAt" END,
        "cancelledAt" = CASE WHEN ${change.status} = 'CANCELLED' THEN COALESCE("cancelledAt", ${change.sourceUpdatedAt}) ELSE "cancelledAt" END,
        "sourceUpdatedAt" = ${change.sourceUpdatedAt},
        "updatedAt" = ${now}
      WHERE "storeId" = ${usable.id} AND "externalId" = ${change.externalOrderId}
        AND ("sourceUpdatedAt" IS NULL OR "sourceUpdatedAt" < ${change.sourceUpdatedAt})
      RETURNING id`;
    if (rows.length > 0) return { duplicate: false as const, result: "updated", changedIds: rows.map((r) => r.id) };
    const exists = await tx.order.count({ where: { storeId: usable.id, externalId: change.externalOrderId } });
    return { duplicate: false as const, result: exists ? "stale" : "unknown", changedIds: [] as string[] };
  });
  if (outcome.duplicate) return { status: 200, body: { ok: true, duplicate: true } };
  if (outcome.changedIds.length > 0) await refreshOrderRisk(db, { organizationId: usable.organizationId, orderIds: outcome.changedIds }, now);

  // An order not stored yet: with API access, fetch it in full (the webhook carries only the status).
  if (outcome.result === "unknown" && usable.tiktokAccessToken && usable.tiktokShopCipher) {
    const baseUrl = usable.tiktokApiBaseUrl || TIKTOK_API_BASE_URL;
    await assertOutboundUrl(baseUrl, OFFICIAL_HOSTS.tiktok);
    const client = createTikTokShopClient({
      appKey: usable.tiktokAppKey as string, appSecret: usable.tiktokAppSecret as string, accessToken: usable.tiktokAccessToken,
      shopCipher: usable.tiktokShopCipher, baseUrl, maxAttempts: 2,
    });
    const fetched = (await client.getOrders([change.externalOrderId])).map(mapTikTokApiOrder);
    const r = await upsertOrders(db, usable, fetched, now);
    return { status: 200, body: { ok: true, result: r.created ? "created" : "unchanged" } };
  }
  return { status: 200, body: { ok: true, result: outcome.result } };
}
