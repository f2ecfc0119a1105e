import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SyncRefusedError, syncStore } from "@/lib/channels/sync";
import { syncTikTokStore } from "@/lib/ingest/sync-store";
import { signTikTokRequest, type TikTokApiOrder } from "@/lib/ingest/tiktok-api";
import { testDb } from "./db";

const prisma = testDb();

const APP_KEY = "sync_app_key";
const APP_SECRET = "sync_app_secret";
const TOKEN = "sync_token";
const CIPHER = "GCP_SYNC";

function apiOrder(id: string, updateTime: number, status: TikTokApiOrder["status"] = "AWAITING_SHIPMENT"): TikTokApiOrder {
  return {
    id,
    status,
    create_time: 1_767_000_000,
    update_time: updateTime,
    paid_time: 1_767_000_060,
    collection_time: status === "IN_TRANSIT" ? updateTime : null,
    delivery_time: null,
    cancel_time: null,
    shipping_type: "TIKTOK",
    tracking_number: status === "IN_TRANSIT" ? "9400111899223344556677" : null,
    shipping_provider: status === "IN_TRANSIT" ? "USPS" : null,
    payment: { currency: "USD", total_amount: "25.00" },
    recipient_address: { name: "Ana Lopez", postal_code: "02134", region_code: "US" },
    line_items: [
      { id: "1", sku_id: "1729384756102938475", seller_sku: "TEE", product_name: "Tee", sku_name: null, original_price: "12.50", sale_price: "12.50" },
      { id: "2", sku_id: "1729384756102938475", seller_sku: "TEE", product_name: "Tee", sku_name: null, original_price: "12.50", sale_price: "12.50" },
    ],
  };
}

