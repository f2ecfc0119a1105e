import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getCurrencyExponent, parseDecimalToMinor } from "./money";
import { isCashOnDeliveryGateways, isShopifyPaid, mapShopifyStatus } from "./shopify-status";
import { toCountryCode } from "./country";
import { unixSecondsToDate } from "./time";
import type { NormalizedLine, NormalizedOrder, OrderStatus } from "./types";
import { MAX_CELL_CHARS } from "./limits";

// Every text field of a payload has the same bound as a file's cell (lib/ingest/limits.ts): a
// signed payload of a few MB must not put a multi-megabyte string on an order page.
const boundedString = () => z.string().max(MAX_CELL_CHARS, `longer than ${MAX_CELL_CHARS} characters`);

// ---------------------------------------------------------------------------------------------------
// Signatures

/** Compares two byte strings in constant time; different lengths are unequal without throwing. */
function equalsConstantTime(a: Buffer, b: Buffer): boolean {
  // timingSafeEqual throws on a length mismatch; compare against a same-length dummy so that path
  // costs the same and the caller sees false.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body bytes (never re-serialised JSON). */
export function verifyShopifyHmac(rawBody: Buffer, headerValue: string | null, secret: string): boolean {
  if (!rawBody || rawBody.length === 0 || !headerValue || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(headerValue.trim(), "base64");
  return equalsConstantTime(given, expected);
}

/** TikTok webhook `Authorization`: hex HMAC-SHA256 of `app_key + raw body`, keyed with the app secret. */
export function verifyTikTokSignature(rawBody: Buffer, authorizationHeader: string | null, appKey: string, appSecret: string): boolean {
  if (!rawBody || rawBody.length === 0 || !authorizationHeader || !appKey || !appSecret) return false;
  const given = authorizationHeader.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac("sha256", appSecret).update(appKey).update(rawBody).digest();
  return equalsConstantTime(Buffer.from(given, "hex"), expected);
}

// ---------------------------------------------------------------------------------------------------
// JSON with big integer ids

// Strings are matched first and left alone, so digits inside string values are never touched; a bare
// integer of 16+ digits (beyond what a double holds exactly) is quoted. Chosen over a reviver with
// source access because Node 20's JSON.parse has no `context.source`, and over a third-party
// JSON-bigint parser because this one line is enough for ids and keeps the dependency list short.
const BIG_INTEGER_OR_STRING = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![\d.eE])/g;

/** JSON.parse that keeps integers too large for a double as their exact digit strings. */
export function parseJsonKeepingBigIds(raw: Buffer | string): unknown {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  return JSON.parse(text.replace(BIG_INTEGER_OR_STRING, (m) => (m.startsWith('"') ? m : `"${m}"`)));
}

export type WebhookParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function formatZodError(error: z.ZodError, prefix = ""): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? prefix + i.path.join(".") : prefix.replace(/\.$/, "") || "(body)"}: ${i.message}`)
    .join("; ");
}

function parseBody<S extends z.ZodType>(schema: S, rawBody: Buffer | string): WebhookParseResult<z.output<S>> {
  let json: unknown;
  try {
    json = parseJsonKeepingBigIds(rawBody);
  } catch {
    return { ok: false, message: "(body): not valid JSON" };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: formatZodError(parsed.error) };
}

// ---------------------------------------------------------------------------------------------------
// Shopify payloads

/** Ids arrive as numbers (quoted by the pre-pass when large) or strings; always kept as strings. */
const idSchema = z.union([boundedString().regex(/^\d+$/, "expected a numeric id"), z.number().int().nonnegative()]).transform(String);
const isoTime = z.iso.datetime({ offset: true });
const optionalIsoTime = isoTime.nullish();
const money = boundedString().regex(/^-?\d+(?:\.\d+)?$/, "expected a decimal amount string");
const text = boundedString().nullish();

const shopifyAddressSchema = z
  .object({
    name: text,
    first_name: text,
    last_name: text,
    address1: text,
    address2: text,
    city: text,
    province: text,
    province_code: text,
    zip: text,
    country: text,
    country_code: text,
    phone: text,
  })
  .nullish();

const shopifyFulfillmentSchema = z.object({
  id: idSchema,
  order_id: idSchema,
  status: boundedString().nullish(),
  created_at: isoTime,
  updated_at: optionalIsoTime,
  tracking_company: text,
  tracking_number: text,
  tracking_numbers: z.array(boundedString()).nullish(),
  shipment_status: text,
});

// Fields the app never reads are never required: old and trimmed bodies lack `line_items[].id`,
// `fulfillments`, `customer`, etc.

export const shopifyOrderWebhookSchema = z.object({
  id: idSchema,
  name: boundedString().min(1),
  email: text,
  phone: text,
  created_at: isoTime,
  updated_at: isoTime,
  processed_at: optionalIsoTime,
  cancelled_at: optionalIsoTime,
  financial_status: boundedString(),
  fulfillment_status: boundedString().nullish(),
  currency: boundedString().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code"),
  total_price: money,
  customer: z.object({ first_name: text, last_name: text, email: text, phone: text }).nullish(),
  shipping_address: shopifyAddressSchema,
  gateway: text,
  payment_gateway_names: z.array(z.string()).nullish(),
  line_items: z.array(
    z.object({
      sku: text,
      name: text,
      title: text,
      variant_title: text,
      quantity: z.number().int().positive(),
      price: money,
    }),
  ),
  fulfillments: z
    .array(shopifyFulfillmentSchema)
    .nullish()
    .transform((f) => f ?? []),
});

export type ShopifyOrderWebhook = z.output<typeof shopifyOrderWebhookSchema>;
export const shopifyFulfillmentWebhookSchema = shopifyFulfillmentSchema;

/** A fulfilment event for an order already stored (tracking arrives after the order). */
export type FulfillmentUpdate = {
  externalOrderId: string;
  fulfillmentId: string;
  status: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** Shipment left: the fulfilment's creation; null when the fulfilment was cancelled. */
  inTransitAt: Date | null;
  /** Set when Shopify's carrier tracking reports `delivered`. */
  deliveredAt: Date | null;
  sourceUpdatedAt: Date | null;
};

const isLiveFulfillment = (f: { status?: string | null }): boolean => !["cancelled", "error", "failure"].includes(f.status ?? "");

// The carrier's events (`shipment_status`) from the first scan on: the parcel has left.
const SHIPPED_EVENTS = new Set(["in_transit", "out_for_delivery", "attempted_delivery", "ready_for_pickup", "picked_up", "delivered", "failure"]);

/**
 * Whether a fulfilment means the parcel left: only `success` (Shopify's "fulfilled"), or a carrier
 * event from `in_transit` on. `pending` and `open` fulfilments (a label bought, a 3PL request not yet
 * accepted) and `label_printed`/`confirmed` events are not dispatch.
 */
export function isDispatchedFulfillment(f: { status?: string | null; shipment_status?: string | null }): boolean {
  if (!isLiveFulfillment(f)) return false;
  return f.status === "success" || SHIPPED_EVENTS.has(f.shipment_status ?? "");
}

function mapShopifyFulfillment(f: z.output<typeof shopifyFulfillmentSchema>): FulfillmentUpdate {
  const live = isLiveFulfillment(f);
  const shipped = isDispatchedFulfillment(f);
  const updatedAt = f.updated_at ? new Date(f.updated_at) : null;
  return {
    externalOrderId: f.order_id,
    fulfillmentId: f.id,
    status: f.status ?? null,
    // A pending fulfilment may already carry the label's tracking: kept, but it is not dispatch.
    carrier: live ? f.tracking_company || null : null,
    trackingNumber: live ? f.tracking_number || f.tracking_numbers?.[0] || null : null,
    inTransitAt: shipped ? new Date(f.created_at) : null,
    deliveredAt: shipped && f.shipment_status === "delivered" ? (updatedAt ?? new Date(f.created_at)) : null,
    sourceUpdatedAt: updatedAt,
  };
}

function joinName(first: string | null | undefined, last: string | null | undefined): string | null {
  return [first, last].filter((s) => s && s.trim()).join(" ") || null;
}

/**
 * orders/create and orders/updated → NormalizedOrder. externalId is the numeric order id as a string
 * (the export uses the Name, kept here in orderName so the two can be matched). Status follows the
 * same mapping as the export (see mapShopifyStatus). The payload has no paid time: processed_at stands
 * in for it once the order is paid. Tracking comes from the latest live fulfilment.
 */
export function mapShopifyOrderWebhook(o: ShopifyOrderWebhook): WebhookParseResult<NormalizedOrder> {
  const gateways = [...(o.payment_gateway_names ?? []), ...(o.gateway ? [o.gateway] : [])];
  const status = mapShopifyStatus({
    financialStatus: o.financial_status,
    fulfillmentStatus: o.fulfillment_status ?? null,
    cancelled: Boolean(o.cancelled_at),
    cashOnDelivery: isCashOnDeliveryGateways(gateways),
  });
  if (!status) return { ok: false, message: `financial_status: unknown value "${o.financial_status}" / fulfillment_status "${o.fulfillment_status ?? ""}"` };
  const exponent = getCurrencyExponent(o.currency);
  const total = parseDecimalToMinor(o.total_price, exponent);
  if (!total.ok) return { ok: false, message: `total_price: ${total.reason}` };
  const lines: NormalizedLine[] = [];
  for (const [i, li] of o.line_items.entries()) {
    const price = parseDecimalToMinor(li.price, exponent);
    if (!price.ok) return { ok: false, message: `line_items.${i}.price: ${price.reason}` };
    lines.push({ sku: li.sku ?? "", productName: li.name ?? li.title ?? "", quantity: li.quantity, unitPriceMinor: price.value });
  }
  const live = o.fulfillments.filter(isLiveFulfillment).map(mapShopifyFulfillment);
  const shipped = live.filter((f) => f.inTransitAt !== null);
  const withTracking = live.filter((f) => f.trackingNumber);
  const latest = withTracking[withTracking.length - 1];
  const firstShipped = shipped.map((f) => f.inTransitAt as Date).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const delivered =
    shipped.length > 0 && shipped.length === live.length && shipped.every((f) => f.deliveredAt)
      ? (shipped.map((f) => f.deliveredAt as Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null)
      : null;
  // `fulfillment_status: fulfilled` while every fulfilment is still pending/open: nothing has left yet.
  const nothingLeft = status === "IN_TRANSIT" && live.length > 0 && shipped.length === 0;
  const effective = nothingLeft
    ? (mapShopifyStatus({
        financialStatus: o.financial_status,
        fulfillmentStatus: null,
        cancelled: false,
        cashOnDelivery: isCashOnDeliveryGateways(gateways),
      }) ?? status)
    : status;
  const a = o.shipping_address;
  return {
    ok: true,
    value: {
      externalId: o.id,
      orderName: o.name,
      channel: "BRAND_SITE",
      status: delivered && effective === "IN_TRANSIT" ? "DELIVERED" : effective,
      placedAt: new Date(o.created_at),
      paidAt: isShopifyPaid(o.financial_status) && o.processed_at ? new Date(o.processed_at) : null,
      inTransitAt: firstShipped,
      deliveredAt: delivered,
      cancelledAt: o.cancelled_at ? new Date(o.cancelled_at) : null,
      carrier: latest?.carrier ?? null,
      trackingNumber: latest?.trackingNumber ?? null,
      labelSource: "UNKNOWN",
      fulfillmentType: "SELLER_SHIPPING",
      warehouseName: null,
      shipFromCountry: null,
      currency: o.currency,
      totalMinor: total.value,
      buyerName: a?.name || joinName(a?.first_name, a?.last_name) || joinName(o.customer?.first_name, o.customer?.last_name),
      buyerEmail: o.email || o.customer?.email || null,
      buyerPhone: a?.phone || o.phone || o.customer?.phone || null,
      shipAddress1: a?.address1 || null,
      shipAddress2: a?.address2 || null,
      shipCity: a?.city || null,
      shipRegion: a?.province_code || a?.province || null,
      shipPostcode: a?.zip || null,
      shipCountry: a?.country_code || (a?.country ? toCountryCode(a.country) : null),
      sourceUpdatedAt: new Date(o.updated_at),
      lines,
    },
  };
}

export function parseShopifyOrderWebhook(rawBody: Buffer | string): WebhookParseResult<NormalizedOrder> {
  const parsed = parseBody(shopifyOrderWebhookSchema, rawBody);
  return parsed.ok ? mapShopifyOrderWebhook(parsed.value) : parsed;
}

export function parseShopifyFulfillmentWebhook(rawBody: Buffer | string): WebhookParseResult<FulfillmentUpdate> {
  const parsed = parseBody(shopifyFulfillmentSchema, rawBody);
  return parsed.ok ? { ok: true, value: mapShopifyFulfillment(parsed.value) } : parsed;
}

const shopifyRefundSchema = z.object({
  id: idSchema,
  order_id: idSchema,
  created_at: isoTime,
  processed_at: optionalIsoTime,
  transactions: z
    .array(z.object({ kind: z.string().nullish(), status: z.string().nullish(), amount: money }))
    .nullish()
    .transform((t) => t ?? []),
});

/** refunds/create: the refund object (not the order). */
export type RefundUpdate = {
  externalOrderId: string;
  refundId: string;
  /** Successful refund transactions of this refund, as the decimal strings Shopify sends. */
  amounts: string[];
  refundedAt: Date;
};

export function parseShopifyRefundWebhook(rawBody: Buffer | string): WebhookParseResult<RefundUpdate> {
  const parsed = parseBody(shopifyRefundSchema, rawBody);
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  return {
    ok: true,
    value: {
      externalOrderId: r.order_id,
      refundId: r.id,
      amounts: r.transactions.filter((t) => (t.kind ?? "refund") === "refund" && (t.status ?? "success") === "success").map((t) => t.amount),
      refundedAt: new Date(r.processed_at ?? r.created_at),
    },
  };
}

/** Order topics carry the full order; each is applied like orders/updated. */
export const SHOPIFY_ORDER_TOPICS = ["orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled"] as const;
export const SHOPIFY_WEBHOOK_TOPICS = [...SHOPIFY_ORDER_TOPICS, "fulfillments/create", "fulfillments/update", "refunds/create"] as const;
export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number];

export type ShopifyWebhookEvent =
  { kind: "order"; order: NormalizedOrder } | { kind: "fulfillment"; fulfillment: FulfillmentUpdate } | { kind: "refund"; refund: RefundUpdate };

/** Dispatch on `X-Shopify-Topic`; an unhandled topic is a failure the route can answer with 400. */
export function parseShopifyWebhook(topic: string | null, rawBody: Buffer | string): WebhookParseResult<ShopifyWebhookEvent> {
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/paid":
    case "orders/cancelled":
    case "orders/fulfilled": {
      const r = parseShopifyOrderWebhook(rawBody);
      return r.ok ? { ok: true, value: { kind: "order", order: r.value } } : r;
    }
    case "refunds/create": {
      const r = parseShopifyRefundWebhook(rawBody);
      return r.ok ? { ok: true, value: { kind: "refund", refund: r.value } } : r;
    }
    case "fulfillments/create":
    case "fulfillments/update": {
      const r = parseShopifyFulfillmentWebhook(rawBody);
      return r.ok ? { ok: true, value: { kind: "fulfillment", fulfillment: r.value } } : r;
    }
    default:
      return { ok: false, message: `X-Shopify-Topic: unsupported topic "${topic ?? ""}"` };
  }
}

// ---------------------------------------------------------------------------------------------------
// TikTok Shop webhook

export const TIKTOK_API_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
  UNPAID: "AWAITING_PAYMENT",
  ON_HOLD: "ON_HOLD",
  AWAITING_SHIPMENT: "AWAITING_SHIPMENT",
  // Some units have shipped but others are still owed: keep it in the shipping queue.
  PARTIALLY_SHIPPING: "AWAITING_SHIPMENT",
  AWAITING_COLLECTION: "AWAITING_COLLECTION",
  IN_TRANSIT: "IN_TRANSIT",
  DELIVERED: "DELIVERED",
  COMPLETED: "COMPLETED",
  CANCELLED: "CANCELLED",
  // TikTok's own docs spell it this way in the webhook examples and the ORDER_STATUS_CHANGE table.
  CANCEL: "CANCELLED",
};

export const tiktokApiStatusSchema = z.enum(Object.keys(TIKTOK_API_STATUS_MAP) as [string, ...string[]]);

const tiktokEnvelopeSchema = z.object({
  type: z.number().int(),
  tts_notification_id: z.union([z.string(), z.number()]).transform(String).nullish(),
  shop_id: idSchema.nullish(),
  timestamp: z.number().int().nonnegative().nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

const tiktokOrderStatusDataSchema = z.object({
  order_id: idSchema,
  order_status: tiktokApiStatusSchema,
  update_time: z.number().int().positive(),
  is_on_hold_order: z.boolean().nullish(),
});

const tiktokCancellationDataSchema = z.object({
  order_id: idSchema,
  cancel_status: z.string().nullish(),
  cancellation_status: z.string().nullish(),
  update_time: z.number().int().positive().nullish(),
  create_time: z.number().int().positive().nullish(),
});

/** TikTok's push types (`type` in the envelope). */
export const TIKTOK_PUSH_TYPES: Readonly<Record<number, string>> = {
  1: "order_status_change",
  2: "reverse_order_status_change",
  3: "recipient_address_update",
  4: "package_update",
  5: "product_status_change",
  6: "seller_deauthorization",
  7: "upcoming_authorization_expiration",
  11: "cancellation_status_change",
  12: "return_status_change",
};

/** The webhook carries only the new status: the route stores it (if newer) and may fetch the order. */
export type TikTokOrderStatusChange = {
  externalOrderId: string;
  shopId: string;
  status: OrderStatus;
  sourceUpdatedAt: Date;
  /** `is_on_hold_order`: the order sits in the UK's on-hold window (the buyer may still cancel). */
  onHold: boolean;
};

/**
 * A correctly signed push, read: what the app does with it. Every push is recorded (with its
 * delivery id for de-duplication); only the types the app models change anything.
 */
export type TikTokPush = { eventId: string; type: number; topic: string; shopId: string | null } & (
  | { kind: "order_status"; change: TikTokOrderStatusChange }
  | { kind: "order_cancelled"; externalOrderId: string; cancelledAt: Date }
  | { kind: "deauthorized" }
  | { kind: "authorization_expiring"; expiresAt: Date | null }
  | { kind: "recorded"; reason: string }
);

// A cancellation (type 11) or reverse order (type 2) that has gone through cancels the order; one
// still requested or refused is recorded only (a type 1 with the order's status follows anyway).
// CANCELLATION_REQUEST_CANCEL (the request withdrawn) and _PENDING/_REJECT leave the order as it is.
const CANCELLATION_DONE = /^(CANCELLATION_REQUEST_(COMPLETE|SUCCESS)|COMPLETE|COMPLETED|CANCELLED|CANCEL|SUCCESS)$/i;

function pushEventId(envelope: z.output<typeof tiktokEnvelopeSchema>, rawBody: Buffer | string, fallback?: string): string {
  if (envelope.tts_notification_id) return `n:${envelope.tts_notification_id}`;
  if (fallback) return fallback;
  return `h:${createHash("sha256").update(rawBody).digest("hex")}`;
}

/**
 * Reads a signed TikTok push. Never fails for a body that is JSON with a numeric `type`: types the
 * app does not model, and modelled types whose data it cannot read, come back as `recorded` with the
 * reason (TikTok retries anything but a 200). Only a body that is not a push envelope at all fails.
 */
export function parseTikTokPush(rawBody: Buffer | string): WebhookParseResult<TikTokPush> {
  const parsed = parseBody(tiktokEnvelopeSchema, rawBody);
  if (!parsed.ok) return parsed;
  const envelope = parsed.value;
  const type = envelope.type;
  const topic = TIKTOK_PUSH_TYPES[type] ?? `type_${type}`;
  const shopId = envelope.shop_id ?? null;
  const base = { type, topic, shopId };
  const data = envelope.data ?? {};
  const recorded = (reason: string): WebhookParseResult<TikTokPush> => ({
    ok: true,
    value: { ...base, eventId: pushEventId(envelope, rawBody), kind: "recorded", reason },
  });

  switch (type) {
    case 1: {
      const d = tiktokOrderStatusDataSchema.safeParse(data);
      if (!d.success) return recorded(formatZodError(d.error, "data."));
      const mapped = TIKTOK_API_STATUS_MAP[d.data.order_status];
      const updatedAt = unixSecondsToDate(d.data.update_time);
      if (!mapped || !updatedAt) return recorded("data.order_status: unknown value");
      const onHold = d.data.is_on_hold_order === true;
      const status: OrderStatus = onHold && mapped === "AWAITING_SHIPMENT" ? "ON_HOLD" : mapped;
      const fallback = `${shopId ?? ""}:${d.data.order_id}:${d.data.update_time}:${status}`;
      return {
        ok: true,
        value: {
          ...base,
          eventId: pushEventId(envelope, rawBody, fallback),
          kind: "order_status",
          change: { externalOrderId: d.data.order_id, shopId: shopId ?? "", status, sourceUpdatedAt: updatedAt, onHold },
        },
      };
    }
    case 2:
    case 11: {
      const d = tiktokCancellationDataSchema.safeParse(data);
      if (!d.success) return recorded(formatZodError(d.error, "data."));
      const state = d.data.cancel_status ?? d.data.cancellation_status ?? "";
      const at = unixSecondsToDate(d.data.update_time ?? d.data.create_time ?? envelope.timestamp ?? null);
      if (!CANCELLATION_DONE.test(state) || !at) return recorded(`cancellation status "${state}" does not change the order`);
      return {
        ok: true,
        value: { ...base, eventId: pushEventId(envelope, rawBody), kind: "order_cancelled", externalOrderId: d.data.order_id, cancelledAt: at },
      };
    }
    case 6:
      return { ok: true, value: { ...base, eventId: pushEventId(envelope, rawBody), kind: "deauthorized" } };
    case 7: {
      const raw = data.expiration_time ?? data.expire_time ?? data.expires_at;
      const expiresAt = typeof raw === "number" ? unixSecondsToDate(raw) : null;
      return { ok: true, value: { ...base, eventId: pushEventId(envelope, rawBody), kind: "authorization_expiring", expiresAt } };
    }
    default:
      // 4 (package update) and 12 (return status) are kept for the record: the order's own status
      // change arrives as a type 1, and returns are entered on the returns screen.
      return recorded(`type ${type} (${topic}) is recorded, not applied`);
  }
}

/** Type 1 only (the order status change), as before: kept for callers that read one status push. */
export function parseTikTokWebhook(rawBody: Buffer | string): WebhookParseResult<TikTokOrderStatusChange> {
  const r = parseTikTokPush(rawBody);
  if (!r.ok) return r;
  if (r.value.kind !== "order_status")
    return { ok: false, message: r.value.kind === "recorded" ? r.value.reason : `type ${r.value.type} is not an order status change` };
  return { ok: true, value: r.value.change };
}
