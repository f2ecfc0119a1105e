import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTikTokShopClient, mapTikTokApiOrder, signTikTokRequest, type TikTokApiOrder } from "./tiktok-api";

const APP_KEY = "6abc123";
const APP_SECRET = "tt_app_secret";
const TOKEN = "tok_test";
const CIPHER = "GCP_XXXX";

describe("signTikTokRequest (known vectors)", () => {
  it("signs a POST with sorted params and the raw body, ignoring sign and access_token", () => {
    // Computed independently:
    //   printf '%s' 'tt_app_secret/order/202309/orders/searchapp_key6abc123page_size2shop_cipherGCP_XXXXsort_fieldupdate_timesort_orderASCtimestamp1700000000{"update_time_ge":1699990000}tt_app_secret' \
    //     | openssl dgst -sha256 -hmac 'tt_app_secret'
    expect(
      signTikTokRequest({
        path: "/order/202309/orders/search",
        query: {
          timestamp: "1700000000",
          sort_order: "ASC",
          app_key: APP_KEY,
          shop_cipher: CIPHER,
          sort_field: "update_time",
          page_size: "2",
          access_token: "x",
          sign: "y",
        },
        body: '{"update_time_ge":1699990000}',
        appSecret: APP_SECRET,
      }),
    ).toBe("373aa182b3f266b00a21c8b1abc8ef31c9ac2fd8b9a4fb00a6d9f17daf08254a");
  });

  it("signs a GET without body", () => {
    // printf '%s' 'tt_app_secret/order/202309/ordersapp_key6abc123ids583870900000000001,583870900000000002shop_cipherGCP_XXXXtimestamp1700000000tt_app_secret' \
    //   | openssl dgst -sha256 -hmac 'tt_app_secret'
    expect(
      signTikTokRequest({
        path: "/order/202309/orders",
        query: { ids: "583870900000000001,583870900000000002", app_key: APP_KEY, timestamp: "1700000000", shop_cipher: CIPHER },
        appSecret: APP_SECRET,
      }),
    ).toBe("36988caf7a4b8327e1bf9509ee08c609ff0e0f83a380d6c04c6416088c158a52");
  });
});

function apiOrder(id: string, overrides: Partial<TikTokApiOrder> = {}): TikTokApiOrder {
  return {
    id,
    status: "IN_TRANSIT",
    create_time: 1_700_000_000,
    update_time: 1_700_100_000,
    paid_time: 1_700_000_060,
    collection_time: 1_700_050_000,
    delivery_time: 0,
    cancel_time: null,
    shipping_type: "TIKTOK",
    tracking_number: "9400111899223344556677",
    shipping_provider: "USPS",
    payment: { currency: "USD", total_amount: "37.50" },
    recipient_address: {
      name: "Ana Lopez",
      phone_number: "(+1)617*****21",
      address_line1: "12 Elm St",
      postal_code: "02134",
      region_code: "US",
      district_info: [
        { address_level_name: "State", address_name: "Massachusetts" },
        { address_level_name: "City", address_name: "Boston" },
      ],
    },
    line_items: [
      {
        id: "1",
        sku_id: "1729384756102938475",
        seller_sku: "TEE-RED-M",
        product_name: "Cotton Tee",
        sku_name: "Red, M",
        original_price: "12.50",
        sale_price: "12.50",
      },
      {
        id: "2",
        sku_id: "1729384756102938475",
        seller_sku: "TEE-RED-M",
        product_name: "Cotton Tee",
        sku_name: "Red, M",
        original_price: "12.50",
        sale_price: "12.50",
      },
      { id: "3", sku_id: "1729384756102938476", seller_sku: "", product_name: "Tote", sku_name: null, original_price: "12.50", sale_price: "10.00" },
    ],
    ...overrides,
  };
}

describe("mapTikTokApiOrder", () => {
  it("groups per-unit line items and maps times, status and shipping type", () => {
    const o = mapTikTokApiOrder(apiOrder("583870900000000001"));
    expect(o).toMatchObject({
      externalId: "583870900000000001",
      status: "IN_TRANSIT",
      labelSource: "TIKTOK_SHIPPING",
      currency: "USD",
      totalMinor: 3750,
      carrier: "USPS",
      shipCity: "Boston",
      shipRegion: "Massachusetts",
      shipCountry: "US",
      deliveredAt: null,
      cancelledAt: null,
    });
    expect(o.inTransitAt!.toISOString()).toBe(new Date(1_700_050_000_000).toISOString());
    expect(o.sourceUpdatedAt!.getTime()).toBe(1_700_100_000_000);
    expect(o.lines).toEqual([
      { sku: "TEE-RED-M", productName: "Cotton Tee - Red, M", quantity: 2, unitPriceMinor: 1250 },
      { sku: "1729384756102938476", productName: "Tote", quantity: 1, unitPriceMinor: 1250 },
    ]);
    expect(mapTikTokApiOrder(apiOrder("1", { status: "PARTIALLY_SHIPPING", shipping_type: "SELLER" }))).toMatchObject({
      status: "AWAITING_SHIPMENT",
      labelSource: "SELLER",
    });
    expect(mapTikTokApiOrder(apiOrder("1", { status: "UNPAID", shipping_type: null }))).toMatchObject({ status: "AWAITING_PAYMENT", labelSource: "UNKNOWN" });
  });
});

