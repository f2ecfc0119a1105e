import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeOrderNode, startFakeShopifyAdmin, type FakeShopify } from "@/lib/channels/fake-shopify-admin";
import { registerShopifyWebhooks } from "@/lib/channels/shopify-webhooks";
import { SyncRefusedError, connectedStores, syncStore } from "@/lib/channels/sync";
import { testDb } from "./db";

// The live Shopify Admin API connection against a fake Admin API on loopback that checks the
// access token, pages by cursor, reports costs and answers one 429.

const prisma = testDb();
const root = fileURLToPath(new URL("../", import.meta.url));
const TOKEN = "shpat_sync_test_token_0123456789";
const VERSION = "2026-10";
const noSleep = async () => undefined;

let orgId = "";
let orgName = "";
let seq = 0;
let fake: FakeShopify | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});
afterAll(() => prisma.$disconnect());
beforeAll(async () => {
  orgName = `Shopify sync org ${Date.now()}`;
  orgId = (await prisma.organization.create({ data: { name: orgName } })).id;
});

async function newStore(baseUrl: string | null, token = TOKEN) {
  return prisma.store.create({
    data: {
      organizationId: orgId,
      name: `Brand site ${++seq} ${Date.now()}`,
      channel: "BRAND_SITE",
      market: "US",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
      shopifyDomain: "demo-shop.myshopify.com",
      shopifyAccessToken: token,
      shopifyApiBaseUrl: baseUrl,
      shopifyApiVersion: VERSION,
    },
  });
}

// One of each shape the sync must read: paid unfulfilled, cash on delivery, shipped with tracking,
// a pending fulfilment (not shipped), delivered, cancelled, refunded before shipping, and yen.
const ORDERS = [
  fakeOrderNode({
    id: 5001,
    name: "#5001",
    createdAt: "2026-03-01T15:00:00Z",
    updatedAt: "2026-03-01T15:00:05Z",
    financial: "PAID",
    fulfillment: "UNFULFILLED",
    total: "439.00",
    lines: [
      { sku: "LS-M", name: "Linen Shirt - M", quantity: 1, price: "399.00" },
      { sku: "CT", name: "Canvas Tote", quantity: 2, price: "20.00" },
    ],
  }),
  fakeOrderNode({
    id: 5002,
    name: "#5002",
    createdAt: "2026-03-02T09:00:00Z",
    updatedAt: "2026-03-02T09:00:01Z",
    financial: "PENDING",
    fulfillment: "UNFULFILLED",
    total: "25.50",
    gateways: ["Cash on Delivery (COD)"],
  }),
  fakeOrderNode({
    id: 5003,
    name: "#5003",
    createdAt: "2026-03-02T10:00:00Z",
    updatedAt: "2026-03-03T16:00:00Z",
    financial: "PAID",
    fulfillment: "FULFILLED",
    total: "60.00",
    fulfillments: [
      { id: 901, status: "SUCCESS", displayStatus: "IN_TRANSIT", createdAt: "2026-03-03T16:00:00Z", company: "UPS", number: "1Z999AA10123456784" },
    ],
  }),
  fakeOrderNode({
    id: 5004,
    name: "#5004",
    createdAt: "2026-03-03T10:00:00Z",
    updatedAt: "2026-03-04T08:00:00Z",
    financial: "PAID",
    fulfillment: "UNFULFILLED",
    total: "15.00",
    fulfillments: [
      { id: 902, status: "PENDING", displayStatus: "LABEL_PRINTED", createdAt: "2026-03-04T08:00:00Z", company: "USPS", number: "9400111899223344556677" },
    ],
  }),
  fakeOrderNode({
    id: 5005,
    name: "#5005",
    createdAt: "2026-02-25T10:00:00Z",
    updatedAt: "2026-03-05T12:00:00Z",
    financial: "PAID",
    fulfillment: "FULFILLED",
    total: "80.00",
    fulfillments: [
      {
        id: 903,
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: "2026-02-26T14:00:00Z",
        updatedAt: "2026-03-05T12:00:00Z",
        company: "FedEx",
        number: "449044304137821",
      },
    ],
  }),
  fakeOrderNode({
    id: 5006,
    name: "#5006",
    createdAt: "2026-03-05T10:00:00Z",
    updatedAt: "2026-03-05T11:00:00Z",
    financial: "VOIDED",
    fulfillment: "UNFULFILLED",
    total: "12.00",
    cancelledAt: "2026-03-05T11:00:00Z",
  }),
  fakeOrderNode({
    id: 5007,
    name: "#5007",
    createdAt: "2026-03-06T10:00:00Z",
    updatedAt: "2026-03-06T11:00:00Z",
    financial: "REFUNDED",
    fulfillment: "UNFULFILLED",
    total: "30.00",
  }),
  fakeOrderNode({
    id: 5008,
    name: "#5008",
    createdAt: "2026-03-06T12:00:00Z",
    updatedAt: "2026-03-06T12:30:00Z",
    financial: "PAID",
    fulfillment: "UNFULFILLED",
    total: "4300",
    currency: "JPY",
    lines: [{ sku: "TEA", name: "Sencha", quantity: 1, price: "4300" }],
  }),
];

