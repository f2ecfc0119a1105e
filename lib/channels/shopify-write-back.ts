import { z } from "zod";
import { ShopifyApiError, createShopifyAdminClient, type ShopifyAdminClient, type ShopifyFetch } from "./shopify-admin";
import type { ShopifyCredentials } from "./credentials";

// Tracking and stock written to Shopify (Admin GraphQL): a fulfilment with tracking company,
// number and URL on the order's open fulfilment orders (fulfillmentCreate), or the tracking of the
// existing fulfilment updated (fulfillmentTrackingInfoUpdate); a listing's quantity set at the
// store's location (inventorySetQuantities, "available").

export function shopifyClientFor(credentials: ShopifyCredentials, fetch?: ShopifyFetch, sleep?: (ms: number) => Promise<void>): ShopifyAdminClient {
  return createShopifyAdminClient({
    shopDomain: credentials.shopDomain,
    accessToken: credentials.accessToken,
    apiVersion: credentials.apiVersion,
    baseUrl: credentials.baseUrl,
    fetch,
    sleep,
    maxAttempts: 3,
    baseDelayMs: 200,
  });
}

/** Refused by Shopify's validation (userErrors): retrying the same input would be refused again. */
export class ShopifyUserError extends ShopifyApiError {
  constructor(message: string) {
    super(message, 200);
    this.name = "ShopifyUserError";
  }
}

const userErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() })).default([]);

const orderState = z.object({
  order: z
    .object({
      id: z.string(),
      fulfillmentOrders: z.object({ nodes: z.array(z.object({ id: z.string(), status: z.string() })) }),
      fulfillments: z.array(
        z.object({
          id: z.string(),
          status: z.string(),
          trackingInfo: z.array(z.object({ company: z.string().nullish(), number: z.string().nullish(), url: z.string().nullish() })),
        }),
      ),
    })
    .nullable(),
});

export type ShopifyFulfillmentState = {
  orderGid: string;
  openFulfillmentOrderIds: string[];
  fulfillments: { id: string; status: string; numbers: string[] }[];
};

export function shopifyOrderGid(sourceId: string): string {
  return sourceId.startsWith("gid://") ? sourceId : `gid://shopify/Order/${sourceId}`;
}

export async function readShopifyFulfillments(client: ShopifyAdminClient, orderGid: string): Promise<ShopifyFulfillmentState> {
  const data = await client.graphql(
    `query FulfillmentState($id: ID!) {
  order(id: $id) {
    id
    fulfillmentOrders(first: 20) { nodes { id status } }
    fulfillments(first: 20) { id status trackingInfo(first: 5) { company number url } }
  }
}`,
    { id: orderGid },
    orderState,
  );
  if (!data.order) throw new ShopifyUserError(`Shopify has no order ${orderGid}`);
  return {
    orderGid,
    openFulfillmentOrderIds: data.order.fulfillmentOrders.nodes.filter((n) => n.status === "OPEN" || n.status === "IN_PROGRESS").map((n) => n.id),
    fulfillments: data.order.fulfillments
      .filter((f) => f.status !== "CANCELLED" && f.status !== "ERROR" && f.status !== "FAILURE")
      .map((f) => ({ id: f.id, status: f.status, numbers: f.trackingInfo.map((t) => t.number ?? "").filter(Boolean) })),
  };
}

export type ShopifyTracking = { company: string; number: string; url: string | null };

const createData = z.object({ fulfillmentCreate: z.object({ fulfillment: z.object({ id: z.string() }).nullish(), userErrors }) });
const updateData = z.object({ fulfillmentTrackingInfoUpdate: z.object({ fulfillment: z.object({ id: z.string() }).nullish(), userErrors }) });

function refused(errors: z.output<typeof userErrors>, fallback: string): never {
  throw new ShopifyUserError(errors.map((e) => e.message).join("; ") || fallback);
}

export async function createShopifyFulfillment(client: ShopifyAdminClient, fulfillmentOrderIds: string[], tracking: ShopifyTracking): Promise<string> {
  const data = await client.graphql(
    `mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
}`,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: fulfillmentOrderIds.map((fulfillmentOrderId) => ({ fulfillmentOrderId })),
        trackingInfo: { company: tracking.company, number: tracking.number, ...(tracking.url ? { url: tracking.url } : {}) },
        notifyCustomer: true,
      },
    },
    createData,
    { write: true },
  );
  const r = data.fulfillmentCreate;
  if (!r.fulfillment) refused(r.userErrors, "Shopify did not create the fulfilment");
  return r.fulfillment.id;
}

export async function updateShopifyTracking(client: ShopifyAdminClient, fulfillmentId: string, tracking: ShopifyTracking): Promise<string> {
  const data = await client.graphql(
    `mutation Retrack($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!) {
  fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: true) { fulfillment { id } userErrors { field message } }
}`,
    { fulfillmentId, trackingInfoInput: { company: tracking.company, number: tracking.number, ...(tracking.url ? { url: tracking.url } : {}) } },
    updateData,
    { write: true },
  );
  const r = data.fulfillmentTrackingInfoUpdate;
  if (!r.fulfillment) refused(r.userErrors, "Shopify did not update the tracking");
  return r.fulfillment.id;
}

const locationsData = z.object({ locations: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });
const variantData = z.object({ productVariants: z.object({ nodes: z.array(z.object({ inventoryItem: z.object({ id: z.string() }) })) }) });
const setData = z.object({ inventorySetQuantities: z.object({ inventoryAdjustmentGroup: z.object({ id: z.string() }).nullish(), userErrors }) });

/** The store's location, or the shop's first one. */
export async function shopifyLocation(client: ShopifyAdminClient, configured: string | null): Promise<string> {
  if (configured) return configured;
  const data = await client.graphql(`query { locations(first: 1) { nodes { id } } }`, {}, locationsData);
  const first = data.locations.nodes[0];
  if (!first) throw new ShopifyUserError("The shop has no location to hold stock");
  return first.id;
}

/** Sets the SKU's available quantity at the location; the adjustment group's id, or null when the SKU is not on the shop. */
export async function setShopifyQuantity(client: ShopifyAdminClient, sku: string, locationId: string, quantity: number): Promise<string | null> {
  const variants = await client.graphql(
    `query Variant($query: String!) { productVariants(first: 1, query: $query) { nodes { inventoryItem { id } } } }`,
    { query: `sku:${JSON.stringify(sku)}` },
    variantData,
  );
  const item = variants.productVariants.nodes[0]?.inventoryItem.id;
  if (!item) return null;
  const data = await client.graphql(
    `mutation SetStock($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { field message } }
}`,
    { input: { name: "available", reason: "correction", ignoreCompareQuantity: true, quantities: [{ inventoryItemId: item, locationId, quantity }] } },
    setData,
    { write: true },
  );
  const r = data.inventorySetQuantities;
  if (!r.inventoryAdjustmentGroup) refused(r.userErrors, "Shopify did not set the quantity");
  return r.inventoryAdjustmentGroup.id;
}
