import type { Db } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { SHOPIFY_SUBSCRIBED_TOPICS, ShopifyAuthError, createShopifyAdminClient, type ShopifyFetch } from "./shopify-admin";
import { decryptSecret } from "@/lib/security/secrets";

// Webhook subscriptions registered through the Admin API (webhookSubscriptionCreate) for the order
// and fulfilment topics, pointing at this app's route for the store, so nobody configures them
// by hand in the Shopify admin. Shopify signs deliveries to a custom app's subscriptions with the
// app's API secret key: that is the store's webhookSecret. Registering again is harmless: topics
// already pointing at our URL are kept, and the store remembers which ones are registered.

export type WebhookRegistration = { callbackUrl: string; registered: string[]; failed: { topic: string; message: string }[] };

export function shopifyWebhookUrl(appUrl: string, storeId: string): string {
  return `${appUrl.replace(/\/$/, "")}/api/webhooks/shopify/${storeId}`;
}

export async function registerShopifyWebhooks(
  db: Db,
  target: { storeId: string; organizationId: string },
  appUrl: string,
  now: Date,
  options: { fetch?: ShopifyFetch; sleep?: (ms: number) => Promise<void> } = {},
): Promise<WebhookRegistration> {
  const store = await db.store.findFirst({
    where: { id: target.storeId, organizationId: target.organizationId },
    select: { id: true, channel: true, shopifyDomain: true, shopifyAccessToken: true, shopifyApiBaseUrl: true, shopifyApiVersion: true },
  });
  if (!store) throw new AppError("NOT_FOUND", "Store not found.");
  if (store.channel !== "BRAND_SITE" || !store.shopifyDomain || !store.shopifyAccessToken) {
    throw new AppError("BAD_REQUEST", "The store has no Shopify connection: set the shop domain and the Admin API access token first.");
  }
  const client = createShopifyAdminClient({
    shopDomain: store.shopifyDomain,
    accessToken: decryptSecret(store.shopifyAccessToken) as string,
    apiVersion: store.shopifyApiVersion,
    baseUrl: store.shopifyApiBaseUrl,
    fetch: options.fetch,
    sleep: options.sleep,
  });
  const callbackUrl = shopifyWebhookUrl(appUrl, store.id);
  const result: WebhookRegistration = { callbackUrl, registered: [], failed: [] };
  try {
    const existing = await client.listWebhookSubscriptions();
    const ours = new Set(existing.filter((s) => s.uri === callbackUrl).map((s) => s.topic));
    for (const topic of SHOPIFY_SUBSCRIBED_TOPICS) {
      if (ours.has(topic)) {
        result.registered.push(topic);
        continue;
      }
      const created = await client.createWebhookSubscription(topic, callbackUrl);
      if (created.ok) result.registered.push(topic);
      else result.failed.push({ topic, message: created.message });
    }
  } catch (error) {
    if (error instanceof ShopifyAuthError) {
      await db.store.update({
        where: { id: store.id },
        data: { connectionState: "DISCONNECTED", connectionMessage: error.message, connectionChangedAt: now },
        select: { id: true },
      });
      throw new AppError("BAD_REQUEST", error.message);
    }
    throw error;
  }
  await db.store.update({ where: { id: store.id }, data: { shopifyWebhookTopics: result.registered }, select: { id: true } });
  return result;
}
