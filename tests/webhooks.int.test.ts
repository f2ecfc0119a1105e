import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as shopifyPost } from "@/app/api/webhooks/shopify/[storeId]/route";
import { POST as tiktokPost } from "@/app/api/webhooks/tiktok/[storeId]/route";
import { importOrderFile } from "@/lib/ingest/import-file";
import { testDb } from "./db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const SECRET = "shpss_webhook_test_secret";
const APP_KEY = "6abc123";
const APP_SECRET = "tt_app_secret_for_tests";

let orgId = "";
let shopifyStoreId = "";
let tiktokStoreId = "";
let eventSeq = 0;

const params = (storeId: string) => ({ params: Promise.resolve({ storeId }) });

function shopifyRequest(storeId: string, topic: string, body: string, options: { secret?: string; eventId?: string; hmac?: string | null } = {}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-event-id": options.eventId ?? `evt-${++eventSeq}`,
  };
  const hmac =
    options.hmac === undefined
      ? createHmac("sha256", options.secret ?? SECRET)
          .update(body)
          .digest("base64")
      : options.hmac;
  if (hmac !== null) headers["x-shopify-hmac-sha256"] = hmac;
  return shopifyPost(new Request(`http://localhost/api/webhooks/shopify/${storeId}`, { method: "POST", headers, body }), params(storeId));
}

