import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormatFromHead } from "./detect-format";
import { IngestFormatError } from "./errors";
import { parseShopifyCsv } from "./shopify-csv";
import { collect, openFixture, streamOf } from "./test-helpers";
import { mapTikTokApiOrder, tiktokApiOrderSchema } from "./tiktok-api";
import { parseTikTokCsv } from "./tiktok-export";
import { readTikTokExportStatus, TIKTOK_EXPORT_LANGUAGES } from "./tiktok-export-languages";
import {
  isDispatchedFulfillment,
  parseShopifyFulfillmentWebhook,
  parseShopifyOrderWebhook,
  parseShopifyRefundWebhook,
  parseShopifyWebhook,
  parseTikTokPush,
} from "./webhooks";

// One test per shape of "What real public samples showed" (formats.md): the licensed Shopify
// samples are in fixtures/shopify-webhooks/ (MIT, with PROVENANCE.md); the TikTok files are our own
// reproducing the shapes (the Japanese header row is a real export's).

const sample = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/shopify-webhooks/${name}`, import.meta.url)), "utf8");
/** The REST fixtures wrap the webhook body: `{"order": {…}}`. */
const unwrap = (name: string, key: string): string => JSON.stringify(JSON.parse(sample(name))[key]);

const EN = TIKTOK_EXPORT_LANGUAGES[0]!;

describe("TikTok export: status from Order Status AND Order Substatus", () => {
  it.each([
    ["To ship", "Awaiting shipment", "AWAITING_SHIPMENT"],
    ["To ship", "Awaiting collection", "AWAITING_COLLECTION"],
    ["Shipped", "In transit", "IN_TRANSIT"],
    ["Shipped", "Delivered", "DELIVERED"],
    ["Completed", "Completed", "COMPLETED"],
    ["Cancelled", "Cancelled by buyer", "CANCELLED"],
    ["Unpaid", "", "AWAITING_PAYMENT"],
    // Older exports: the state in Order Status, substatus empty.
    ["Awaiting Collection", "", "AWAITING_COLLECTION"],
    ["In Transit", "", "IN_TRANSIT"],
    // Status cells seen in Thai and Indonesian exports.
    ["จัดส่งแล้ว", "", "IN_TRANSIT"],
    ["Dikirim", "Sedang transit", "IN_TRANSIT"],
    // Japanese and Chinese cells, whatever the header's language.
    ["未発送", "集荷待ち", "AWAITING_COLLECTION"],
    ["已发货", "已送达", "DELIVERED"],
  ])("%s / %s → %s", (status, substatus, expected) => {
    expect(readTikTokExportStatus(status, substatus, EN)).toEqual({ ok: true, status: expected });
  });

  it("refuses an unknown substatus under To ship instead of guessing the clock", () => {
    expect(readTikTokExportStatus("To ship", "Teleported", EN)).toEqual({
      ok: false,
      column: "substatus",
      reason: 'unknown substatus "Teleported" (Order Status "To ship")',
    });
  });

  it("reads a UK export: every tab/substatus pair, Post Town and County, Fulfillment Type and Warehouse Name", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-uk.csv"), { timeZone: "Europe/London", currency: "GBP" }));
    expect(orders.map((o) => [o.externalId.slice(-1), o.status, o.fulfillmentType, o.warehouseName])).toEqual([
      ["1", "AWAITING_SHIPMENT", "SELLER_SHIPPING", "Leeds DC"],
      ["2", "AWAITING_COLLECTION", "SELLER_SHIPPING", "Leeds DC"],
      ["3", "IN_TRANSIT", "SELLER_SHIPPING", "Leeds DC"],
      ["4", "DELIVERED", "SELLER_SHIPPING", "Leeds DC"],
      ["5", "COMPLETED", "SELLER_SHIPPING", "Leeds DC"],
      ["6", "CANCELLED", "SELLER_SHIPPING", "Leeds DC"],
      ["7", "AWAITING_SHIPMENT", "FULFILLED_BY_TIKTOK", "TikTok FBT Daventry"],
      ["8", "AWAITING_COLLECTION", "UPGRADED_TIKTOK_SHIPPING", "Leeds DC"],
    ]);
    expect(orders[0]).toMatchObject({
      shipCity: "Leeds",
      shipRegion: "West Yorkshire",
      shipPostcode: "LS1 4AP",
      shipCountry: "GB",
      shipAddress1: "10 Park Row",
    });
    expect(errors).toEqual([
      { line: 10, message: 'Order Substatus: unknown substatus "Teleported" (Order Status "To ship") (order 577100000000000009 not imported)' },
    ]);
  });

  it("reads a MY export: State and Post Town, day-first 24 h times, To ship / Awaiting collection", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-my.csv"), { timeZone: "Asia/Kuala_Lumpur", currency: "MYR" }));
    expect(errors).toEqual([]);
    expect(orders[0]).toMatchObject({
      externalId: "584697260200000001",
      status: "AWAITING_COLLECTION",
      totalMinor: 12330,
      currency: "MYR",
      shipCity: "Cheras",
      shipRegion: "Selangor",
      shipCountry: "MY",
      carrier: "J&T Express",
      trackingNumber: "680076017500001",
      shipAddress1: "Jalan Test 1",
      shipAddress2: "Taman Contoh",
    });
    expect(orders[0]!.placedAt.toISOString()).toBe("2026-06-25T05:03:57.000Z");
  });

  it("reads an ID export: Province, Regency and City, Districts, Villages; Indonesian status cells", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-id.csv"), { timeZone: "Asia/Jakarta", currency: "IDR" }));
    expect(errors).toEqual([]);
    expect(orders[0]).toMatchObject({
      status: "IN_TRANSIT",
      shipCity: "Jakarta Selatan",
      shipRegion: "DKI Jakarta",
      shipAddress2: "Senayan",
      shipPostcode: "10270",
      shipCountry: "ID",
      warehouseName: "Gudang Jakarta",
    });
  });
});

describe("TikTok export: localised header and status cells", () => {
  it('reads a Japanese export (the real header row): 未発送/発送待ち, 集荷待ち, 発送済み/配達済み, "11,000 JPY", trailing tabs', async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-ja.csv"), { timeZone: "Asia/Tokyo", currency: "JPY" }));
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.status, o.totalMinor])).toEqual([
      ["582315036300000001", "AWAITING_SHIPMENT", 11990],
      ["582315036300000002", "AWAITING_COLLECTION", 2190],
      ["582315036300000003", "DELIVERED", 3990],
    ]);
    expect(orders[0]).toMatchObject({
      currency: "JPY",
      fulfillmentType: "SELLER_SHIPPING",
      warehouseName: "東京倉庫",
      buyerName: "試験花子",
      shipRegion: "東京都",
      shipCity: "千代田区",
      shipAddress1: "丸の内 1-1",
      shipAddress2: "テストビル101",
      shipPostcode: "1000005",
      shipCountry: "JP",
      lines: [{ sku: "JP-MUG", productName: "マグカップ - デフォルト", quantity: 1, unitPriceMinor: 11000 }],
    });
    expect(orders[0]!.placedAt.toISOString()).toBe("2026-01-27T09:03:56.000Z"); // 6:03:56 PM JST
    expect(orders[2]!.deliveredAt!.toISOString()).toBe("2026-01-23T01:30:00.000Z");
  });

  it("reads a Simplified Chinese export (BOM): 待发货/待揽收, 已发货/运输中, 已取消", async () => {
    const { orders, errors } = await collect(parseTikTokCsv(openFixture("tiktok-zh.csv"), { timeZone: "America/New_York", currency: "USD" }));
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.status, o.warehouseName, o.trackingNumber])).toEqual([
      ["AWAITING_COLLECTION", "深圳仓", "9400111899220000000101"],
      ["IN_TRANSIT", "深圳仓", "9400111899220000000102"],
      ["CANCELLED", null, null],
    ]);
    expect(orders[1]).toMatchObject({
      totalMinor: 1600,
      lines: [{ sku: "ZH-CUP", productName: "杯子", quantity: 2, unitPriceMinor: 800 }],
      shipCity: "Los Angeles",
      shipRegion: "California",
    });
    expect(orders[2]!.cancelledAt!.toISOString()).toBe("2026-03-01T14:00:00.000Z");
  });

  it("is detected as a TikTok export in every language with a table", () => {
    for (const f of ["tiktok-ja.csv", "tiktok-zh.csv"]) {
      const head = readFileSync(fileURLToPath(new URL(`./fixtures/${f}`, import.meta.url)));
      expect(detectFormatFromHead(head)).toBe("tiktok-csv");
    }
  });

  it("refuses an unknown language, naming the header it could not read", async () => {
    const head = readFileSync(fileURLToPath(new URL("./fixtures/tiktok-fr.csv", import.meta.url)));
    expect(() => detectFormatFromHead(head)).toThrow(IngestFormatError);
    expect(() => detectFormatFromHead(head)).toThrow('cannot read the header "ID de commande"');
    await expect(collect(parseTikTokCsv(openFixture("tiktok-fr.csv"), { timeZone: "Europe/Paris", currency: "EUR" }))).rejects.toThrow(
      'TikTok Shop export: cannot read the header "ID de commande", "Statut de la commande", "Sous-statut" and 6 more: not a column of a TikTok Shop export in English, Simplified Chinese, Japanese',
    );
  });

  it("names a missing column in the language of the file", async () => {
    const file = '注文ID,注文状況,注文のサブ状況,セラーSKU,商品名,数量,SKUの元の価格,注文金額\n1,未発送,発送待ち,A,B,1,"1 JPY","1 JPY"\n';
    await expect(collect(parseTikTokCsv(streamOf(file), { timeZone: "Asia/Tokyo", currency: "JPY" }))).rejects.toThrow(
      "TikTok Shop export (Japanese): missing required column: 注文作成時刻",
    );
  });

  it("refuses a Fulfillment Type it does not know rather than putting the order on the wrong clock", async () => {
    const file =
      "Order ID,Order Status,Seller SKU,Product Name,Quantity,SKU Unit Original Price,Order Amount,Created Time,Fulfillment Type\n1,To ship,A,B,1,1.00,1.00,03/02/2026 10:00:00 AM,Fulfilment by moon\n";
    const { errors } = await collect(parseTikTokCsv(streamOf(file), { timeZone: "America/New_York", currency: "USD" }));
    expect(errors).toEqual([{ line: 2, message: 'Fulfillment Type: unknown value "Fulfilment by moon" (order 1 not imported)' }]);
  });
});

describe("TikTok pushes: the envelope with every type", () => {
  const push = (type: number, data: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type, tts_notification_id: `73271123930573719${type}`, shop_id: "7494049642642441621", timestamp: 1644412885, data, ...extra });

  it("type 1: applied, CANCEL and CANCELLED both cancel, is_on_hold_order kept as ON_HOLD", () => {
    for (const s of ["CANCEL", "CANCELLED"]) {
      const r = parseTikTokPush(push(1, { order_id: "576486316948490001", order_status: s, update_time: 1644412885 }));
      expect(r.ok && r.value.kind === "order_status" && r.value.change.status).toBe("CANCELLED");
    }
    const held = parseTikTokPush(
      push(1, { order_id: "576486316948490001", order_status: "AWAITING_SHIPMENT", is_on_hold_order: true, update_time: 1644412885 }),
    );
    expect(held.ok && held.value.kind === "order_status" && held.value.change).toMatchObject({ status: "ON_HOLD", onHold: true });
    // The delivery id is TikTok's notification id: a redelivery de-duplicates on it.
    expect(held.ok && held.value.eventId).toBe("n:732711239305737191");
  });

  it("type 1 without a notification id (the EcomPHP sample shape) de-duplicates on order, instant and status", () => {
    const r = parseTikTokPush(
      '{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}',
    );
    expect(r.ok && r.value.eventId).toBe("7494726673780148744:576684019603311365:1664095610:AWAITING_SHIPMENT");
  });

  it("types 2 and 11: a completed cancellation cancels the order, a request is recorded", () => {
    const done = parseTikTokPush(push(11, { order_id: "576486316948490001", cancel_status: "CANCELLATION_REQUEST_COMPLETE", update_time: 1644412900 }));
    expect(done.ok && done.value).toMatchObject({
      kind: "order_cancelled",
      externalOrderId: "576486316948490001",
      cancelledAt: new Date(1644412900_000),
      topic: "cancellation_status_change",
    });
    const accepted = parseTikTokPush(push(11, { order_id: "576486316948490001", cancel_status: "CANCELLATION_REQUEST_SUCCESS", update_time: 1644412900 }));
    expect(accepted.ok && accepted.value.kind).toBe("order_cancelled");
    for (const state of ["CANCELLATION_REQUEST_PENDING", "CANCELLATION_REQUEST_CANCEL", "CANCELLATION_REQUEST_REJECT"]) {
      const r = parseTikTokPush(push(2, { order_id: "576486316948490001", cancel_status: state, update_time: 1644412900 }));
      expect(r.ok && r.value.kind, state).toBe("recorded");
    }
  });

  it("types 6 and 7 mark the connection; 4, 12 and unknown types are recorded", () => {
    expect(parseTikTokPush(push(6, { message: "deauthorized" })).ok && (parseTikTokPush(push(6, {})) as { value: { kind: string } }).value.kind).toBe(
      "deauthorized",
    );
    const expiring = parseTikTokPush(push(7, { message: "expires soon", expiration_time: 1645000000 }));
    expect(expiring.ok && expiring.value).toMatchObject({ kind: "authorization_expiring", expiresAt: new Date(1645000000_000) });
    for (const [type, topic] of [
      [4, "package_update"],
      [12, "return_status_change"],
      [99, "type_99"],
    ] as const) {
      const r = parseTikTokPush(push(type, { order_id: "1", package_id: "2" }));
      expect(r.ok && r.value).toMatchObject({ kind: "recorded", topic, type });
    }
  });

  it("a type 1 it cannot read is recorded with the reason, not refused", () => {
    const r = parseTikTokPush(push(1, { order_id: "5", order_status: "TELEPORTED" }));
    expect(r.ok && r.value.kind === "recorded" && r.value.reason).toContain("data.order_status");
  });
});

describe("TikTok API: address_detail, district_info by level name, fulfilment type and warehouse", () => {
  const order = (recipient: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    mapTikTokApiOrder(
      tiktokApiOrderSchema.parse({
        id: "576684019603311365",
        status: "AWAITING_SHIPMENT",
        create_time: 1_700_000_000,
        update_time: 1_700_000_100,
        payment: { currency: "VND", total_amount: "150000" },
        recipient_address: recipient,
        line_items: [{ id: "1", sku_id: "2", original_price: "150000" }],
        ...extra,
      }),
    );

  it("reads address_detail when address_line1 is absent, and VND without a minor unit", () => {
    const o = order({ name: "N***", address_detail: "12 Le Loi", region_code: "VN" });
    expect(o).toMatchObject({ shipAddress1: "12 Le Loi", totalMinor: 150000, currency: "VND" });
    expect(order({ full_address: "1 Jalan Test, Cheras" }).shipAddress1).toBe("1 Jalan Test, Cheras");
  });

  it("takes city and region by level name whatever their order", () => {
    const uk = order({
      district_info: [
        { address_level_name: "Post Town", address_name: "Leeds" },
        { address_level_name: "Country", address_name: "United Kingdom" },
        { address_level_name: "County", address_name: "West Yorkshire" },
      ],
    });
    expect(uk).toMatchObject({ shipCity: "Leeds", shipRegion: "West Yorkshire" });
    const vn = order({
      district_info: [
        { address_level_name: "Ward", address_name: "Ben Nghe" },
        { address_level_name: "District", address_name: "Quan 1" },
        { address_level_name: "Province", address_name: "Ho Chi Minh" },
        { address_level_name: "City", address_name: "HCMC" },
      ],
    });
    // City beats District whatever the order in the list.
    expect(vn).toMatchObject({ shipCity: "HCMC", shipRegion: "Ho Chi Minh" });
  });

  it("keeps fulfillment_type, the warehouse and the on-hold flag", () => {
    expect(order({}, { fulfillment_type: "FULFILLMENT_BY_TIKTOK", warehouse_id: "7100000000000000001" })).toMatchObject({
      fulfillmentType: "FULFILLED_BY_TIKTOK",
      warehouseName: "7100000000000000001",
    });
    expect(order({}, { fulfillment_type: "FULFILLMENT_BY_SELLER", delivery_option_name: "Upgraded TikTok Shipping" }).fulfillmentType).toBe(
      "UPGRADED_TIKTOK_SHIPPING",
    );
    expect(order({}, { is_on_hold_order: true }).status).toBe("ON_HOLD");
  });
});

describe("Shopify: the licensed samples", () => {
  it("parses every order sample, including ones without line_items[].id", () => {
    for (const f of [
      "gadget-docs-2026-04_orders_create.json",
      "gadget-docs-2026-04_orders_paid.json",
      "gadget-docs-2026-04_orders_fulfilled.json",
      "gadget-docs-2026-04_orders_updated.json",
    ]) {
      const r = parseShopifyOrderWebhook(sample(f));
      expect(r.ok, f).toBe(true);
    }
    for (const f of ["shopify_python_api_order.json", "shopify-api-ruby_order.json", "shopify-api-ruby_order_with_properties.json"]) {
      const r = parseShopifyOrderWebhook(unwrap(f, "order"));
      expect(r.ok, f).toBe(true);
      // "authorized", its only fulfilment a failure: not paid, nothing shipped.
      expect(r.ok && r.value).toMatchObject({ status: "AWAITING_PAYMENT", inTransitAt: null, totalMinor: 40994 });
    }
    const trimmed = JSON.parse(unwrap("shopify_python_api_order.json", "order")) as { line_items: Record<string, unknown>[] };
    for (const li of trimmed.line_items) delete li.id;
    expect(parseShopifyOrderWebhook(JSON.stringify(trimmed)).ok).toBe(true);
  });

  it("orders/cancelled: the docs sample is CANCELLED with its cancellation instant", () => {
    const r = parseShopifyWebhook("orders/cancelled", sample("gadget-docs-2026-04_orders_cancelled.json"));
    expect(r.ok && r.value.kind === "order" && r.value.order).toMatchObject({
      status: "CANCELLED",
      orderName: "#9999",
      cancelledAt: new Date("2022-01-01T00:00:00Z"),
    });
  });

  it("a pending fulfilment (docs and python samples) is not dispatch; its tracking is kept", () => {
    for (const [f, key] of [
      ["gadget-docs-2026-04_fulfillments_create.json", null],
      ["shopify_python_api_fulfillment.json", "fulfillment"],
    ] as const) {
      const r = parseShopifyFulfillmentWebhook(key ? unwrap(f, key) : sample(f));
      expect(r.ok && r.value.status, f).toBe("pending");
      expect(r.ok && r.value.inTransitAt, f).toBeNull();
      expect(r.ok && r.value.trackingNumber, f).not.toBeNull();
    }
    expect(isDispatchedFulfillment({ status: "pending" })).toBe(false);
    expect(isDispatchedFulfillment({ status: "open", shipment_status: "label_printed" })).toBe(false);
    expect(isDispatchedFulfillment({ status: "success" })).toBe(true);
    expect(isDispatchedFulfillment({ status: "pending", shipment_status: "in_transit" })).toBe(true);
    expect(isDispatchedFulfillment({ status: "cancelled", shipment_status: "in_transit" })).toBe(false);
  });

  it('an order "fulfilled" whose fulfilments are all pending is still awaiting shipment', () => {
    const body = JSON.parse(unwrap("shopify_python_api_order.json", "order")) as Record<string, unknown> & { fulfillments: Record<string, unknown>[] };
    body.financial_status = "paid";
    body.fulfillment_status = "fulfilled";
    body.fulfillments = body.fulfillments.map((f) => ({ ...f, status: "pending" }));
    const pending = parseShopifyOrderWebhook(JSON.stringify(body));
    expect(pending.ok && pending.value).toMatchObject({ status: "AWAITING_SHIPMENT", inTransitAt: null });
    body.fulfillments = body.fulfillments.map((f) => ({ ...f, status: "success" }));
    const shipped = parseShopifyOrderWebhook(JSON.stringify(body));
    expect(shipped.ok && shipped.value.status).toBe("IN_TRANSIT");
    expect(shipped.ok && shipped.value.inTransitAt).not.toBeNull();
  });

  it("refunds/create: the refund object with its successful refund transactions", () => {
    const docs = parseShopifyWebhook("refunds/create", sample("gadget-docs-2026-04_refunds_create.json"));
    expect(docs.ok && docs.value.kind === "refund" && docs.value.refund).toMatchObject({
      amounts: ["75.00", "10.00"],
      refundedAt: new Date("2022-01-01T00:00:00Z"),
    });
    for (const f of ["shopify_python_api_refund.json", "shopify-api-ruby_refund.json"]) expect(parseShopifyRefundWebhook(unwrap(f, "refund")).ok, f).toBe(true);
  });

  it("cash on delivery is on the dispatch clock: pending + cash_on_delivery/manual gateway → AWAITING_SHIPMENT", () => {
    const body = JSON.parse(sample("gadget-docs-2026-04_orders_create.json")) as Record<string, unknown>;
    Object.assign(body, { financial_status: "pending", cancelled_at: null, payment_gateway_names: ["cash_on_delivery"] });
    const cod = parseShopifyOrderWebhook(JSON.stringify(body));
    expect(cod.ok && cod.value).toMatchObject({ status: "AWAITING_SHIPMENT", paidAt: null });
    Object.assign(body, { payment_gateway_names: ["manual"] });
    expect((parseShopifyOrderWebhook(JSON.stringify(body)) as { value: { status: string } }).value.status).toBe("AWAITING_SHIPMENT");
    Object.assign(body, { payment_gateway_names: ["shopify_payments"] });
    expect((parseShopifyOrderWebhook(JSON.stringify(body)) as { value: { status: string } }).value.status).toBe("AWAITING_PAYMENT");
  });

  it('cash on delivery in the export ("Cash on Delivery (COD)", pending) → AWAITING_SHIPMENT', async () => {
    const file =
      "Name,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Payment Method\n" +
      "#1001,pending,unfulfilled,BDT,1200.00,2026-04-02 10:00:00 +0600,1,Saree,1200.00,Cash on Delivery (COD)\n" +
      "#1002,pending,unfulfilled,BDT,900.00,2026-04-02 11:00:00 +0600,1,Scarf,900.00,Bank Deposit\n";
    const { orders, errors } = await collect(parseShopifyCsv(streamOf(file)));
    expect(errors).toEqual([]);
    expect(orders.map((o) => [o.externalId, o.status])).toEqual([
      ["#1001", "AWAITING_SHIPMENT"],
      ["#1002", "AWAITING_PAYMENT"],
    ]);
  });
});
