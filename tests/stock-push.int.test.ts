// Stock written back to both channels: sellable = supplier stock − open demand of both channels −
// the store's safety buffer, pushed after a listing change (TikTok inventory update, Shopify
// inventorySetQuantities at the location), at most once per SKU per store a minute; the oversell
// flag says when a push is pending or failed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setStock } from "@/lib/actions/compliance";
import { setStockSafetyBuffer } from "@/lib/actions/pushes";
import type { SessionUser } from "@/lib/auth";
import { startFakeShopifyAdmin, type FakeShopify } from "@/lib/channels/fake-shopify-admin";
import { startFakeTikTokPartner, type FakeTikTok } from "@/lib/channels/fake-tiktok-partner";
import { runPush } from "@/lib/channels/push";
import { queueStockChanges, sellableQuantity } from "@/lib/channels/stock-push";
import { getRiskQueue } from "@/lib/data/risk";
import { setPushDispatcher } from "@/lib/jobs/push-queue";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const prisma = testDb();
const APP = { appKey: "stock_app_key", appSecret: "stock_app_secret", accessToken: "stock_access_token", shopCipher: "GCP_ST" };
const SHOP = { accessToken: "shpat_stock_token", apiVersion: "2026-10" };

let tiktok: FakeTikTok;
let shopify: FakeShopify;
let owner: SessionUser;
let orgId: string;
let tiktokStoreId: string;
let shopifyStoreId: string;
let listingId: string;
const soon = (ms = 0) => new Date(Date.now() + 1000 + ms);

beforeAll(async () => {
  tiktok = await startFakeTikTokPartner({
    ...APP,
    products: [{ id: "1729500000000000001", skus: [{ id: "1729500000000000101", sellerSku: "TEE-BLK-M", warehouseId: "7068517275539719942" }] }],
  });
  shopify = await startFakeShopifyAdmin({ ...SHOP, orders: [] });
  shopify.inventoryItems.set("TEE-BLK-M", "gid://shopify/InventoryItem/4401");
  const org = await prisma.organization.create({ data: { name: `Stock org ${Date.now()}` } });
  orgId = org.id;
  owner = await prisma.user.create({
    data: { organizationId: org.id, email: `stock-owner-${Date.now()}@test.local`, name: "Owner", passwordHash: "x", role: "OWNER" },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
  });
  const base = { organizationId: org.id, market: "US" as const, timeZone: "America/New_York", joinedOn: new Date("2024-01-01") };
  tiktokStoreId = (
    await prisma.store.create({
      data: {
        ...base,
        name: "TikTok",
        channel: "TIKTOK_SHOP",
        kind: "LOCAL",
        tiktokAppKey: APP.appKey,
        tiktokAppSecret: APP.appSecret,
        tiktokAccessToken: APP.accessToken,
        tiktokShopCipher: APP.shopCipher,
        tiktokApiBaseUrl: tiktok.baseUrl,
      },
    })
  ).id;
  shopifyStoreId = (
    await prisma.store.create({
      data: {
        ...base,
        name: "Brand site",
        channel: "BRAND_SITE",
        shopifyDomain: "stock.myshopify.com",
        shopifyAccessToken: SHOP.accessToken,
        shopifyApiVersion: SHOP.apiVersion,
        shopifyApiBaseUrl: shopify.baseUrl,
        stockSafetyBuffer: 2,
      },
    })
  ).id;
  listingId = (await prisma.listing.create({ data: { organizationId: org.id, sku: "TEE-BLK-M", name: "Tee", availableStock: 10 } })).id;
  // Open demand: 2 units on TikTok, 1 on the brand site; a cancelled order does not count.
  const order = (
    storeId: string,
    channel: "TIKTOK_SHOP" | "BRAND_SITE",
    externalId: string,
    quantity: number,
    status: "AWAITING_SHIPMENT" | "CANCELLED" = "AWAITING_SHIPMENT",
  ) =>
    prisma.order.create({
      data: {
        organizationId: org.id,
        storeId,
        channel,
        externalId,
        status,
        placedAt: new Date("2026-03-01T10:00:00Z"),
        currency: "USD",
        totalMinor: 1000,
        lines: { create: [{ position: 1, sku: "TEE-BLK-M", productName: "Tee", quantity, unitPriceMinor: 1000 }] },
      },
    });
  await order(tiktokStoreId, "TIKTOK_SHOP", "5770001", 2);
  await order(shopifyStoreId, "BRAND_SITE", "#2001", 1);
  await order(shopifyStoreId, "BRAND_SITE", "#2002", 5, "CANCELLED");
  setPushDispatcher(async () => undefined);
});

afterAll(async () => {
  setPushDispatcher(undefined);
  await tiktok.close();
  await shopify.close();
  await prisma.$disconnect();
});

async function pendingStock(storeId: string) {
  return prisma.channelPush.findMany({ where: { storeId, kind: "STOCK", status: "PENDING" }, orderBy: { createdAt: "asc" } });
}