function tiktokRequest(storeId: string, body: string, options: { secret?: string; signature?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig =
    options.signature === undefined
      ? createHmac("sha256", options.secret ?? APP_SECRET)
          .update(APP_KEY)
          .update(body)
          .digest("hex")
      : options.signature;
  if (sig !== null) headers.authorization = sig;
  return tiktokPost(new Request(`http://localhost/api/webhooks/tiktok/${storeId}`, { method: "POST", headers, body }), params(storeId));
}

// Raw JSON with the id as a bare 19-digit number, as Shopify sends it.
function orderBody(o: { id: string; name: string; updatedAt: string; financial?: string; fulfillment?: string | null; total?: string; fulfillments?: string }) {
  return `{"id":${o.id},"name":"${o.name}","email":"ana@example.com","created_at":"2026-03-09T10:15:00-05:00","updated_at":"${o.updatedAt}",
"processed_at":"2026-03-09T10:15:02-05:00","cancelled_at":null,"financial_status":"${o.financial ?? "paid"}","fulfillment_status":${o.fulfillment === undefined || o.fulfillment === null ? "null" : `"${o.fulfillment}"`},
"currency":"USD","total_price":"${o.total ?? "439.00"}","shipping_address":{"name":"Ana Lopez","address1":"12 Elm St","city":"Boston","province_code":"MA","zip":"02134","country_code":"US"},
"line_items":[{"id":1,"sku":"LS-M","name":"Linen Shirt - M","quantity":1,"price":"399.00"},{"id":2,"sku":"CT","name":"Canvas Tote","quantity":2,"price":"20.00"}],
"fulfillments":${o.fulfillments ?? "[]"}}`;
}

async function orderState(storeId: string, externalId: string) {
  return prisma.order.findUnique({
    where: { storeId_externalId: { storeId, externalId } },
    select: {
      id: true,
      status: true,
      sourceId: true,
      totalMinor: true,
      carrier: true,
      trackingNumber: true,
      inTransitAt: true,
      sourceUpdatedAt: true,
      updatedAt: true,
      lines: { select: { sku: true, quantity: true }, orderBy: { position: "asc" } },
    },
  });
}

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Webhook org ${Date.now()}` } })).id;
  const base = {
    organizationId: orgId,
    market: "US" as const,
    kind: "LOCAL" as const,
    timeZone: "America/New_York",
    currency: "USD",
    joinedOn: new Date("2024-01-01"),
  };
  shopifyStoreId = (await prisma.store.create({ data: { ...base, name: "Brand site", channel: "BRAND_SITE", webhookSecret: SECRET } })).id;
  tiktokStoreId = (
    await prisma.store.create({ data: { ...base, name: "TikTok US", channel: "TIKTOK_SHOP", tiktokAppKey: APP_KEY, tiktokAppSecret: APP_SECRET } })
  ).id;
});

describe("Shopify webhook", () => {
  it("creates the order keyed by its name, keeps the numeric id, and a duplicate delivery changes nothing", async () => {
    const body = orderBody({ id: "5678901234567890123", name: "#5001", updatedAt: "2026-03-09T10:15:05-05:00" });
    const res = await shopifyRequest(shopifyStoreId, "orders/create", body, { eventId: "evt-create-5001" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: "created" });
    const stored = await orderState(shopifyStoreId, "#5001");
    expect(stored).toMatchObject({ sourceId: "5678901234567890123", status: "AWAITING_SHIPMENT", totalMinor: 43900 });
    expect(stored?.lines).toEqual([
      { sku: "LS-M", quantity: 1 },
      { sku: "CT", quantity: 2 },
    ]);

    const again = await shopifyRequest(shopifyStoreId, "orders/create", body, { eventId: "evt-create-5001" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(await orderState(shopifyStoreId, "#5001")).toEqual(stored);
    expect(await prisma.webhookEvent.count({ where: { storeId: shopifyStoreId, eventId: "evt-create-5001" } })).toBe(1);
  });

  it("applies a newer orders/updated and ignores an older one", async () => {
    const id = "5678901234567890124";
    await shopifyRequest(shopifyStoreId, "orders/create", orderBody({ id, name: "#5002", updatedAt: "2026-03-09T10:15:05-05:00" }));
    const newer = await shopifyRequest(
      shopifyStoreId,
      "orders/updated",
      orderBody({ id, name: "#5002", updatedAt: "2026-03-10T09:00:00-05:00", total: "500.00" }),
    );
    expect(await newer.json()).toEqual({ ok: true, result: "updated" });
    const afterNewer = await orderState(shopifyStoreId, "#5002");
    expect(afterNewer?.totalMinor).toBe(50000);
    const older = await shopifyRequest(
      shopifyStoreId,
      "orders/updated",
      orderBody({ id, name: "#5002", updatedAt: "2026-03-09T12:00:00-05:00", total: "1.00" }),
    );
    expect(older.status).toBe(200);
    expect(await older.json()).toEqual({ ok: true, result: "unchanged" });
    expect(await orderState(shopifyStoreId, "#5002")).toEqual(afterNewer);
  });

  it("a fulfilment adds tracking to the order found by its numeric id, after an export import", async () => {
    // The order arrives from an export (keyed "#1001", Id column 5678901234567890123 in the fixture) in a second store.
    const store = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "Brand site 2",
        channel: "BRAND_SITE",
        market: "US",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
        webhookSecret: SECRET,
      },
    });
    const file = readFileSync(fileURLToPath(new URL("../lib/ingest/fixtures/shopify-current.csv", import.meta.url)));
    await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: Readable.from([file]) });
    const body = `{"id":4444,"order_id":5678901234567890124,"status":"success","created_at":"2025-03-10T16:00:00-04:00","updated_at":"2025-03-10T16:00:01-04:00","tracking_company":"UPS","tracking_number":"1Z999AA10123456784","tracking_numbers":["1Z999AA10123456784"],"shipment_status":null}`;
    // #1002 (Id …124) is unfulfilled in the export.
    const res = await shopifyRequest(store.id, "fulfillments/create", body);
    expect(await res.json()).toEqual({ ok: true, result: "updated" });
    const o = await orderState(store.id, "#1002");
    expect(o).toMatchObject({ status: "IN_TRANSIT", carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(o?.inTransitAt?.toISOString()).toBe("2025-03-10T20:00:00.000Z");
    // Re-importing the export (which has no tracking column) keeps the tracking.
    await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: Readable.from([file]) });
    expect(await orderState(store.id, "#1002")).toMatchObject({ carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
  });

  it("a forged, unsigned or wrong-store delivery gets 401 and changes nothing", async () => {
    const body = orderBody({ id: "5678901234567890199", name: "#5099", updatedAt: "2026-03-09T10:15:05-05:00" });
    const events = await prisma.webhookEvent.count();
    const forged = await shopifyRequest(shopifyStoreId, "orders/create", body, { secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    const unsigned = await shopifyRequest(shopifyStoreId, "orders/create", body, { hmac: null });
    expect(unsigned.status).toBe(401);
    const unknownStore = await shopifyRequest("no-such-store", "orders/create", body);
    expect(unknownStore.status).toBe(401);
    const tiktokStore = await shopifyRequest(tiktokStoreId, "orders/create", body);
    expect(tiktokStore.status).toBe(401);
    expect(await forged.json()).toEqual(await unknownStore.json());
    expect(await orderState(shopifyStoreId, "#5099")).toBeNull();
    expect(await prisma.webhookEvent.count()).toBe(events);
  });

  it("a malformed body gets 400 naming the field, is not recorded, and can be retried", async () => {
    const bad = orderBody({ id: "5678901234567890150", name: "#5050", updatedAt: "yesterday" });
    const res = await shopifyRequest(shopifyStoreId, "orders/create", bad, { eventId: "evt-bad-5050" });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/updated_at/);
    const notJson = await shopifyRequest(shopifyStoreId, "orders/create", "{nope", { eventId: "evt-bad-json" });
    expect(notJson.status).toBe(400);
    expect(await prisma.webhookEvent.count({ where: { eventId: { in: ["evt-bad-5050", "evt-bad-json"] } } })).toBe(0);
    // The sender retries the same event with a good body: processed.
    const good = orderBody({ id: "5678901234567890150", name: "#5050", updatedAt: "2026-03-09T10:15:05-05:00" });
    expect(await (await shopifyRequest(shopifyStoreId, "orders/create", good, { eventId: "evt-bad-5050" })).json()).toEqual({ ok: true, result: "created" });
  });

  it("other topics are acknowledged and ignored; an oversized body gets 413", async () => {
    const res = await shopifyRequest(shopifyStoreId, "products/update", `{"id":1}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, ignored: expect.any(String) });
    const huge = "x".repeat(5 * 1024 * 1024 + 1);
    expect((await shopifyRequest(shopifyStoreId, "orders/create", huge)).status).toBe(413);
  });
});

