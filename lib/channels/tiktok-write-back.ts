import { z } from "zod";
import type { Db } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TikTokApiError, createTikTokShopClient, type FetchLike, type TikTokShopClient } from "@/lib/ingest/tiktok-api";
import { normaliseCarrierName } from "@/lib/policy/tracking";
import type { TikTokCredentials } from "./credentials";

// Tracking, stock and tokens written to TikTok Shop (Partner API 202309): the order's package is
// shipped with the tracking number and the shipping provider's id, a corrected number updates the
// package's shipping info (TikTok allows that once), a listing's quantity is an inventory update.
// The provider ids come from the list TikTok gives for the order's delivery option, cached per store.

export type TikTokProvider = { id: string; name: string };
type ProviderCache = Record<string, { fetchedAt: string; providers: TikTokProvider[] }>;

/** A day: providers of a delivery option change rarely, and a miss is answered by fetching again. */
const PROVIDER_CACHE_MS = 24 * 3_600_000;

export function tiktokClientFor(credentials: TikTokCredentials, fetch?: FetchLike, sleep?: (ms: number) => Promise<void>): TikTokShopClient {
  return createTikTokShopClient({
    appKey: credentials.appKey,
    appSecret: credentials.appSecret,
    accessToken: credentials.accessToken,
    shopCipher: credentials.shopCipher,
    baseUrl: credentials.apiBaseUrl,
    fetch,
    sleep,
    maxAttempts: 3,
    baseDelayMs: 200,
  });
}

export type TikTokPackage = { packageId: string; deliveryOptionId: string | null; trackingNumber: string | null; shippingProviderId: string | null };

/** What TikTok holds for the order: its package, delivery option and current tracking. */
export async function readTikTokPackage(client: TikTokShopClient, orderExternalId: string): Promise<TikTokPackage> {
  const [order] = await client.getOrders([orderExternalId]);
  if (!order) throw new TikTokApiError(`TikTok Shop has no order ${orderExternalId}`, 200);
  const packageId = order.packages?.[0]?.id ?? order.line_items.find((l) => l.package_id)?.package_id ?? null;
  if (!packageId) throw new TikTokApiError(`TikTok Shop order ${orderExternalId} has no package to ship yet`, 200);
  return {
    packageId,
    deliveryOptionId: order.delivery_option_id ?? null,
    trackingNumber: order.tracking_number || null,
    shippingProviderId: order.shipping_provider_id || null,
  };
}

const providersData = z.object({
  shipping_providers: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() })).default([]),
});

/** The providers of a delivery option, from the store's cache when fresh. */
export async function shippingProvidersFor(db: Db, storeId: string, client: TikTokShopClient, deliveryOptionId: string, now: Date): Promise<TikTokProvider[]> {
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { tiktokShippingProviders: true } });
  const cache = (store.tiktokShippingProviders ?? {}) as ProviderCache;
  const hit = cache[deliveryOptionId];
  if (hit && now.getTime() - new Date(hit.fetchedAt).getTime() < PROVIDER_CACHE_MS) return hit.providers;
  const data = await client.request(
    "GET",
    `/logistics/202309/delivery_options/${encodeURIComponent(deliveryOptionId)}/shipping_providers`,
    {},
    undefined,
    providersData,
  );
  const providers = data.shipping_providers.map((p) => ({ id: p.id, name: p.name }));
  const next: ProviderCache = { ...cache, [deliveryOptionId]: { fetchedAt: now.toISOString(), providers } };
  await db.store.update({ where: { id: storeId }, data: { tiktokShippingProviders: next as unknown as Prisma.InputJsonValue }, select: { id: true } });
  return providers;
}

/** The provider whose name is the carrier (by the same alias table the validator uses), or null. */
export function matchProvider(providers: readonly TikTokProvider[], carrier: string): TikTokProvider | null {
  const wanted = normaliseCarrierName(carrier) ?? carrier;
  return providers.find((p) => (normaliseCarrierName(p.name) ?? p.name) === wanted) ?? null;
}

export function noProviderReason(carrier: string, providers: readonly TikTokProvider[]): string {
  const offered = providers.map((p) => p.name).join(", ") || "none";
  return `TikTok Shop has no shipping provider for ${carrier} on this order's delivery option (it offers: ${offered})`;
}