let server: Server;
let baseUrl = "";
const requests: { path: string; filter: { update_time_ge?: number }; pageToken: string | undefined; signed: boolean }[] = [];
// What the fake API holds; each test sets it.
let catalogue: TikTokApiOrder[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const query = Object.fromEntries(url.searchParams);
      const body = Buffer.concat(chunks).toString("utf8");
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const expected = signTikTokRequest({ path: url.pathname, query, body: req.method === "GET" ? undefined : body, appSecret: APP_SECRET });
      const signed = query.sign === expected && query.app_key === APP_KEY && query.shop_cipher === CIPHER && req.headers["x-tts-access-token"] === TOKEN;
      const filter = body ? (JSON.parse(body) as { update_time_ge?: number }) : {};
      requests.push({ path: url.pathname, filter, pageToken: query.page_token, signed });
      if (!signed) return send(401, { code: 106001, message: "invalid signature" });
      if (url.pathname !== "/order/202309/orders/search") return send(404, { code: 1, message: "not found" });
      const matching = catalogue.filter((o) => o.update_time >= (filter.update_time_ge ?? 0)).sort((a, b) => a.update_time - b.update_time);
      const size = Number(query.page_size);
      const start = query.page_token ? Number(query.page_token) : 0;
      const page = matching.slice(start, start + size);
      const next = start + size < matching.length ? String(start + size) : "";
      send(200, { code: 0, message: "Success", data: { orders: page, next_page_token: next, total_count: matching.length } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await prisma.$disconnect();
});

async function newStore(secret = APP_SECRET) {
  const org = await prisma.organization.create({ data: { name: `Sync org ${Date.now()}-${Math.random()}` } });
  const store = await prisma.store.create({
    data: {
      organizationId: org.id,
      name: "TikTok US",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/Los_Angeles",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
      tiktokAppKey: APP_KEY,
      tiktokAppSecret: secret,
      tiktokAccessToken: TOKEN,
      tiktokShopCipher: CIPHER,
      tiktokApiBaseUrl: baseUrl,
    },
  });
  return { org, store };
}

describe("syncTikTokStore against a fake API that checks the signature", () => {
  it("pulls every page of orders updated in the last 30 days, then only what changed since the last sync", async () => {
    const { org, store } = await newStore();
    const now = new Date("2026-01-10T00:00:00Z");
    catalogue = Array.from({ length: 150 }, (_, i) => apiOrder(String(583870900000001000n + BigInt(i)), 1_767_500_000 + i));
    requests.length = 0;
    const first = await syncTikTokStore(prisma, { storeId: store.id, organizationId: org.id }, now);
    expect(first).toMatchObject({ orders: 150, created: 150, updated: 0, unchanged: 0, since: "2025-12-11T00:00:00.000Z" });
    expect(requests.every((r) => r.signed)).toBe(true);
    expect(requests.map((r) => r.pageToken)).toEqual([undefined, "100"]);
    expect(requests[0]?.filter.update_time_ge).toBe(Math.floor(new Date("2025-12-11T00:00:00Z").getTime() / 1000));
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(150);
    const o = await prisma.order.findFirstOrThrow({ where: { storeId: store.id, externalId: "583870900000001000" }, include: { lines: true } });
    expect(o).toMatchObject({ status: "AWAITING_SHIPMENT", labelSource: "TIKTOK_SHIPPING", totalMinor: 2500, shipFromCountry: "US" });
    expect(o.lines).toEqual([expect.objectContaining({ sku: "TEE", quantity: 2, unitPriceMinor: 1250 })]);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).lastSyncedAt).toEqual(now);

    // One order ships later; the next sync asks from the last sync (minus the overlap) and updates it.
    const shippedAt = Math.floor(new Date("2026-01-10T06:00:00Z").getTime() / 1000);
    catalogue[0] = apiOrder("583870900000001000", shippedAt, "IN_TRANSIT");
    requests.length = 0;
    const later = new Date("2026-01-11T00:00:00Z");
    const second = await syncTikTokStore(prisma, { storeId: store.id, organizationId: org.id }, later);
    expect(requests[0]?.filter.update_time_ge).toBe(Math.floor((now.getTime() - 5 * 60_000) / 1000));
    expect(second).toMatchObject({ orders: 1, created: 0, updated: 1 });
    const shipped = await prisma.order.findFirstOrThrow({ where: { storeId: store.id, externalId: "583870900000001000" } });
    expect(shipped).toMatchObject({ status: "IN_TRANSIT", trackingNumber: "9400111899223344556677", carrier: "USPS" });

    // The same data again: nothing changes.
    const before = await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" }, select: { id: true, updatedAt: true } });
    await prisma.store.update({ where: { id: store.id }, data: { lastSyncedAt: now } });
    const third = await syncTikTokStore(prisma, { storeId: store.id, organizationId: org.id }, later);
    expect(third).toMatchObject({ orders: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" }, select: { id: true, updatedAt: true } })).toEqual(before);
  });

  it("wrong credentials: the API refuses, nothing is written and lastSyncedAt does not move", async () => {
    const { org, store } = await newStore("not-the-secret");
    catalogue = [apiOrder("583870900000009999", 1_767_500_000)];
    await expect(syncTikTokStore(prisma, { storeId: store.id, organizationId: org.id }, new Date("2026-01-10T00:00:00Z"))).rejects.toThrow(/HTTP 401/);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).lastSyncedAt).toBeNull();
  });

  it("through the one sync for both channels: refused credentials mark the store disconnected after one request; --since backfills", async () => {
    const { org, store } = await newStore("not-the-secret");
    catalogue = [apiOrder("583870900000009998", 1_767_500_000)];
    const before = requests.length;
    await expect(syncStore(prisma, { storeId: store.id, organizationId: org.id }, new Date("2026-01-10T00:00:00Z"))).rejects.toThrow(SyncRefusedError);
    expect(requests.length - before).toBe(1);
    expect(
      await prisma.store.findUniqueOrThrow({ where: { id: store.id }, select: { connectionState: true, connectionMessage: true, syncLockedUntil: true } }),
    ).toEqual({
      connectionState: "DISCONNECTED",
      connectionMessage: expect.stringContaining("HTTP 401"),
      syncLockedUntil: null,
    });

    const good = await newStore();
    const r = await syncStore(prisma, { storeId: good.store.id, organizationId: good.org.id }, new Date("2026-03-01T00:00:00Z"), {
      since: new Date(1_767_400_000_000),
    });
    expect(r).toMatchObject({ since: new Date(1_767_400_000_000).toISOString(), orders: 1, created: 1, errors: [] });
    expect((await prisma.store.findUniqueOrThrow({ where: { id: good.store.id } })).connectionState).toBe("CONNECTED");
  });

  it("another organisation's store is not found", async () => {
    const { store } = await newStore();
    const other = await prisma.organization.create({ data: { name: `Sync other ${Date.now()}` } });
    await expect(syncTikTokStore(prisma, { storeId: store.id, organizationId: other.id }, new Date())).rejects.toThrow(/not found/i);
  });
});
