import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getCurrencyExponent, parseDecimalToMinor } from './money';
import { isShopifyPaid, mapShopifyStatus } from './shopify-status';
import { toCountryCode } from './country';
import { unixSecondsToDate } from './time';
import type { NormalizedLine, NormalizedOrder, OrderStatus } from './types';
import { MAX_CELL_CHARS } from './limits';

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
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(headerValue.trim(), 'base64');
  return equalsConstantTime(given, expected);
}

/** TikTok webhook `Authorization`: hex HMAC-SHA256 of `app_key + raw body`, keyed with the app secret. */
export function verifyTikTokSignature(rawBody: Buffer, authorizationHeader: string | null, appKey: string, appSecret: string): boolean {
  if (!rawBody || rawBody.length === 0 || !authorizationHeader || !appKey || !appSecret) return false;
  const given = authorizationHeader.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', appSecret).update(appKey).update(rawBody).digest();
  return equalsConstantTime(Buffer.from(given, 'hex'), expected);
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
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  return JSON.parse(text.replace(BIG_INTEGER_OR_STRING, (m) => (m.startsWith('"') ? m : `"${m}"`)));
}

export type WebhookParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}

function parseBody<S extends z.ZodType>(schema: S, rawBody: Buffer | string): WebhookParseResult<z.output<S>> {
  let json: unknown;
  try {
    json = parseJsonKeepingBigIds(rawBody);
  } catch {
    return { ok: false, message: '(body): not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: formatZodError(parsed.error) };
}

// ---------------------------------------------------------------------------------------------------
// Shopify payloads

/** Ids arrive as numbers (quoted by the pre-pass when large) or strings; always kept as strings. */
const idSchema = z.union([boundedString().regex(/^\d+$/, 'expected a numeric id'), z.number().int().nonnegative()]).transform(String);
const isoTime = z.iso.datetime({ offset: true });
const optionalIsoTime = isoTime.nullish();
const money = boundedString().regex(/^-?\d+(?:\.\d+)?$/, 'expected a decimal amount string');
const text = boundedString().nullish();

const shopifyAddressSchema = z
  .object({
    name: text, first_name: text, last_name: text, address1: text, address2: text, city: text,
    province: text, province_code: text, zip: text, country: text, country_code: text, phone: text,
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
  currency: boundedString().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
  total_price: money,
  customer: z.object({ first_name: text, last_name: text, email: text, phone: text }).nullish(),
  shipping_address: shopifyAddressSchema,
  line_items: z.array(
    z.object({
      id: idSchema,
      sku: text,
      name: text,
      title: text,
      variant_title: text,
      quantity: z.number().int().positive(),
      price: money,
    }),
  ),
  fulfillments: z.array(shopifyFulfillmentSchema).default([]),
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

const isLiveFulfillment = (f: { status?: string | null }): boolean => !['cancelled', 'error', 'failure'].includes(f.status ?? '');

function mapShopifyFulfillment(f: z.output<typeof shopifyFulfillmentSchema>): FulfillmentUpdate {
  const live = isLiveFulfillment(f);
  const updatedAt = f.updated_at ? new Date(f.updated_at) : null;
  return {
    externalOrderId: f.order_id,
    fulfillmentId: f.id,
    status: f.status ?? null,
    carrier: f.tracking_company || null,
    trackingNumber: f.tracking_number || f.tracking_numbers?.[0] || null,
    inTransitAt: live ? new Date(f.created_at) : null,
    deliveredAt: live && f.shipment_status === 'delivered' ? (updatedAt ?? new Date(f.created_at)) : null,
    sourceUpdatedAt: updatedAt,
  };
}

function joinName(first: string | null | undefined, last: string | null | undefined): string | null {
  return [first, last].filter((s) => s && s.trim()).join(' ') || null;
}

/**
 * orders/create and orders/updated → NormalizedOrder. externalId is the numeric order id as a string
 * (the export uses the Name, kept here in orderName so the two can be matched). Status follows the
 * same mapping as the export (see mapShopifyStatus). The payload has no paid time: processed_at stands
 * in for it once the order is paid. Tracking comes from the latest live fulfilment.
 */
export function mapShopifyOrderWebhook(o: ShopifyOrderWebhook): WebhookParseResult<NormalizedOrder> {
  const status = mapShopifyStatus({ financialStatus: o.financial_status, fulfillmentStatus: o.fulfillment_status ?? null, cancelled: Boolean(o.cancelled_at) });
  if (!status) return { ok: false, message: `financial_status: unknown value "${o.financial_status}" / fulfillment_status "${o.fulfillment_status ?? ''}"` };
  const exponent = getCurrencyExponent(o.currency);
  const total = parseDecimalToMinor(o.total_price, exponent);
  if (!total.ok) return { ok: false, message: `total_price: ${total.reason}` };
  const lines: NormalizedLine[] = [];
  for (const [i, li] of o.line_items.entries()) {
    const price = parseDecimalToMinor(li.price, exponent);
    if (!price.ok) return { ok: false, message: `line_items.${i}.price: ${price.reason}` };
    lines.push({ sku: li.sku ?? '', productName: li.name ?? li.title ?? '', quantity: li.quantity, unitPriceMinor: price.value });
  }
  const live = o.fulfillments.filter(isLiveFulfillment).map(mapShopifyFulfillment);
  const withTracking = live.filter((f) => f.trackingNumber);
  const latest = withTracking[withTracking.length - 1];
  const firstShipped = live.map((f) => f.inTransitAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const delivered = live.length > 0 && live.every((f) => f.deliveredAt) ? live.map((f) => f.deliveredAt as Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null : null;
  const a = o.shipping_address;
  return {
    ok: true,
    value: {
      externalId: o.id,
      orderName: o.name,
      channel: 'BRAND_SITE',
      status: delivered && status === 'IN_TRANSIT' ? 'DELIVERED' : status,
      placedAt: new Date(o.created_at),
      paidAt: isShopifyPaid(o.financial_status) && o.processed_at ? new Date(o.processed_at) : null,
      inTransitAt: firstShipped,
      deliveredAt: delivered,
      cancelledAt: o.cancelled_at ? new Date(o.cancelled_at) : null,
      carrier: latest?.carrier ?? null,
      trackingNumber: latest?.trackingNumber ?? null,
      labelSource: 'UNKNOWN',
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

export const SHOPIFY_WEBHOOK_TOPICS = ['orders/create', 'orders/updated', 'fulfillments/create', 'fulfillments/update'] as const;
export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number];

export type ShopifyWebhookEvent = { kind: 'order'; order: NormalizedOrder } | { kind: 'fulfillment'; fulfillment: FulfillmentUpdate };

/** Dispatch on `X-Shopify-Topic`; an unhandled topic is a failure the route can answer with 400. */
export function parseShopifyWebhook(topic: string | null, rawBody: Buffer | string): WebhookParseResult<ShopifyWebhookEvent> {
  switch (topic) {
    case 'orders/create':
    case 'orders/updated': {
      const r = parseShopifyOrderWebhook(rawBody);
      return r.ok ? { ok: true, value: { kind: 'order', order: r.value } } : r;
    }
    case 'fulfillments/create':
    case 'fulfillments/update': {
      const r = parseShopifyFulfillmentWebhook(rawBody);
      return r.ok ? { ok: true, value: { kind: 'fulfillment', fulfillment: r.value } } : r;
    }
    default:
      return { ok: false, message: `X-Shopify-Topic: unsupported topic "${topic ?? ''}"` };
  }
}

// ---------------------------------------------------------------------------------------------------
// TikTok Shop webhook

export const TIKTOK_API_STATUS_MAP: Readonly<Record<string, OrderStatus>> = {
  UNPAID: 'AWAITING_PAYMENT',
  ON_HOLD: 'ON_HOLD',
  AWAITING_SHIPMENT: 'AWAITING_SHIPMENT',
  // Some units have shipped but others are still owed: keep it in the shipping queue.
  PARTIALLY_SHIPPING: 'AWAITING_SHIPMENT',
  AWAITING_COLLECTION: 'AWAITING_COLLECTION',
  IN_TRANSIT: 'IN_TRANSIT',
  DELIVERED: 'DELIVERED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
};

export const tiktokApiStatusSchema = z.enum(Object.keys(TIKTOK_API_STATUS_MAP) as [string, ...string[]]);

export const tiktokOrderStatusWebhookSchema = z.object({
  type: z.number().int(),
  shop_id: idSchema,
  timestamp: z.number().int().positive(),
  data: z.object({
    order_id: idSchema,
    order_status: tiktokApiStatusSchema,
    update_time: z.number().int().positive(),
  }),
});

/** The webhook carries only the new status: the route stores it (if newer) and may fetch the order. */
export type TikTokOrderStatusChange = {
  externalOrderId: string;
  shopId: string;
  status: OrderStatus;
  sourceUpdatedAt: Date;
};

export function parseTikTokWebhook(rawBody: Buffer | string): WebhookParseResult<TikTokOrderStatusChange> {
  const parsed = parseBody(tiktokOrderStatusWebhookSchema, rawBody);
  if (!parsed.ok) return parsed;
  const { data, shop_id: shopId } = parsed.value;
  const status = TIKTOK_API_STATUS_MAP[data.order_status];
  const updatedAt = unixSecondsToDate(data.update_time);
  if (!status || !updatedAt) return { ok: false, message: 'data.order_status: unknown value' };
  return { ok: true, value: { externalOrderId: data.order_id, shopId, status, sourceUpdatedAt: updatedAt } };
}