const empty = z.object({}).passthrough();

export async function shipTikTokPackage(client: TikTokShopClient, packageId: string, trackingNumber: string, providerId: string): Promise<void> {
  await client.request(
    "POST",
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/ship`,
    {},
    { handover_method: "DROP_OFF", self_shipment: { tracking_number: trackingNumber, shipping_provider_id: providerId } },
    empty,
    { write: true },
  );
}

export async function updateTikTokShippingInfo(client: TikTokShopClient, packageId: string, trackingNumber: string, providerId: string): Promise<void> {
  await client.request(
    "POST",
    `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_info/update`,
    {},
    { tracking_number: trackingNumber, shipping_provider_id: providerId },
    empty,
    { write: true },
  );
}

export async function updateTikTokInventory(
  client: TikTokShopClient,
  target: { productId: string; skuId: string; warehouseId: string | null },
  quantity: number,
): Promise<void> {
  await client.request(
    "POST",
    `/product/202309/products/${encodeURIComponent(target.productId)}/inventory/update`,
    {},
    { skus: [{ id: target.skuId, inventory: [{ ...(target.warehouseId ? { warehouse_id: target.warehouseId } : {}), quantity }] }] },
    empty,
    { write: true },
  );
}

const productSearch = z.object({
  products: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]).transform(String),
        skus: z
          .array(
            z.object({
              id: z.union([z.string(), z.number()]).transform(String),
              seller_sku: z.string().nullish(),
              inventory: z.array(z.object({ warehouse_id: z.string().nullish() })).nullish(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

/** The product, SKU and warehouse ids of a seller SKU on the shop, or null when the shop does not sell it. */
export async function findTikTokSku(
  client: TikTokShopClient,
  sellerSku: string,
): Promise<{ productId: string; skuId: string; warehouseId: string | null } | null> {
  const data = await client.request("POST", "/product/202309/products/search", { page_size: "10" }, { seller_skus: [sellerSku] }, productSearch);
  for (const p of data.products) {
    const sku = p.skus.find((s) => s.seller_sku === sellerSku);
    if (sku) return { productId: p.id, skuId: sku.id, warehouseId: sku.inventory?.[0]?.warehouse_id ?? null };
  }
  return null;
}

const tokenResponse = z.object({
  code: z.number(),
  message: z.string().nullish(),
  data: z.object({ access_token: z.string().min(1), access_token_expire_in: z.number().int(), refresh_token: z.string().min(1) }).nullish(),
});

/** Exchanges the refresh token for a new pair (GET /api/v2/token/refresh on the auth host). */
export async function refreshTikTokToken(
  credentials: TikTokCredentials,
  fetch: FetchLike = (url, init) => globalThis.fetch(url, init),
): Promise<{ accessToken: string; refreshToken: string; accessTokenExpiresAt: Date }> {
  if (!credentials.refreshToken) throw new TikTokApiError("The store has no TikTok refresh token: re-authorise the app and set tiktokRefreshToken", 401);
  const query = new URLSearchParams({
    app_key: credentials.appKey,
    app_secret: credentials.appSecret,
    refresh_token: credentials.refreshToken,
    grant_type: "refresh_token",
  });
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetch(`${credentials.authBaseUrl.replace(/\/$/, "")}/api/v2/token/refresh?${query.toString()}`, {
      method: "GET",
      headers: { accept: "application/json" },
    });
  } catch (error) {
    throw new TikTokApiError(`token refresh: network error: ${error instanceof Error ? error.message : String(error)}`, 0);
  }
  const text = await response.text();
  if (response.status !== 200) throw new TikTokApiError(`token refresh: HTTP ${response.status}`, response.status);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TikTokApiError("token refresh: the response is not JSON", 200);
  }
  const parsed = tokenResponse.safeParse(json);
  if (!parsed.success) throw new TikTokApiError("token refresh: unexpected response", 200);
  if (parsed.data.code !== 0 || !parsed.data.data)
    throw new TikTokApiError(`token refresh: API error ${parsed.data.code}: ${parsed.data.message ?? ""}`, 200, parsed.data.code);
  const d = parsed.data.data;
  return { accessToken: d.access_token, refreshToken: d.refresh_token, accessTokenExpiresAt: new Date(d.access_token_expire_in * 1000) };
}