describe("Shopify sync (backfill and incremental) against the fake Admin API", () => {
  it("imports exactly the fake server's orders — counts, money, times, statuses, tracking — and a second run changes nothing", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: ORDERS, throttle429At: 2, availableAfter: [1500, 5, 1500] });
    const store = await newStore(fake.baseUrl);
    const now = new Date("2026-03-20T00:00:00Z");
    const first = await syncStore(prisma, { storeId: store.id, organizationId: orgId }, now, { sleep: noSleep, pageSize: 3 });
    expect(first).toEqual({ since: "2026-02-18T00:00:00.000Z", orders: 8, created: 8, updated: 0, unchanged: 0, errors: [] });
    // Three pages by cursor, the second answered 429 once and retried.
    expect(fake.requests.map((r) => r.status)).toEqual([200, 429, 200, 200]);
    expect(fake.requests.every((r) => r.token === TOKEN)).toBe(true);

    const rows = await prisma.order.findMany({
      where: { storeId: store.id },
      orderBy: { externalId: "asc" },
      select: {
        externalId: true,
        sourceId: true,
        status: true,
        totalMinor: true,
        currency: true,
        placedAt: true,
        paidAt: true,
        inTransitAt: true,
        deliveredAt: true,
        cancelledAt: true,
        carrier: true,
        trackingNumber: true,
        fulfillmentType: true,
      },
    });
    expect(rows.map((r) => [r.externalId, r.sourceId, r.status, r.totalMinor, r.currency, r.carrier, r.trackingNumber])).toEqual([
      ["#5001", "5001", "AWAITING_SHIPMENT", 43900, "USD", null, null],
      ["#5002", "5002", "AWAITING_SHIPMENT", 2550, "USD", null, null],
      ["#5003", "5003", "IN_TRANSIT", 6000, "USD", "UPS", "1Z999AA10123456784"],
      ["#5004", "5004", "AWAITING_SHIPMENT", 1500, "USD", "USPS", "9400111899223344556677"],
      ["#5005", "5005", "DELIVERED", 8000, "USD", "FedEx", "449044304137821"],
      ["#5006", "5006", "CANCELLED", 1200, "USD", null, null],
      ["#5007", "5007", "CANCELLED", 3000, "USD", null, null],
      ["#5008", "5008", "AWAITING_SHIPMENT", 4300, "JPY", null, null],
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(by["#5001"]?.placedAt).toEqual(new Date("2026-03-01T15:00:00Z"));
    expect(by["#5001"]?.paidAt).toEqual(new Date("2026-03-01T15:00:00Z"));
    expect(by["#5002"]?.paidAt).toBeNull(); // COD: on the clock, not paid
    expect(by["#5003"]?.inTransitAt).toEqual(new Date("2026-03-03T16:00:00Z"));
    expect(by["#5004"]?.inTransitAt).toBeNull(); // a pending fulfilment is not dispatch
    expect(by["#5005"]?.deliveredAt).toEqual(new Date("2026-03-05T12:00:00Z"));
    expect(by["#5006"]?.cancelledAt).toEqual(new Date("2026-03-05T11:00:00Z"));
    expect(
      await prisma.orderLine.findMany({
        where: { order: { storeId: store.id, externalId: "#5001" } },
        orderBy: { position: "asc" },
        select: { sku: true, quantity: true, unitPriceMinor: true },
      }),
    ).toEqual([
      { sku: "LS-M", quantity: 1, unitPriceMinor: 39900 },
      { sku: "CT", quantity: 2, unitPriceMinor: 2000 },
    ]);
    const stored = await prisma.store.findUniqueOrThrow({
      where: { id: store.id },
      select: { lastSyncedAt: true, connectionState: true, syncLockedUntil: true },
    });
    expect(stored).toEqual({ lastSyncedAt: now, connectionState: "CONNECTED", syncLockedUntil: null });

    const before = await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { externalId: "asc" } });
    // Incremental: only orders updated since the last sync (minus the overlap) are asked for.
    const later = new Date("2026-03-20T00:10:00Z");
    expect(await syncStore(prisma, { storeId: store.id, organizationId: orgId }, later, { sleep: noSleep })).toMatchObject({
      since: "2026-03-19T23:55:00.000Z",
      orders: 0,
      created: 0,
      updated: 0,
    });
    // A second backfill over the same orders: nothing changes.
    const again = await syncStore(prisma, { storeId: store.id, organizationId: orgId }, later, { sleep: noSleep, since: new Date("2026-01-01T00:00:00Z") });
    expect(again).toMatchObject({ orders: 8, created: 0, updated: 0, unchanged: 8, errors: [] });
    expect(await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { externalId: "asc" } })).toEqual(before);
  });

  it("an order the sync cannot read is named in errors, the rest imported", async () => {
    const broken = {
      ...fakeOrderNode({
        id: 5101,
        name: "#5101",
        createdAt: "2026-03-01T15:00:00Z",
        updatedAt: "2026-03-01T15:00:05Z",
        financial: "PAID",
        fulfillment: "UNFULFILLED",
        total: "1.00",
      }),
      totalPriceSet: null,
    };
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: [broken, ORDERS[0]!] });
    const store = await newStore(fake.baseUrl);
    const r = await syncStore(prisma, { storeId: store.id, organizationId: orgId }, new Date("2026-03-20T00:00:00Z"), { sleep: noSleep });
    expect(r).toMatchObject({ orders: 2, created: 1, errors: [{ order: "#5101", message: expect.stringContaining("totalPriceSet") }] });
  });

  it("refused credentials: the store shows disconnected with Shopify's message after one request, and the schedule leaves it alone", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: ORDERS });
    const store = await newStore(fake.baseUrl, "shpat_revoked_token_00000000");
    expect((await connectedStores(prisma)).map((s) => s.id)).toContain(store.id);
    await expect(syncStore(prisma, { storeId: store.id, organizationId: orgId }, new Date("2026-03-20T00:00:00Z"), { sleep: noSleep })).rejects.toThrow(
      SyncRefusedError,
    );
    expect(fake.requests).toHaveLength(1);
    const s = await prisma.store.findUniqueOrThrow({
      where: { id: store.id },
      select: { connectionState: true, connectionMessage: true, lastSyncedAt: true, syncLockedUntil: true },
    });
    expect(s).toEqual({
      connectionState: "DISCONNECTED",
      connectionMessage: expect.stringContaining("Invalid API key or access token"),
      lastSyncedAt: null,
      syncLockedUntil: null,
    });
    expect((await connectedStores(prisma)).map((x) => x.id)).not.toContain(store.id);
  });

  it("never two syncs of one store at once", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: ORDERS });
    const store = await newStore(fake.baseUrl);
    const now = new Date("2026-03-20T00:00:00Z");
    const results = await Promise.allSettled([
      syncStore(prisma, { storeId: store.id, organizationId: orgId }, now, { sleep: noSleep }),
      syncStore(prisma, { storeId: store.id, organizationId: orgId }, now, { sleep: noSleep }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(SyncRefusedError);
    expect(String(refused.reason.message)).toMatch(/already running/);
  });

  it("registers the order and fulfilment webhooks through the API, once", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: [] });
    const store = await newStore(fake.baseUrl);
    const r = await registerShopifyWebhooks(prisma, { storeId: store.id, organizationId: orgId }, "https://seller.example.com/", new Date());
    expect(r.failed).toEqual([]);
    expect(r.callbackUrl).toBe(`https://seller.example.com/api/webhooks/shopify/${store.id}`);
    expect(fake.subscriptions.map((s) => s.topic)).toEqual([
      "ORDERS_CREATE",
      "ORDERS_UPDATED",
      "ORDERS_PAID",
      "ORDERS_CANCELLED",
      "ORDERS_FULFILLED",
      "FULFILLMENTS_CREATE",
      "FULFILLMENTS_UPDATE",
      "REFUNDS_CREATE",
    ]);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).shopifyWebhookTopics).toHaveLength(8);
    await registerShopifyWebhooks(prisma, { storeId: store.id, organizationId: orgId }, "https://seller.example.com", new Date());
    expect(fake.subscriptions).toHaveLength(8);
  });
});

