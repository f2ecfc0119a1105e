import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as shopifyPost } from "@/app/api/webhooks/shopify/[storeId]/route";
import { POST as tiktokPost } from "@/app/api/webhooks/tiktok/[storeId]/route";
import { getStoreDetail } from "@/lib/data/stores";
import { importOrderFile } from "@/lib/ingest/import-file";
import { upsertOrders } from "@/lib/ingest/upsert";
import type { NormalizedOrder } from "@/lib/ingest/types";
import { testDb } from "./db";

// The shapes of "What real public samples showed" (formats.md) end to end: files through the import
// (COPY path for new orders, the upsert for stored ones), pushes through the webhook routes.

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const SECRET = "shpss_real_shapes_secret";
const APP_KEY = "6real123";
const APP_SECRET = "tt_real_shapes_secret";
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../lib/ingest/fixtures/${name}`, import.meta.url)));
const params = (storeId: string) => ({ params: Promise.resolve({ storeId }) });

let orgId = "";
let seq = 0;

async function newStore(channel: "TIKTOK_SHOP" | "BRAND_SITE", extra: { timeZone?: string; currency?: string; market?: "US" | "UK" } = {}) {
  return prisma.store.create({
    data: {
      organizationId: orgId,
      name: `Shapes ${++seq} ${Date.now()}`,
      channel,
      market: extra.market ?? "US",
      kind: "LOCAL",
      timeZone: extra.timeZone ?? "America/New_York",
      currency: extra.currency ?? "USD",
      joinedOn: new Date("2024-01-01"),
      webhookSecret: SECRET,
      tiktokAppKey: APP_KEY,
      tiktokAppSecret: APP_SECRET,
    },
  });
}

const importFile = (storeId: string, name: string) => importOrderFile(prisma, { storeId, organizationId: orgId, stream: Readable.from([fixture(name)]) });

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

let eventSeq = 0;
function shopifyPush(storeId: string, topic: string, body: string, eventId = `real-${++eventSeq}`) {
  const hmac = createHmac("sha256", SECRET).update(body).digest("base64");
  return shopifyPost(
    new Request(`http://localhost/api/webhooks/shopify/${storeId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-event-id": eventId, "x-shopify-hmac-sha256": hmac },
      body,
    }),
    params(storeId),
  );
}

