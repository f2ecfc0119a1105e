import { afterEach, describe, expect, it } from "vitest";
import { fakeOrderNode, startFakeShopifyAdmin, type FakeShopify } from "./fake-shopify-admin";
import { ShopifyAuthError, createShopifyAdminClient } from "./shopify-admin";

const TOKEN = "shpat_0123456789abcdef0123456789abcdef";
const VERSION = "2026-10";
let fake: FakeShopify | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const orders = Array.from({ length: 5 }, (_, i) =>
  fakeOrderNode({
    id: 1000 + i,
    name: `#${1000 + i}`,
    createdAt: `2026-03-0${i + 1}T10:00:00Z`,
    updatedAt: `2026-03-0${i + 1}T12:00:00Z`,
    financial: "PAID",
    fulfillment: "UNFULFILLED",
    total: "10.00",
  }),
);

function client(sleeps: number[], token = TOKEN) {
  return createShopifyAdminClient({
    shopDomain: "demo-shop.myshopify.com",
    accessToken: token,
    apiVersion: VERSION,
    baseUrl: fake?.baseUrl,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

async function all(gen: AsyncGenerator<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of gen) out.push(...page);
  return out;
}

describe("Shopify Admin GraphQL client against a fake Admin API on loopback", () => {
  it("posts to <base>/admin/api/<version>/graphql.json with the access token and pages by cursor", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders });
    const sleeps: number[] = [];
    const got = await all(client(sleeps).ordersUpdatedSince(new Date("2026-03-02T00:00:00Z"), { pageSize: 2 }));
    expect(got.map((o) => (o as { name: string }).name)).toEqual(["#1001", "#1002", "#1003", "#1004"]);
    expect(fake.requests.map((r) => [r.path, r.token, r.variables.after ?? null, r.variables.query])).toEqual([
      [`/admin/api/${VERSION}/graphql.json`, TOKEN, null, "updated_at:>='2026-03-02T00:00:00.000Z' status:any"],
      [`/admin/api/${VERSION}/graphql.json`, TOKEN, Buffer.from("cursor:1").toString("base64"), "updated_at:>='2026-03-02T00:00:00.000Z' status:any"],
    ]);
    expect(sleeps).toEqual([]);
  });

  it("waits for the cost bucket to refill when the last response left less than a query costs", async () => {
    // After page 1 only 10 points are left; a query costs 52 and 100 points drip back per second.
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders, availableAfter: [10, 1900], queryCost: 52, restoreRate: 100 });
    const sleeps: number[] = [];
    const got = await all(client(sleeps).ordersUpdatedSince(new Date("2026-01-01T00:00:00Z"), { pageSize: 3 }));
    expect(got).toHaveLength(5);
    expect(sleeps).toEqual([420]);
  });

  it("answers a 429 by waiting Retry-After, then carries on", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders, throttle429At: 2, retryAfterSeconds: 2 });
    const sleeps: number[] = [];
    const got = await all(client(sleeps).ordersUpdatedSince(new Date("2026-01-01T00:00:00Z"), { pageSize: 3 }));
    expect(got).toHaveLength(5);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(sleeps).toEqual([2000]);
  });

  it("a THROTTLED answer waits once for the bucket to refill, then retries", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders, failures: { 1: "THROTTLED" }, queryCost: 52, restoreRate: 100 });
    const sleeps: number[] = [];
    const got = await all(client(sleeps).ordersUpdatedSince(new Date("2026-01-01T00:00:00Z"), { pageSize: 5 }));
    expect(got).toHaveLength(5);
    expect(fake.requests).toHaveLength(2);
    // 52 points wanted, 0 counted as left: 0.52 s at 100 points a second, waited once.
    expect(sleeps).toEqual([520]);
  });

  it("retries a 5xx and a dropped connection with backoff", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders, failures: { 1: 503, 2: "drop" } });
    const sleeps: number[] = [];
    const got = await all(client(sleeps).ordersUpdatedSince(new Date("2026-01-01T00:00:00Z"), { pageSize: 5 }));
    expect(got).toHaveLength(5);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 0, 200]);
    // Full jitter around 500 ms, then 1 s (random fixed at 0.5).
    expect(sleeps).toEqual([375, 750]);
  });

  it("refused credentials: one request, a ShopifyAuthError with Shopify's message, no retries", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders });
    const sleeps: number[] = [];
    await expect(all(client(sleeps, "shpat_wrong_token_000000").ordersUpdatedSince(new Date(0)))).rejects.toThrow(ShopifyAuthError);
    await expect(all(client(sleeps, "shpat_wrong_token_000000").ordersUpdatedSince(new Date(0)))).rejects.toThrow(/Invalid API key or access token/);
    expect(fake.requests.map((r) => r.status)).toEqual([401, 401]);
    expect(sleeps).toEqual([]);
  });

  it("creates webhook subscriptions and lists them", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: [] });
    const c = client([]);
    expect(await c.createWebhookSubscription("ORDERS_CREATE", "https://app.example/api/webhooks/shopify/s1")).toMatchObject({ ok: true });
    expect(await c.createWebhookSubscription("ORDERS_CREATE", "https://app.example/api/webhooks/shopify/s1")).toEqual({
      ok: false,
      message: "Address for this topic has already been taken",
    });
    expect(await c.listWebhookSubscriptions()).toEqual([
      { id: "gid://shopify/WebhookSubscription/1", topic: "ORDERS_CREATE", uri: "https://app.example/api/webhooks/shopify/s1" },
    ]);
  });
});