describe("CLIs: store set and sync", () => {
  const databaseUrl = inject("databaseUrl");
  const run = (script: string, args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("store set writes the keys and prints the settings with secrets masked; sync prints one JSON line; bad input exits 2", async () => {
    fake = await startFakeShopifyAdmin({ accessToken: TOKEN, apiVersion: VERSION, orders: ORDERS.slice(0, 2) });
    const store = await newStore(null, "placeholder-token");
    await prisma.store.update({ where: { id: store.id }, data: { shopifyDomain: null, shopifyAccessToken: null } });

    const noConnection = await run("scripts/sync.ts", ["--store", store.name, "--org", orgName]);
    expect(noConnection.code).toBe(2);
    expect(noConnection.stderr.trim().split("\n").at(-1)).toMatch(/no Shopify connection/);

    const set = await run("scripts/store.ts", [
      "set",
      "--store",
      store.name,
      "--org",
      orgName,
      "shopifyDomain=demo-shop.myshopify.com",
      `shopifyAccessToken=${TOKEN}`,
      `shopifyApiBaseUrl=${fake.baseUrl}`,
      "webhookSecret=shpss_app_secret_1234",
    ]);
    expect(set.code).toBe(0);
    const printed = JSON.parse(set.stdout.trim()) as { settings: Record<string, string | null> };
    expect(printed.settings).toMatchObject({
      shopifyDomain: "demo-shop.myshopify.com",
      shopifyAccessToken: "********6789",
      shopifyApiBaseUrl: fake.baseUrl,
      webhookSecret: "********1234",
      tiktokAppSecret: null,
    });
    expect(set.stdout).not.toContain(TOKEN);

    const sync = await run("scripts/sync.ts", ["--store", store.name, "--org", orgName, "--since", "2026-01-01T00:00:00Z"]);
    expect(sync.code).toBe(0);
    expect(sync.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(sync.stdout)).toEqual({ orders: 2, created: 2, updated: 0, unchanged: 0, errors: [] });

    const unknownKey = await run("scripts/store.ts", ["set", "--store", store.name, "--org", orgName, "shopifyPassword=x"]);
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toMatch(/unknown key "shopifyPassword"/);
    const unknownStore = await run("scripts/store.ts", ["set", "--store", "No such store", "shopifyApiVersion=2026-10"]);
    expect(unknownStore.code).toBe(2);
    expect(unknownStore.stderr).toMatch(/unknown store "No such store"/);

    const revoked = await run("scripts/store.ts", ["set", "--store", store.name, "--org", orgName, "shopifyAccessToken=shpat_revoked_000000000"]);
    expect(revoked.code).toBe(0);
    const refused = await run("scripts/sync.ts", ["--store", store.name, "--org", orgName]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n").at(-1)).toMatch(/Invalid API key or access token/);
  }, 120_000);
});