describe("stock written back", () => {
  it("sellable never goes below zero and the buffer is never negative", () => {
    expect(sellableQuantity(10, 3, 2)).toBe(5);
    expect(sellableQuantity(2, 3, 0)).toBe(0);
    expect(sellableQuantity(5, 0, -4)).toBe(5);
  });

  it("a listing change pushes each store its sellable quantity: TikTok inventory update, Shopify inventorySetQuantities at the location", async () => {
    session.user = owner;
    expect(await setStock({ listingId, availableStock: 20 })).toMatchObject({ ok: true });
    const [tt] = await pendingStock(tiktokStoreId);
    const [sh] = await pendingStock(shopifyStoreId);
    expect(tt?.payload).toEqual({ quantity: 17 }); // 20 − 3 open units
    expect(sh?.payload).toEqual({ quantity: 15 }); // 20 − 3 − buffer 2
    expect(await runPush(prisma, tt!.id, soon())).toMatchObject({ status: "SENT" });
    expect(await runPush(prisma, sh!.id, soon())).toMatchObject({ status: "SENT" });
    expect(tiktok.inventory.get("1729500000000000001/1729500000000000101")).toBe(17);
    expect(tiktok.writes(/inventory\/update$/).at(-1)?.body).toEqual({
      skus: [{ id: "1729500000000000101", inventory: [{ warehouse_id: "7068517275539719942", quantity: 17 }] }],
    });
    expect(shopify.quantities.get("gid://shopify/InventoryItem/4401|gid://shopify/Location/1")).toBe(15);
  });

  it("at most once per SKU per minute: a second change waits for the minute, a third rewrites the waiting push", async () => {
    session.user = owner;
    await setStock({ listingId, availableStock: 30 });
    await setStock({ listingId, availableStock: 31 });
    const waiting = await pendingStock(tiktokStoreId);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.payload).toEqual({ quantity: 28 });
    const last = await prisma.channelPush.findFirstOrThrow({ where: { storeId: tiktokStoreId, kind: "STOCK", status: "SENT" }, orderBy: { sentAt: "desc" } });
    expect(waiting[0]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(last.sentAt!.getTime() + 60_000);
    expect(await runPush(prisma, waiting[0]!.id, soon())).toEqual({ status: "SKIPPED" });
    expect(await runPush(prisma, waiting[0]!.id, soon(61_000))).toMatchObject({ status: "SENT" });
    expect(tiktok.inventory.get("1729500000000000001/1729500000000000101")).toBe(28);
    // Nothing changed since: the sweep queues nothing for the TikTok store.
    const before = await prisma.channelPush.count({ where: { storeId: tiktokStoreId, kind: "STOCK" } });
    await queueStockChanges(prisma, new Date(Date.now() - 120_000), new Date());
    expect(await prisma.channelPush.count({ where: { storeId: tiktokStoreId, kind: "STOCK" } })).toBe(before);
  });

  it("a new order moves open demand: the sweep queues the lower quantity", async () => {
    for (const p of await pendingStock(shopifyStoreId)) await runPush(prisma, p.id, soon(61_000));
    await prisma.order.create({
      data: {
        organizationId: orgId,
        storeId: shopifyStoreId,
        channel: "BRAND_SITE",
        externalId: "#2003",
        status: "AWAITING_SHIPMENT",
        placedAt: new Date("2026-03-02T10:00:00Z"),
        currency: "USD",
        totalMinor: 1000,
        lines: { create: [{ position: 1, sku: "TEE-BLK-M", productName: "Tee", quantity: 4, unitPriceMinor: 1000 }] },
      },
    });
    await queueStockChanges(prisma, new Date(Date.now() - 120_000), new Date());
    expect((await pendingStock(tiktokStoreId)).map((p) => p.payload)).toEqual([{ quantity: 24 }]);
    expect((await pendingStock(shopifyStoreId)).map((p) => p.payload)).toEqual([{ quantity: 22 }]);
  });

  it("the owner's safety buffer changes what is pushed; the oversell flag says a push is pending or failed", async () => {
    session.user = owner;
    expect(await setStockSafetyBuffer({ storeId: tiktokStoreId, stockSafetyBuffer: "5" })).toMatchObject({ ok: true });
    expect((await pendingStock(tiktokStoreId)).map((p) => p.payload)).toEqual([{ quantity: 19 }]);
    expect(await setStockSafetyBuffer({ storeId: tiktokStoreId, stockSafetyBuffer: "-1" })).toMatchObject({
      ok: false,
      fieldErrors: { stockSafetyBuffer: "At least 0" },
    });

    // Oversold: 3 in stock, 7 open units.
    session.user = owner;
    await setStock({ listingId, availableStock: 3 });
    const shopPush = (await pendingStock(shopifyStoreId))[0]!;
    shopify.failOnce(/inventorySetQuantities\(/, { userError: "The quantity couldn't be updated because the location was deactivated" });
    expect(await runPush(prisma, shopPush.id, soon(300_000))).toMatchObject({ status: "FAILED" });
    const flag = (await getRiskQueue({ organizationId: orgId, supplierId: null, role: "OWNER" }, { limit: 50 }, new Date())).items.find(
      (i) => i.rule === "inventory.oversell_risk",
    );
    expect(flag?.reason).toContain("stock push to TikTok pending");
    expect(flag?.reason).toContain("stock push to Brand site failed: The quantity couldn't be updated");
  });
});
