// Connection health per store and the disconnected flag: a TikTok type 6 deauthorisation push
// turns the store red (its health, a CRITICAL flag in the risk queue); webhook deliveries that
// fail or cannot be verified are counted for 24 h; new credentials clear the flag.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as shopifyPost } from "@/app/api/webhooks/shopify/[storeId]/route";
import { POST as tiktokPost } from "@/app/api/webhooks/tiktok/[storeId]/route";
import { applyStoreSettings } from "@/lib/channels/store-settings";
import { listStoreHealth } from "@/lib/data/connection-health";
import { getRiskQueue } from "@/lib/data/risk";
import type { DataScope } from "@/lib/data/scope";
import { testDb } from "./db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const APP_KEY = "health_app_key";
const APP_SECRET = "health_app_secret";
const SHOP_SECRET = "shpss_health_secret";
let orgId = "";
let scope: DataScope;
let seq = 0;

const params = (storeId: string) => ({ params: Promise.resolve({ storeId }) });
function tiktokPush(storeId: string, body: string, secret = APP_SECRET) {
  const sig = createHmac("sha256", secret).update(APP_KEY).update(body).digest("hex");
  return tiktokPost(
    new Request(`http://localhost/api/webhooks/tiktok/${storeId}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: sig },
      body,
    }),
    params(storeId),
  );
}
const envelope = (type: number, data: unknown) =>
  JSON.stringify({ type, tts_notification_id: `74000000000${String(++seq).padStart(8, "0")}`, shop_id: "7494049642642441621", timestamp: 1_770_000_000, data });

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Health org ${Date.now()}` } })).id;
  scope = { organizationId: orgId, supplierId: null, role: "OWNER" };
});

async function tiktokStore(name: string) {
  return prisma.store.create({
    data: {
      organizationId: orgId,
      name,
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      joinedOn: new Date("2024-01-01"),
      tiktokAppKey: APP_KEY,
      tiktokAppSecret: APP_SECRET,
      tiktokAccessToken: "health_access_token",
      tiktokShopCipher: "GCP_H",
      connectionState: "CONNECTED",
      lastSyncedAt: new Date(Date.now() - 12 * 60_000),
    },
  });
}

describe("connection health", () => {
  it("a deauthorisation push turns the store red and raises a critical flag in the risk queue; new credentials clear it", async () => {
    const store = await tiktokStore("TikTok red");
    const before = (await listStoreHealth(scope, new Date())).get(store.id)!;
    expect(before).toMatchObject({ state: "connected", tone: "ok" });
    expect(before.line).toBe("Connected · last sync 12 min ago");

    const res = await tiktokPush(store.id, envelope(6, { message: "seller deauthorized" }));
    expect(res.status).toBe(200);
    const after = (await listStoreHealth(scope, new Date())).get(store.id)!;
    expect(after).toMatchObject({ state: "needs_reauthorisation", tone: "bad", message: expect.stringContaining("deauthorised") });
    const queue = await getRiskQueue(scope, { storeId: store.id, limit: 10 }, new Date());
    const flag = queue.items.find((i) => i.rule === "connection.disconnected");
    expect(flag).toMatchObject({ severity: "CRITICAL", reason: expect.stringContaining("TikTok red") });

    await applyStoreSettings(prisma, store.id, { tiktokAccessToken: "a_new_access_token" }, "test");
    expect((await getRiskQueue(scope, { storeId: store.id, limit: 10 }, new Date())).items.some((i) => i.rule === "connection.disconnected")).toBe(false);
  });

  it("counts unverified and failed webhook deliveries of the last 24 h", async () => {
    const store = await tiktokStore("TikTok hooks");
    expect((await tiktokPush(store.id, envelope(1, { order_id: "1" }), "a-wrong-secret")).status).toBe(401);
    expect((await tiktokPush(store.id, envelope(1, { order_id: "1" }), "another-wrong-secret")).status).toBe(401);
    const health = (await listStoreHealth(scope, new Date())).get(store.id)!;
    expect(health).toMatchObject({ state: "webhooks_failing", tone: "warn", webhooks: { unverified: 2, failed: 0 } });
    expect(health.line).toContain("2 failed or unverified webhooks in 24 h");
    // A day later the count has aged out.
    expect((await listStoreHealth(scope, new Date(Date.now() + 25 * 3_600_000))).get(store.id)).toMatchObject({ state: "connected" });

    const shop = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "Brand hooks",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "America/New_York",
        joinedOn: new Date("2024-01-01"),
        webhookSecret: SHOP_SECRET,
        shopifyDomain: "h.myshopify.com",
        shopifyAccessToken: "shpat_health",
      },
    });
    const body = "{not json";
    const hmac = createHmac("sha256", SHOP_SECRET).update(body).digest("base64");
    const bad = await shopifyPost(
      new Request(`http://localhost/api/webhooks/shopify/${shop.id}`, {
        method: "POST",
        headers: { "x-shopify-topic": "orders/create", "x-shopify-event-id": "e1", "x-shopify-hmac-sha256": hmac },
        body,
      }),
      params(shop.id),
    );
    expect(bad.status).toBe(400);
    expect((await listStoreHealth(scope, new Date())).get(shop.id)).toMatchObject({ state: "webhooks_failing", webhooks: { unverified: 0, failed: 1 } });
  });

  it("an unknown store id adds no row; a store without credentials is not connected; an expiring token without a refresh token warns", async () => {
    const res = await tiktokPush("no-such-store", envelope(1, {}));
    expect(res.status).toBe(401);
    expect(await prisma.webhookFailureCount.count({ where: { storeId: "no-such-store" } })).toBe(0);
    const csv = await prisma.store.create({
      data: { organizationId: orgId, name: "CSV only", channel: "TIKTOK_SHOP", market: "US", timeZone: "UTC", joinedOn: new Date("2024-01-01") },
    });
    expect((await listStoreHealth(scope, new Date())).get(csv.id)).toMatchObject({ state: "not_connected", line: "Not connected to an API" });
    const expiring = await tiktokStore("TikTok expiring");
    await prisma.store.update({ where: { id: expiring.id }, data: { tiktokAccessTokenExpiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await listStoreHealth(scope, new Date())).get(expiring.id)).toMatchObject({ state: "token_expiring", tokenRefreshedAutomatically: false });
    await prisma.store.update({ where: { id: expiring.id }, data: { tiktokRefreshToken: "refresh_me_please" } });
    expect((await listStoreHealth(scope, new Date())).get(expiring.id)).toMatchObject({ state: "connected", tokenRefreshedAutomatically: true });
  });
});
