import { createHash } from "node:crypto";
import type { Db } from "@/lib/database/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { assertOutboundUrl, OFFICIAL_HOSTS } from "@/lib/security/outbound-url";
import { decryptSecret } from "@/lib/security/secrets";
import { createTikTokShopClient, TIKTOK_API_BASE_URL, mapTikTokApiOrder } from "./tiktok-api";
import type { NormalizedOrder } from "./types";
import { upsertOrders, writeOrders, type Tx, type UpsertStore } from "./upsert";
import {
  parseShopifyWebhook,
  parseJsonKeepingBigIds,
  parseTikTokPush,
  type TikTokOrderStatusChange,
  SHOPIFY_WEBHOOK_TOPICS,
  verifyShopifyHmac,
  verifyTikTokSignature,
  type FulfillmentUpdate,
  type RefundUpdate,
} from "./webhooks";
import { getCurrencyExponent, parseDecimalToMinor } from "./money";

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
      id: true,
      organizationId: true,
      market: true,
      channel: true,
      webhookSecret: true,
      tiktokAppKey: true,
      tiktokAppSecret: true,
      tiktokAccessToken: true,
      tiktokShopCipher: true,
      tiktokApiBaseUrl: true,
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

/**
 * Inserts the delivery; false when it was already processed (unique storeId+source+eventId).
 * `outcome` says what was done ("applied", or "recorded" for a push the app does not model, kept
 * with its body so nothing TikTok or Shopify sent is lost).
 */
