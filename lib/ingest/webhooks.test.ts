import { describe, it, expect } from "vitest";
import {
  parseJsonKeepingBigIds,
  parseShopifyFulfillmentWebhook,
  parseShopifyOrderWebhook,
  parseShopifyWebhook,
  parseTikTokWebhook,
  verifyShopifyHmac,
  verifyTikTokSignature,
} from "./webhooks";

describe("verifyShopifyHmac (known vector)", () => {
  // Computed independently:
  //   printf '%s' '{"id":5678901234567890123,"name":"#1053","note":"café"}' \
  //     | openssl dgst -sha256 -hmac 'shpss_test_secret' -binary | base64
  const body = Buffer.from('{"id":5678901234567890123,"name":"#1053","note":"café"}', "utf8");
  const secret = "shpss_test_secret";
  const header = "m4Tv7vKoIhVeOPuKLcbw6EgK7ilGZF6o24nwk/3Ik30=";

  it("accepts the right signature over the raw bytes", () => {
    expect(verifyShopifyHmac(body, header, secret)).toBe(true);
  });

  it("rejects forged, truncated, missing and empty inputs", () => {
    expect(verifyShopifyHmac(Buffer.from(body.toString().replace("1053", "1054")), header, secret)).toBe(false);
    expect(verifyShopifyHmac(body, header, "other_secret")).toBe(false);
    expect(verifyShopifyHmac(body, header.slice(0, 20), secret)).toBe(false);
    expect(verifyShopifyHmac(body, "not base64 at all!!", secret)).toBe(false);
    expect(verifyShopifyHmac(body, null, secret)).toBe(false);
    expect(verifyShopifyHmac(body, "", secret)).toBe(false);
    expect(verifyShopifyHmac(Buffer.alloc(0), header, secret)).toBe(false);
  });

  it("is sensitive to re-serialisation (must use the raw body)", () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    expect(verifyShopifyHmac(reserialised, header, secret)).toBe(false);
  });
});

describe("verifyTikTokSignature (known vector)", () => {
  // Computed independently:
  //   printf '%s' '6abc123' | cat - body.json | openssl dgst -sha256 -hmac 'tt_app_secret'
  const body = Buffer.from(
    '{"type":1,"shop_id":"7494049642642441621","timestamp":1700000100,"data":{"order_id":"583870900000000001","order_status":"IN_TRANSIT","update_time":1700000099}}',
  );
  const signature = "c7aa7c74299c2aacaf9181dee57219f8af5eb9acc89e71488a0f0709f62f8efd";

  it("accepts the right signature (any hex case)", () => {
    expect(verifyTikTokSignature(body, signature, "6abc123", "tt_app_secret")).toBe(true);
    expect(verifyTikTokSignature(body, signature.toUpperCase(), "6abc123", "tt_app_secret")).toBe(true);
  });

  it("rejects forged or missing signatures", () => {
    expect(verifyTikTokSignature(body, signature, "other_key", "tt_app_secret")).toBe(false);
    expect(verifyTikTokSignature(body, signature, "6abc123", "wrong")).toBe(false);
    expect(verifyTikTokSignature(Buffer.from(`${body} `), signature, "6abc123", "tt_app_secret")).toBe(false);
    expect(verifyTikTokSignature(body, signature.slice(2), "6abc123", "tt_app_secret")).toBe(false);
    expect(verifyTikTokSignature(body, null, "6abc123", "tt_app_secret")).toBe(false);
    expect(verifyTikTokSignature(Buffer.alloc(0), signature, "6abc123", "tt_app_secret")).toBe(false);
  });
});

describe("parseJsonKeepingBigIds", () => {
  it("keeps big integers exact and leaves strings and small numbers alone", () => {
    const v = parseJsonKeepingBigIds(
      '{"id": 5678901234567890123, "n": 12, "p": 1.5, "s": "9999999999999999999", "a": [-12345678901234567890], "e": 1.12345678901234567}',
    ) as Record<string, unknown>;
    expect(v).toEqual({ id: "5678901234567890123", n: 12, p: 1.5, s: "9999999999999999999", a: ["-12345678901234567890"], e: 1.1234567890123457 });
  });

  it("does not touch digits inside strings with escaped quotes", () => {
    expect(parseJsonKeepingBigIds('{"note":"x\\" 12345678901234567890 \\"","id":12345678901234567890}')).toEqual({
      note: 'x" 12345678901234567890 "',
      id: "12345678901234567890",
    });
  });
});

const shopifyOrder = {
  id: 5678901234567890123,
  name: "#1053",
  email: "ana@example.com",
  created_at: "2025-03-09T10:15:00-05:00",
  updated_at: "2025-03-09T10:20:00-05:00",
  processed_at: "2025-03-09T10:15:01-05:00",
  cancelled_at: null,
  financial_status: "paid",
  fulfillment_status: null,
  currency: "USD",
  total_price: "439.00",
  shipping_address: {
    name: "Ana Lopez",
    address1: "12 Elm St",
    address2: null,
    city: "Boston",
    province_code: "MA",
    zip: "02134",
    country_code: "US",
    phone: "+16175550101",
  },
  line_items: [
    { id: 9876543210987654321, sku: "LS-M", name: "Linen Shirt - M", quantity: 1, price: "399.00", fulfillment_status: null },
    { id: 2, sku: "CT", name: "Canvas Tote", quantity: 2, price: "20.00", fulfillment_status: null },
  ],
  shipping_lines: [],
  fulfillments: [],
  refunds: [],
};
// JSON.stringify would round the ids; write the big ones into the text as the platform sends them.
const orderBody = JSON.stringify(shopifyOrder)
  .replace('"id":5678901234567890000', '"id":5678901234567890123')
  .replace('"id":9876543210987655000', '"id":9876543210987654321');