const orderRow = (storeId: string, externalId: string) =>
  prisma.order.findUnique({
    where: { storeId_externalId: { storeId, externalId } },
    select: {
      id: true,
      status: true,
      fulfillmentType: true,
      warehouseName: true,
      shipCity: true,
      shipRegion: true,
      trackingNumber: true,
      carrier: true,
      inTransitAt: true,
      cancelledAt: true,
      updatedAt: true,
    },
  });

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Real shapes org ${Date.now()}` } })).id;
});

describe("TikTok exports read exactly, imported twice without change", () => {
  it("UK export: Order Status + Substatus, Post Town/County, Fulfillment Type and Warehouse Name stored (COPY path), a re-import changes nothing", async () => {
    const store = await newStore("TIKTOK_SHOP", { timeZone: "Europe/London", currency: "GBP", market: "UK" });
    const first = await importFile(store.id, "tiktok-uk.csv");
    expect(first).toMatchObject({ orders: 8, created: 8, updated: 0, unchanged: 0 });
    expect(first.errors).toEqual([{ line: 10, message: expect.stringContaining('Order Substatus: unknown substatus "Teleported"') }]);
    const rows = await prisma.order.findMany({
      where: { storeId: store.id },
      orderBy: { externalId: "asc" },
      select: { externalId: true, status: true, fulfillmentType: true, warehouseName: true },
    });
    expect(rows.map((r) => [r.externalId.slice(-1), r.status, r.fulfillmentType, r.warehouseName])).toEqual([
      ["1", "AWAITING_SHIPMENT", "SELLER_SHIPPING", "Leeds DC"],
      ["2", "AWAITING_COLLECTION", "SELLER_SHIPPING", "Leeds DC"],
      ["3", "IN_TRANSIT", "SELLER_SHIPPING", "Leeds DC"],
      ["4", "DELIVERED", "SELLER_SHIPPING", "Leeds DC"],
      ["5", "COMPLETED", "SELLER_SHIPPING", "Leeds DC"],
      ["6", "CANCELLED", "SELLER_SHIPPING", "Leeds DC"],
      ["7", "AWAITING_SHIPMENT", "FULFILLED_BY_TIKTOK", "TikTok FBT Daventry"],
      ["8", "AWAITING_COLLECTION", "UPGRADED_TIKTOK_SHIPPING", "Leeds DC"],
    ]);
    expect(await orderRow(store.id, "577100000000000001")).toMatchObject({ shipCity: "Leeds", shipRegion: "West Yorkshire" });
    const before = await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { externalId: "asc" } });

    const again = await importFile(store.id, "tiktok-uk.csv");
    expect(again).toMatchObject({ orders: 8, created: 0, updated: 0, unchanged: 8 });
    expect(await prisma.order.findMany({ where: { storeId: store.id }, orderBy: { externalId: "asc" } })).toEqual(before);
  });

  it("the upsert path writes a changed fulfilment type and keeps a stored warehouse when the source has none", async () => {
    const store = await newStore("TIKTOK_SHOP", { timeZone: "Europe/London", currency: "GBP", market: "UK" });
    await importFile(store.id, "tiktok-uk.csv");
    const now = new Date("2026-02-05T00:00:00Z");
    const order: NormalizedOrder = {
      externalId: "577100000000000001",
      orderName: null,
      channel: "TIKTOK_SHOP",
      status: "AWAITING_SHIPMENT",
      placedAt: new Date("2026-02-03T10:00:00Z"),
      paidAt: new Date("2026-02-03T10:00:00Z"),
      inTransitAt: null,
      deliveredAt: null,
      cancelledAt: null,
      carrier: null,
      trackingNumber: null,
      labelSource: "UNKNOWN",
      fulfillmentType: "FULFILLED_BY_TIKTOK",
      warehouseName: null,
      shipFromCountry: null,
      currency: "GBP",
      totalMinor: 1000,
      buyerName: "Sam Smith",
      buyerEmail: null,
      buyerPhone: "(+44)77*****00",
      shipAddress1: "10 Park Row",
      shipAddress2: "Flat 2",
      shipCity: "Leeds",
      shipRegion: "West Yorkshire",
      shipPostcode: "LS1 4AP",
      shipCountry: "GB",
      sourceUpdatedAt: null,
      lines: [{ sku: "UK-A", productName: "Item", quantity: 1, unitPriceMinor: 1000 }],
    };
    const r = await upsertOrders(prisma, store, [order], now, { bulk: null });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    expect(await orderRow(store.id, order.externalId)).toMatchObject({ fulfillmentType: "FULFILLED_BY_TIKTOK", warehouseName: "Leeds DC" });
    expect(await upsertOrders(prisma, store, [order], now, { bulk: null })).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it("Japanese and Simplified Chinese exports import; an unknown language is refused naming the header", async () => {
    const jp = await newStore("TIKTOK_SHOP", { timeZone: "Asia/Tokyo", currency: "JPY" });
    expect(await importFile(jp.id, "tiktok-ja.csv")).toMatchObject({ orders: 3, created: 3, errors: [] });
    expect(await importFile(jp.id, "tiktok-ja.csv")).toMatchObject({ orders: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await orderRow(jp.id, "582315036300000002")).toMatchObject({ status: "AWAITING_COLLECTION", warehouseName: "東京倉庫", shipCity: "千代田区" });
    const zh = await newStore("TIKTOK_SHOP");
    expect(await importFile(zh.id, "tiktok-zh.csv")).toMatchObject({ orders: 3, created: 3, errors: [] });
    await expect(importFile(zh.id, "tiktok-fr.csv")).rejects.toThrow('cannot read the header "ID de commande"');
  });
});

describe("TikTok pushes: every type answered", () => {
  const envelope = (type: number, id: string, data: unknown) =>
    JSON.stringify({ type, tts_notification_id: id, shop_id: "7494049642642441621", timestamp: 1_770_000_000, data });

  it("type 1 CANCEL is applied (the order leaves the open queue), a repeat changes nothing", async () => {
    const store = await newStore("TIKTOK_SHOP", { timeZone: "Europe/London", currency: "GBP", market: "UK" });
    await importFile(store.id, "tiktok-uk.csv");
    const body = envelope(1, "7400000000000000101", {
      order_id: "577100000000000001",
      order_status: "CANCEL",
      is_on_hold_order: false,
      update_time: 1_770_000_000,
    });
    const res = await tiktokPush(store.id, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: "updated" });
    const after = await orderRow(store.id, "577100000000000001");
    expect(after).toMatchObject({ status: "CANCELLED", cancelledAt: new Date(1_770_000_000_000) });
    expect(await (await tiktokPush(store.id, body)).json()).toEqual({ ok: true, duplicate: true });
    expect(await orderRow(store.id, "577100000000000001")).toEqual(after);
  });

  it("type 11 completed cancellation cancels; types 4, 12 and an unknown type get 200 and are recorded with their body; forged → 401, nothing recorded", async () => {
    const store = await newStore("TIKTOK_SHOP", { timeZone: "Europe/London", currency: "GBP", market: "UK" });
    await importFile(store.id, "tiktok-uk.csv");
    const cancel = await tiktokPush(
      store.id,
      envelope(11, "7400000000000000111", { order_id: "577100000000000002", cancel_status: "CANCELLATION_REQUEST_COMPLETE", update_time: 1_770_000_100 }),
    );
    expect(await cancel.json()).toEqual({ ok: true, result: "updated" });
    expect((await orderRow(store.id, "577100000000000002"))?.status).toBe("CANCELLED");

    for (const [type, id] of [
      [4, "7400000000000000104"],
      [12, "7400000000000000112"],
      [42, "7400000000000000142"],
    ] as const) {
      const res = await tiktokPush(store.id, envelope(type, id, { order_id: "577100000000000003", package_id: "1153000000000000001" }));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, recorded: true, type });
    }
    const recorded = await prisma.webhookEvent.findMany({
      where: { storeId: store.id, outcome: "recorded" },
      orderBy: { topic: "asc" },
      select: { topic: true, payload: true },
    });
    expect(recorded.map((r) => r.topic)).toEqual(["package_update", "return_status_change", "type_42"]);
    expect(recorded[0]?.payload).toMatchObject({ type: 4, data: { package_id: "1153000000000000001" } });
    expect((await orderRow(store.id, "577100000000000003"))?.status).toBe("IN_TRANSIT");

    const count = await prisma.webhookEvent.count({ where: { storeId: store.id } });
    const forged = await tiktokPush(store.id, envelope(4, "7400000000000000199", {}), "not-the-secret");
    expect(forged.status).toBe(401);
    expect(await prisma.webhookEvent.count({ where: { storeId: store.id } })).toBe(count);
  });

  it("type 6 marks the store as needing re-authorisation, type 7 as expiring", async () => {
    const store = await newStore("TIKTOK_SHOP");
    expect((await tiktokPush(store.id, envelope(7, "7400000000000000107", { message: "expires", expiration_time: 1_771_000_000 }))).status).toBe(200);
    expect(await prisma.store.findUnique({ where: { id: store.id }, select: { connectionState: true, authExpiresAt: true } })).toEqual({
      connectionState: "AUTH_EXPIRING",
      authExpiresAt: new Date(1_771_000_000_000),
    });
    expect((await tiktokPush(store.id, envelope(6, "7400000000000000106", { message: "deauthorized" }))).status).toBe(200);
    const s = await prisma.store.findUnique({ where: { id: store.id }, select: { connectionState: true, connectionMessage: true } });
    expect(s).toMatchObject({ connectionState: "NEEDS_REAUTHORIZATION", connectionMessage: expect.stringContaining("deauthorised") });
  });
});

describe("Shopify pushes: cash on delivery, pending fulfilments, cancellations and refunds", () => {
  const order = (o: {
    id: string;
    name: string;
    updatedAt: string;
    financial?: string;
    gateways?: string[];
    fulfillment?: string | null;
    cancelledAt?: string | null;
    fulfillments?: unknown[];
  }) =>
    JSON.stringify({
      id: o.id,
      name: o.name,
      created_at: "2026-03-09T10:15:00-05:00",
      updated_at: o.updatedAt,
      processed_at: "2026-03-09T10:15:02-05:00",
      cancelled_at: o.cancelledAt ?? null,
      financial_status: o.financial ?? "paid",
      fulfillment_status: o.fulfillment ?? null,
      currency: "USD",
      total_price: "50.00",
      payment_gateway_names: o.gateways ?? ["shopify_payments"],
      shipping_address: { name: "Ana Lopez", city: "Boston", country_code: "US" },
      // Trimmed bodies: no line_items[].id.
      line_items: [{ sku: "MUG", name: "Mug", quantity: 1, price: "50.00" }],
      fulfillments: o.fulfillments ?? [],
    });

  it("a cash-on-delivery order is awaiting shipment, not payment, and counts on the brand site's dispatch clock", async () => {
    const store = await newStore("BRAND_SITE");
    await shopifyPush(
      store.id,
      "orders/create",
      order({ id: "6100000000001", name: "#C1", updatedAt: "2026-03-09T10:15:05-05:00", financial: "pending", gateways: ["cash_on_delivery"] }),
    );
    await shopifyPush(
      store.id,
      "orders/create",
      order({ id: "6100000000011", name: "#C2", updatedAt: "2026-03-09T10:15:05-05:00", financial: "pending", gateways: ["bank_deposit"] }),
    );
    expect((await orderRow(store.id, "#C1"))?.status).toBe("AWAITING_SHIPMENT");
    expect((await orderRow(store.id, "#C2"))?.status).toBe("AWAITING_PAYMENT");
    // Three days later nothing has shipped: the COD order is a late dispatch (48 h), the unpaid one is not due.
    const detail = await getStoreDetail({ organizationId: orgId, supplierId: null, role: "OWNER" }, store.id, new Date("2026-03-12T15:00:00Z"));
    expect(detail.figures).toMatchObject({ late: 1, lateBase: 1, lateBasis: "48H" });
  });

  it("a pending fulfilment keeps the order awaiting shipment (tracking kept); a successful one dispatches it", async () => {
    const store = await newStore("BRAND_SITE");
    await shopifyPush(store.id, "orders/create", order({ id: "6100000000002", name: "#F1", updatedAt: "2026-03-09T10:15:05-05:00" }));
    const fulfilment = (status: string, updatedAt: string) =>
      JSON.stringify({
        id: 7000001,
        order_id: 6100000000002,
        status,
        created_at: "2026-03-10T09:00:00-05:00",
        updated_at: updatedAt,
        tracking_company: "UPS",
        tracking_number: "1Z999AA10123456784",
        shipment_status: null,
      });
    expect((await shopifyPush(store.id, "fulfillments/create", fulfilment("pending", "2026-03-10T09:00:00-05:00"))).status).toBe(200);
    expect(await orderRow(store.id, "#F1")).toMatchObject({
      status: "AWAITING_SHIPMENT",
      inTransitAt: null,
      trackingNumber: "1Z999AA10123456784",
      carrier: "UPS",
    });
    await shopifyPush(store.id, "fulfillments/update", fulfilment("success", "2026-03-10T12:00:00-05:00"));
    expect(await orderRow(store.id, "#F1")).toMatchObject({ status: "IN_TRANSIT", inTransitAt: new Date("2026-03-10T14:00:00Z") });
  });

  it("orders/cancelled is applied even without a newer updated_at, and the order's flags leave the risk queue", async () => {
    const store = await newStore("BRAND_SITE");
    // A shipped order whose tracking number cannot be valid: an actionable finding in the queue.
    const shipped = [
      { id: 7000002, order_id: 6100000000003, status: "success", created_at: "2026-03-10T09:00:00-05:00", tracking_company: "UPS", tracking_number: "1Z12345" },
    ];
    const updatedAt = "2026-03-10T09:00:05-05:00";
    await shopifyPush(store.id, "orders/updated", order({ id: "6100000000003", name: "#X1", updatedAt, fulfillment: "fulfilled", fulfillments: shipped }));
    const stored = await orderRow(store.id, "#X1");
    expect(stored?.status).toBe("IN_TRANSIT");
    expect(await prisma.riskFlag.count({ where: { orderId: stored!.id, actionable: true } })).toBeGreaterThan(0);

    const res = await shopifyPush(
      store.id,
      "orders/cancelled",
      order({
        id: "6100000000003",
        name: "#X1",
        updatedAt,
        cancelledAt: "2026-03-10T09:00:04-05:00",
        financial: "voided",
        fulfillment: "fulfilled",
        fulfillments: shipped,
      }),
    );
    expect(await res.json()).toEqual({ ok: true, result: "updated" });
    expect(await orderRow(store.id, "#X1")).toMatchObject({ status: "CANCELLED", cancelledAt: new Date("2026-03-10T14:00:04Z") });
    expect(await prisma.riskFlag.count({ where: { orderId: stored!.id, actionable: true } })).toBe(0);
  });

  it("refunds/create refunding the whole order before it shipped cancels it; a repeat changes nothing", async () => {
    const store = await newStore("BRAND_SITE");
    await shopifyPush(store.id, "orders/create", order({ id: "6100000000004", name: "#R1", updatedAt: "2026-03-09T10:15:05-05:00" }));
    const refund = (amount: string, id: number) =>
      JSON.stringify({
        id,
        order_id: 6100000000004,
        created_at: "2026-03-11T08:00:00-05:00",
        processed_at: "2026-03-11T08:00:00-05:00",
        transactions: [{ kind: "refund", status: "success", amount }],
      });
    expect(await (await shopifyPush(store.id, "refunds/create", refund("10.00", 1))).json()).toEqual({ ok: true, result: "unchanged" });
    expect((await orderRow(store.id, "#R1"))?.status).toBe("AWAITING_SHIPMENT");
    const full = refund("50.00", 2);
    expect(await (await shopifyPush(store.id, "refunds/create", full, "refund-full")).json()).toEqual({ ok: true, result: "updated" });
    const after = await orderRow(store.id, "#R1");
    expect(after).toMatchObject({ status: "CANCELLED", cancelledAt: new Date("2026-03-11T13:00:00Z") });
    expect(await (await shopifyPush(store.id, "refunds/create", full, "refund-full")).json()).toEqual({ ok: true, duplicate: true });
    expect(await orderRow(store.id, "#R1")).toEqual(after);
  });
});