async function recordEvent(
  tx: Tx,
  storeId: string,
  source: "SHOPIFY" | "TIKTOK",
  eventId: string,
  topic: string,
  record: { outcome?: "applied" | "recorded"; payload?: unknown } = {},
): Promise<boolean> {
  const payload = record.payload === undefined ? null : JSON.stringify(record.payload);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "WebhookEvent" (id, "storeId", source, "eventId", topic, "receivedAt", outcome, payload)
    VALUES (gen_random_uuid()::text, ${storeId}, ${source}::"WebhookSource", ${eventId}, ${topic}, now(), ${record.outcome ?? "applied"}, ${payload}::jsonb)
    ON CONFLICT ("storeId", source, "eventId") DO NOTHING
    RETURNING id`;
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------
// Shopify

export async function handleShopifyWebhook(db: Db, input: { storeId: string; headers: Headers; rawBody: Buffer }, now: Date): Promise<WebhookOutcome> {
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

  const outcome = await db
    .$transaction(async (tx) => {
      if (!(await recordEvent(tx, store.id, "SHOPIFY", eventId, topic as string))) return { duplicate: true as const };
      if (event.kind === "order") {
        // Brand-site orders are keyed by their name everywhere (exports only have the name); the
        // numeric id, which fulfilment events refer to, is kept as sourceId.
        const o = event.order;
        const order: NormalizedOrder = { ...o, externalId: o.orderName ?? o.externalId, sourceId: o.externalId };
        const r = await writeOrders(tx, store, [order], now);
        if (topic === "orders/cancelled" && r.changedIds.length === 0) {
          // A cancellation is final: applied even when Shopify did not move updated_at past what is stored.
          const cancelled = await cancelOrder(tx, { storeId: store.id, externalId: order.externalId }, order.cancelledAt ?? order.sourceUpdatedAt ?? now, now);
          if (cancelled) return { duplicate: false as const, result: "updated", changedIds: [cancelled] };
        }
        return { duplicate: false as const, result: r.created ? "created" : r.updated ? "updated" : "unchanged", changedIds: r.changedIds };
      }
      if (event.kind === "refund") {
        const applied = await applyRefund(tx, store.id, event.refund, now);
        if (applied === null) throw new UnknownOrder(event.refund.externalOrderId);
        return { duplicate: false as const, result: applied ? "updated" : "unchanged", changedIds: applied ? [applied] : [] };
      }
      const applied = await applyFulfillment(tx, store.id, event.fulfillment, now);
      if (applied === null) throw new UnknownOrder(event.fulfillment.externalOrderId);
      return { duplicate: false as const, result: applied ? "updated" : "unchanged", changedIds: applied ? [applied] : [] };
    })
    .catch((error: unknown) => {
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

/** Sets CANCELLED (keeping an earlier cancellation instant); the order id, or null when it already was. */
async function cancelOrder(tx: Tx, key: { storeId: string; externalId: string }, cancelledAt: Date, now: Date): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Order" SET status = 'CANCELLED', "cancelledAt" = COALESCE("cancelledAt", ${cancelledAt}), "updatedAt" = ${now}
    WHERE "storeId" = ${key.storeId} AND "externalId" = ${key.externalId} AND status <> 'CANCELLED'
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/**
 * refunds/create: money returned in full before anything shipped cancels the order (as a `refunded`
 * unfulfilled order does in the export); a partial refund, or one after dispatch (a return), leaves
 * the order as it is. Returns the order id when it changed, "" when not, null when not stored.
 */
async function applyRefund(tx: Tx, storeId: string, refund: RefundUpdate, now: Date): Promise<string | null> {
  const order = await tx.order.findFirst({
    where: { storeId, sourceId: refund.externalOrderId },
    select: { id: true, externalId: true, status: true, currency: true, totalMinor: true, inTransitAt: true },
  });
  if (!order) return null;
  const exponent = getCurrencyExponent(order.currency);
  let refunded = 0;
  for (const amount of refund.amounts) {
    const r = parseDecimalToMinor(amount, exponent);
    if (r.ok) refunded += r.value;
  }
  if (refunded < order.totalMinor || order.inTransitAt || SHIPPED_OR_LATER.includes(order.status)) return "";
  return (await cancelOrder(tx, { storeId, externalId: order.externalId }, refund.refundedAt, now)) ?? "";
}

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
  if (!f.inTransitAt) {
    // Not dispatch (pending/open, or cancelled): the label's tracking is kept, the status does not move.
    const carrier = f.carrier ?? order.carrier;
    const trackingNumber = f.trackingNumber ?? order.trackingNumber;
    if (carrier === order.carrier && trackingNumber === order.trackingNumber) return "";
    await tx.order.update({ where: { id: order.id }, data: { carrier, trackingNumber, updatedAt: now } });
    return order.id;
  }
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
    next.status === order.status &&
    next.carrier === order.carrier &&
    next.trackingNumber === order.trackingNumber &&
    next.inTransitAt?.getTime() === order.inTransitAt?.getTime() &&
    next.deliveredAt?.getTime() === order.deliveredAt?.getTime();
  if (same) return "";
  await tx.order.update({ where: { id: order.id }, data: { ...next, updatedAt: now } });
  return order.id;
}

// ---------------------------------------------------------------------------------------------------
// TikTok Shop

export async function handleTikTokWebhook(db: Db, input: { storeId: string; headers: Headers; rawBody: Buffer }, now: Date): Promise<WebhookOutcome> {
  const store = await findStore(db, input.storeId);
  const usable = store?.channel === "TIKTOK_SHOP" && store.tiktokAppKey && store.tiktokAppSecret ? store : null;
  const valid = verifyTikTokSignature(
    input.rawBody,
    input.headers.get("authorization"),
    usable?.tiktokAppKey || "no-app-key",
    usable?.tiktokAppSecret || DUMMY_SECRET,
  );
  if (!usable || !valid) return unauthorized;

  const parsed = parseTikTokPush(input.rawBody);
  if (!parsed.ok) {
    // Signed by TikTok but not a push envelope: recorded as it came, and answered 200 so TikTok
    // does not retry a body that will never read differently.
    const eventId = `h:${createHash("sha256").update(input.rawBody).digest("hex")}`;
    const fresh = await db.$transaction((tx) =>
      recordEvent(tx, usable.id, "TIKTOK", eventId, "unreadable", { outcome: "recorded", payload: { raw: input.rawBody.toString("utf8").slice(0, 20_000) } }),
    );
    return { status: 200, body: fresh ? { ok: true, recorded: true, reason: parsed.message } : { ok: true, duplicate: true } };
  }
  const push = parsed.value;

  if (push.kind === "recorded" || push.kind === "deauthorized" || push.kind === "authorization_expiring") {
    const fresh = await db.$transaction(async (tx) => {
      const recordedOnly = push.kind === "recorded";
      const payload = recordedOnly ? parseJsonKeepingBigIds(input.rawBody) : undefined;
      if (!(await recordEvent(tx, usable.id, "TIKTOK", push.eventId, push.topic, { outcome: recordedOnly ? "recorded" : "applied", payload }))) return false;
      if (push.kind === "deauthorized") {
        await tx.store.update({
          where: { id: usable.id },
          data: {
            connectionState: "NEEDS_REAUTHORIZATION",
            connectionChangedAt: now,
            connectionMessage: "The seller deauthorised this app in TikTok Shop (push type 6): authorise it again to sync.",
          },
        });
      } else if (push.kind === "authorization_expiring") {
        await tx.store.update({
          where: { id: usable.id },
          data: {
            connectionState: "AUTH_EXPIRING",
            connectionChangedAt: now,
            authExpiresAt: push.expiresAt,
            connectionMessage: `TikTok Shop says the authorisation expires soon${push.expiresAt ? ` (${push.expiresAt.toISOString()})` : ""} (push type 7): authorise the app again.`,
          },
        });
      }
      return true;
    });
    if (!fresh) return { status: 200, body: { ok: true, duplicate: true } };
    // A deauthorised store raises its critical flag in the risk queue at once.
    if (push.kind === "deauthorized") await refreshConnectionFlags(db, usable.organizationId, now, [usable.id]);
    if (push.kind === "recorded") return { status: 200, body: { ok: true, recorded: true, type: push.type, reason: push.reason } };
    return { status: 200, body: { ok: true, result: push.kind === "deauthorized" ? "store needs re-authorisation" : "authorisation expiring" } };
  }

  const change: TikTokOrderStatusChange =
    push.kind === "order_status"
      ? push.change
      : { externalOrderId: push.externalOrderId, shopId: push.shopId ?? "", status: "CANCELLED", sourceUpdatedAt: push.cancelledAt, onHold: false };

  const outcome = await db.$transaction(async (tx) => {
    if (!(await recordEvent(tx, usable.id, "TIKTOK", push.eventId, push.topic))) return { duplicate: true as const };
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
      appKey: usable.tiktokAppKey as string,
      appSecret: usable.tiktokAppSecret as string,
      accessToken: usable.tiktokAccessToken,
      shopCipher: usable.tiktokShopCipher,
      baseUrl,
      maxAttempts: 2,
    });
    const fetched = (await client.getOrders([change.externalOrderId])).map(mapTikTokApiOrder);
    const r = await upsertOrders(db, usable, fetched, now);
    return { status: 200, body: { ok: true, result: r.created ? "created" : "unchanged" } };
  }
  return { status: 200, body: { ok: true, result: outcome.result } };
}