describe("TikTok webhook", () => {
  const statusBody = (orderId: string, status: string, updateTime: number) =>
    `{"type":1,"shop_id":7494049642642441621,"timestamp":${updateTime + 1},"data":{"order_id":"${orderId}","order_status":"${status}","update_time":${updateTime}}}`;

  it("updates the status and instants when newer; duplicates and older updates change nothing; forged → 401", async () => {
    const file = readFileSync(fileURLToPath(new URL("../lib/ingest/fixtures/tiktok-us.csv", import.meta.url)));
    await importOrderFile(prisma, { storeId: tiktokStoreId, organizationId: orgId, stream: Readable.from([file]) });
    const id = "583870900000000002";
    expect((await orderState(tiktokStoreId, id))?.status).toBe("AWAITING_SHIPMENT");

    const t = 1_767_000_000;
    const forged = await tiktokRequest(tiktokStoreId, statusBody(id, "IN_TRANSIT", t), { secret: "wrong" });
    expect(forged.status).toBe(401);
    expect((await tiktokRequest(tiktokStoreId, statusBody(id, "IN_TRANSIT", t), { signature: null })).status).toBe(401);
    expect((await orderState(tiktokStoreId, id))?.status).toBe("AWAITING_SHIPMENT");

    const res = await tiktokRequest(tiktokStoreId, statusBody(id, "IN_TRANSIT", t));
    expect(await res.json()).toEqual({ ok: true, result: "updated" });
    const after = await orderState(tiktokStoreId, id);
    expect(after).toMatchObject({ status: "IN_TRANSIT" });
    expect(after?.inTransitAt?.getTime()).toBe(t * 1000);

    expect(await (await tiktokRequest(tiktokStoreId, statusBody(id, "IN_TRANSIT", t))).json()).toEqual({ ok: true, duplicate: true });
    const older = await tiktokRequest(tiktokStoreId, statusBody(id, "AWAITING_SHIPMENT", t - 60));
    expect(await older.json()).toEqual({ ok: true, result: "stale" });
    expect(await orderState(tiktokStoreId, id)).toEqual(after);

    const malformed = await tiktokRequest(
      tiktokStoreId,
      `{"type":1,"shop_id":"1","timestamp":1,"data":{"order_id":"${id}","order_status":"TELEPORTED","update_time":1}}`,
    );
    // Correctly signed: never 400 (TikTok would retry it forever); recorded with the reason instead.
    expect(malformed.status).toBe(200);
    expect((await malformed.json()).reason).toMatch(/data\.order_status/);
  });
});