describe("Shopify order webhooks", () => {
  it("maps orders/create with the id exact and the name kept", () => {
    expect(orderBody).toContain('"id":5678901234567890123');
    const r = parseShopifyOrderWebhook(Buffer.from(orderBody));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      externalId: "5678901234567890123",
      orderName: "#1053",
      channel: "BRAND_SITE",
      status: "AWAITING_SHIPMENT",
      totalMinor: 43900,
      currency: "USD",
      carrier: null,
      trackingNumber: null,
      buyerName: "Ana Lopez",
      shipPostcode: "02134",
      shipCountry: "US",
    });
    expect(r.value.sourceUpdatedAt!.toISOString()).toBe("2025-03-09T15:20:00.000Z");
    expect(r.value.paidAt!.toISOString()).toBe("2025-03-09T15:15:01.000Z");
    expect(r.value.lines).toEqual([
      { sku: "LS-M", productName: "Linen Shirt - M", quantity: 1, unitPriceMinor: 39900 },
      { sku: "CT", productName: "Canvas Tote", quantity: 2, unitPriceMinor: 2000 },
    ]);
  });

  it("maps orders/updated with fulfilments to IN_TRANSIT and takes tracking", () => {
    const updated = orderBody
      .replace('"fulfillment_status":null,"currency"', '"fulfillment_status":"fulfilled","currency"')
      .replace(
        '"fulfillments":[]',
        '"fulfillments":[{"id":4444444444444444444,"order_id":5678901234567890123,"status":"success","created_at":"2025-03-10T09:00:00-04:00","updated_at":"2025-03-10T09:05:00-04:00","tracking_company":"UPS","tracking_number":"1Z999AA10123456784","tracking_numbers":["1Z999AA10123456784"],"shipment_status":null}]',
      );
    const r = parseShopifyWebhook("orders/updated", Buffer.from(updated));
    expect(r.ok && r.value.kind === "order" && r.value.order).toMatchObject({ status: "IN_TRANSIT", carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    if (r.ok && r.value.kind === "order") expect(r.value.order.inTransitAt!.toISOString()).toBe("2025-03-10T13:00:00.000Z");
  });

  it("names the failing field path", () => {
    const bad = orderBody.replace('"quantity":2', '"quantity":"two"').replace('"total_price":"439.00"', '"total_price":439');
    const r = parseShopifyOrderWebhook(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("total_price");
      expect(r.message).toContain("line_items.1.quantity");
    }
    expect(parseShopifyOrderWebhook("{not json")).toEqual({ ok: false, message: "(body): not valid JSON" });
    expect(parseShopifyWebhook("products/create", orderBody)).toEqual({ ok: false, message: 'X-Shopify-Topic: unsupported topic "products/create"' });
  });
});

describe("Shopify fulfilment webhooks", () => {
  const body =
    '{"id":4444444444444444444,"order_id":5678901234567890123,"status":"success","created_at":"2025-03-10T09:00:00-04:00","updated_at":"2025-03-12T10:00:00-04:00","tracking_company":"USPS","tracking_number":null,"tracking_numbers":["9400111899223344556677"],"shipment_status":"delivered"}';

  it("maps fulfillments/create|update to a tracking update", () => {
    const r = parseShopifyFulfillmentWebhook(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      externalOrderId: "5678901234567890123",
      fulfillmentId: "4444444444444444444",
      status: "success",
      carrier: "USPS",
      trackingNumber: "9400111899223344556677",
      inTransitAt: new Date("2025-03-10T13:00:00.000Z"),
      deliveredAt: new Date("2025-03-12T14:00:00.000Z"),
      sourceUpdatedAt: new Date("2025-03-12T14:00:00.000Z"),
    });
    const viaTopic = parseShopifyWebhook("fulfillments/update", body);
    expect(viaTopic.ok && viaTopic.value.kind).toBe("fulfillment");
  });

  it("names the missing field", () => {
    expect(parseShopifyFulfillmentWebhook('{"id":1,"status":"success","created_at":"2025-03-10T09:00:00-04:00"}')).toEqual({
      ok: false,
      message: expect.stringContaining("order_id"),
    });
  });
});

describe("TikTok webhook", () => {
  it("maps an order status change", () => {
    const r = parseTikTokWebhook(
      '{"type":1,"shop_id":7494049642642441621,"timestamp":1700000100,"data":{"order_id":583870900000000001,"order_status":"AWAITING_COLLECTION","update_time":1700000099}}',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        externalOrderId: "583870900000000001",
        shopId: "7494049642642441621",
        status: "AWAITING_COLLECTION",
        sourceUpdatedAt: new Date(1700000099 * 1000),
        onHold: false,
      },
    });
  });

  it("names bad fields", () => {
    const r = parseTikTokWebhook('{"type":1,"shop_id":"1","timestamp":1,"data":{"order_id":"5","order_status":"TELEPORTED"}}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("data.order_status");
      expect(r.message).toContain("data.update_time");
    }
  });
});

describe("payload text bounded like a file cell", () => {
  it("a signed order whose field is past the cell limit is refused, naming the field", () => {
    const huge = orderBody.replace('"name":"Canvas Tote"', `"name":"${"A".repeat(40_000)}"`);
    const r = parseShopifyOrderWebhook(huge);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/line_items\.1\.name: longer than 32767 characters/);
  });
});
