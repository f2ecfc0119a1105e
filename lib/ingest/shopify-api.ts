import { z } from "zod";
import type { NormalizedOrder } from "./types";
import { mapShopifyOrderWebhook, type ShopifyOrderWebhook, type WebhookParseResult } from "./webhooks";

// Shopify Admin GraphQL order nodes → NormalizedOrder. The node is turned into the webhook body's
// shape and mapped by the same function as orders/updated, so an order synced from the API and the
// same order pushed by a webhook are stored identically (status, COD, fulfilments, tracking).

/** The fields the sync reads, no more (lib/channels/shopify-admin.ts sends this selection). */
export const SHOPIFY_ORDER_FIELDS = `
  id legacyResourceId name email phone createdAt updatedAt processedAt cancelledAt
  displayFinancialStatus displayFulfillmentStatus paymentGatewayNames
  totalPriceSet { shopMoney { amount currencyCode } }
  shippingAddress { name firstName lastName address1 address2 city province provinceCode zip country countryCodeV2 phone }
  lineItems(first: 100) { nodes { sku name quantity originalUnitPriceSet { shopMoney { amount } } } }
  fulfillments(first: 20) { id status displayStatus createdAt updatedAt trackingInfo(first: 5) { company number } }`;

const text = z.string().nullish();
const decimal = z.union([z.string(), z.number()]).transform(String);

export const shopifyApiOrderSchema = z.object({
  id: z.string(),
  legacyResourceId: z.union([z.string(), z.number()]).transform(String).nullish(),
  name: z.string().min(1),
  email: text,
  phone: text,
  createdAt: z.string(),
  updatedAt: z.string(),
  processedAt: text,
  cancelledAt: text,
  displayFinancialStatus: text,
  displayFulfillmentStatus: z.string(),
  paymentGatewayNames: z.array(z.string()).nullish(),
  totalPriceSet: z.object({ shopMoney: z.object({ amount: decimal, currencyCode: z.string() }) }),
  shippingAddress: z
    .object({
      name: text,
      firstName: text,
      lastName: text,
      address1: text,
      address2: text,
      city: text,
      province: text,
      provinceCode: text,
      zip: text,
      country: text,
      countryCodeV2: text,
      phone: text,
    })
    .nullish(),
  lineItems: z.object({
    nodes: z.array(
      z.object({ sku: text, name: text, quantity: z.number().int(), originalUnitPriceSet: z.object({ shopMoney: z.object({ amount: decimal }) }) }),
    ),
  }),
  fulfillments: z
    .array(
      z.object({
        id: z.string(),
        status: text,
        displayStatus: text,
        createdAt: z.string(),
        updatedAt: text,
        trackingInfo: z.array(z.object({ company: text, number: text })).nullish(),
      }),
    )
    .nullish(),
});

export type ShopifyApiOrder = z.output<typeof shopifyApiOrderSchema>;

/** `gid://shopify/Order/450789469` → "450789469" (ids stay strings: they can exceed 2^53). */
export function shopifyGidToId(gid: string): string {
  const m = /\/(\d+)$/.exec(gid);
  return m ? (m[1] as string) : gid;
}

// GraphQL's display statuses, in the webhook body's vocabulary.
const FULFILLMENT_STATUS: Readonly<Record<string, string | null>> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  RESTOCKED: "restocked",
  UNFULFILLED: null,
  PENDING_FULFILLMENT: null,
  OPEN: null,
  IN_PROGRESS: null,
  ON_HOLD: null,
  SCHEDULED: null,
  REQUEST_DECLINED: null,
};

/** `displayStatus` of a fulfilment, for the dispatch test on `shipment_status`. */
function shipmentStatus(display: string | null | undefined): string | null {
  return display ? display.toLowerCase() : null;
}

/** The GraphQL node as the webhook body it would be (snake_case, lower-case statuses). */
export function toShopifyWebhookShape(o: ShopifyApiOrder): ShopifyOrderWebhook {
  const orderId = o.legacyResourceId ?? shopifyGidToId(o.id);
  const a = o.shippingAddress;
  return {
    id: orderId,
    name: o.name,
    email: o.email,
    phone: o.phone,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    cancelled_at: o.cancelledAt,
    financial_status: (o.displayFinancialStatus ?? "pending").toLowerCase(),
    fulfillment_status: FULFILLMENT_STATUS[o.displayFulfillmentStatus] ?? o.displayFulfillmentStatus.toLowerCase(),
    currency: o.totalPriceSet.shopMoney.currencyCode,
    total_price: o.totalPriceSet.shopMoney.amount,
    customer: null,
    gateway: null,
    payment_gateway_names: o.paymentGatewayNames ?? [],
    shipping_address: a
      ? {
          name: a.name,
          first_name: a.firstName,
          last_name: a.lastName,
          address1: a.address1,
          address2: a.address2,
          city: a.city,
          province: a.province,
          province_code: a.provinceCode,
          zip: a.zip,
          country: a.country,
          country_code: a.countryCodeV2,
          phone: a.phone,
        }
      : null,
    line_items: o.lineItems.nodes.map((li) => ({
      sku: li.sku,
      name: li.name,
      title: null,
      variant_title: null,
      quantity: li.quantity,
      price: li.originalUnitPriceSet.shopMoney.amount,
    })),
    fulfillments: (o.fulfillments ?? []).map((f) => ({
      id: shopifyGidToId(f.id),
      order_id: orderId,
      status: f.status ? f.status.toLowerCase() : null,
      created_at: f.createdAt,
      updated_at: f.updatedAt,
      tracking_company: f.trackingInfo?.[0]?.company ?? null,
      tracking_number: f.trackingInfo?.[0]?.number ?? null,
      tracking_numbers: null,
      shipment_status: shipmentStatus(f.displayStatus),
    })),
  };
}

/**
 * One API order → NormalizedOrder keyed like every brand-site order: externalId is the order name
 * (exports only have the name), sourceId the numeric id fulfilment webhooks refer to.
 */
export function mapShopifyApiOrder(node: unknown): WebhookParseResult<NormalizedOrder> {
  const parsed = shopifyApiOrderSchema.safeParse(node);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(order)"}: ${i.message}`)
      .join("; ");
    return { ok: false, message: where };
  }
  const r = mapShopifyOrderWebhook(toShopifyWebhookShape(parsed.data));
  if (!r.ok) return r;
  return { ok: true, value: { ...r.value, externalId: r.value.orderName ?? r.value.externalId, sourceId: r.value.externalId } };
}