describe("TikTok Shop client against a fake API on loopback", () => {
  let server: Server;
  let baseUrl = "";
  const seen: { method: string; path: string; query: Record<string, string>; body: string }[] = [];
  let failSearchOnce = true;
  let failGetWith500 = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const query = Object.fromEntries(url.searchParams);
        const body = Buffer.concat(chunks).toString("utf8");
        seen.push({ method: req.method ?? "", path: url.pathname, query, body });
        const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { "content-type": "application/json", ...headers });
          res.end(JSON.stringify(payload));
        };
        // The fake verifies exactly what the real API checks: signature, key, cipher, token header.
        const expected = signTikTokRequest({ path: url.pathname, query, body: req.method === "GET" ? undefined : body, appSecret: APP_SECRET });
        if (
          query.sign !== expected ||
          query.app_key !== APP_KEY ||
          query.shop_cipher !== CIPHER ||
          req.headers["x-tts-access-token"] !== TOKEN ||
          !query.timestamp
        ) {
          send(401, { code: 106001, message: "invalid signature" });
          return;
        }
        if (url.pathname === "/order/202309/orders/search" && req.method === "POST") {
          if (failSearchOnce) {
            failSearchOnce = false;
            send(429, { code: 36009004, message: "rate limited" });
            return;
          }
          const filter = JSON.parse(body) as { update_time_ge?: number };
          if (filter.update_time_ge !== 1_700_000_000 || Number(query.page_size) > 100) {
            send(400, { code: 1, message: "bad filter" });
            return;
          }
          if (!query.page_token) {
            send(200, {
              code: 0,
              message: "Success",
              data: { orders: [apiOrder("583870900000000001"), apiOrder("583870900000000002")], next_page_token: "page2", total_count: 3 },
            });
          } else {
            send(200, {
              code: 0,
              message: "Success",
              data: { orders: [apiOrder("583870900000000003", { status: "DELIVERED", delivery_time: 1_700_090_000 })], next_page_token: "", total_count: 3 },
            });
          }
          return;
        }
        if (url.pathname === "/order/202309/orders" && req.method === "GET") {
          if (failGetWith500 > 0) {
            failGetWith500--;
            send(503, { code: 1, message: "busy" });
            return;
          }
          const ids = (query.ids ?? "").split(",");
          if (ids.length > 50) {
            send(400, { code: 1, message: "too many ids" });
            return;
          }
          send(200, { code: 0, message: "Success", data: { orders: ids.map((id) => apiOrder(id)) } });
          return;
        }
        send(404, { code: 404, message: "not found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  });

  const sleeps: number[] = [];
  const makeClient = (overrides: { appSecret?: string; maxAttempts?: number } = {}) =>
    createTikTokShopClient({
      appKey: APP_KEY,
      appSecret: overrides.appSecret ?? APP_SECRET,
      accessToken: TOKEN,
      shopCipher: CIPHER,
      baseUrl,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      maxAttempts: overrides.maxAttempts,
    });

  it("syncs all pages, retrying a 429 with backoff", async () => {
    const orders = [];
    for await (const o of makeClient().syncOrdersUpdatedSince(new Date(1_700_000_000_000), { pageSize: 2 })) orders.push(o);
    expect(orders.map((o) => [o.externalId, o.status])).toEqual([
      ["583870900000000001", "IN_TRANSIT"],
      ["583870900000000002", "IN_TRANSIT"],
      ["583870900000000003", "DELIVERED"],
    ]);
    const searches = seen.filter((s) => s.path === "/order/202309/orders/search");
    expect(searches.map((s) => s.query.page_token ?? null)).toEqual([null, null, "page2"]); // 429, retry, page 2
    expect(searches.every((s) => s.query.page_size === "2")).toBe(true);
    expect(sleeps).toEqual([375]); // base 500 ms, half + jitter(0.5) * half
  });

  it("fetches details in batches of at most 50 and retries 5xx", async () => {
    seen.length = 0;
    failGetWith500 = 2;
    const ids = Array.from({ length: 120 }, (_, i) => String(583870900000000000n + BigInt(i)));
    const orders = await makeClient().getOrders(ids);
    expect(orders.map((o) => o.id)).toEqual(ids);
    const gets = seen.filter((s) => s.method === "GET");
    expect(gets).toHaveLength(5); // 2 × 503 then batches of 50, 50, 20
    expect(gets.slice(2).map((g) => (g.query.ids ?? "").split(",").length)).toEqual([50, 50, 20]);
  });

  it("gives up after bounded attempts", async () => {
    failGetWith500 = 10;
    await expect(makeClient({ maxAttempts: 3 }).getOrders(["1"])).rejects.toThrow(/HTTP 503 after 3 attempt/);
    failGetWith500 = 0;
  });

  it("retries a dropped connection, and names the network error when it keeps failing", async () => {
    let drops = 2;
    const flaky = createTikTokShopClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      accessToken: TOKEN,
      shopCipher: CIPHER,
      baseUrl,
      sleep: async () => undefined,
      fetch: async (url, init) => {
        if (drops-- > 0) throw new TypeError("fetch failed", { cause: new Error("read ECONNRESET") });
        return fetch(url, init);
      },
    });
    expect((await flaky.getOrders(["583870900000000001"])).map((o) => o.id)).toEqual(["583870900000000001"]);
    const down = createTikTokShopClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      accessToken: TOKEN,
      shopCipher: CIPHER,
      baseUrl,
      maxAttempts: 3,
      sleep: async () => undefined,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
      },
    });
    await expect(down.getOrders(["1"])).rejects.toThrow("GET /order/202309/orders: network error after 3 attempt(s): connect ECONNREFUSED 127.0.0.1:1");
  });

  it("fails on a signature the server rejects", async () => {
    await expect(makeClient({ appSecret: "wrong" }).getOrders(["1"])).rejects.toThrow(/HTTP 401/);
  });
});
