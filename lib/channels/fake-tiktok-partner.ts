import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signTikTokRequest } from "@/lib/ingest/tiktok-api";

// A stand-in for the TikTok Shop Partner API on loopback (127.0.0.1 only), for tests. It checks
// what the real one checks — the signature over path, sorted query and body, app_key, shop_cipher
// and the x-tts-access-token header — and keeps what the write-back changes: each package's
// tracking number and provider (a number can be edited once after shipping, as on TikTok), SKU
// inventory, and the token pair (the refresh endpoint hands out a new one). It records every
// request and can answer one error, or hold a write's answer (a worker killed mid-push).

export type FakeTikTokOrder = {
  id: string;
  packageId: string;
  deliveryOptionId: string;
  status?: string;
  trackingNumber?: string | null;
  shippingProviderId?: string | null;
  /** Edits of the tracking number after shipping (TikTok allows one). */
  edits?: number;
};

export type FakeTikTokRequest = { method: string; path: string; query: Record<string, string>; body: unknown; status: number; code: number };

export type FakeTikTokError = { status?: number; code: number; message: string };

export type FakeTikTokOptions = {
  appKey: string;
  appSecret: string;
  accessToken: string;
  shopCipher: string;
  refreshToken?: string;
  orders?: FakeTikTokOrder[];
  /** Providers per delivery option id. */
  providers?: Record<string, { id: string; name: string }[]>;
  /** The shop's products (what products/search finds by seller SKU). */
  products?: { id: string; skus: { id: string; sellerSku: string; warehouseId: string }[] }[];
};

export type FakeTikTok = {
  baseUrl: string;
  requests: FakeTikTokRequest[];
  orders: Map<string, Required<FakeTikTokOrder>>;
  inventory: Map<string, number>;
  tokens: { accessToken: string; refreshToken: string };
  /** The next request whose path matches is answered with this error (once). */
  failOnce: (path: RegExp, error: FakeTikTokError) => void;
  /** The next matching write is applied but not answered until `release()` (which drops the connection). */
  holdOnce: (path: RegExp) => { applied: Promise<void>; release: () => void };
  writes: (path: RegExp) => FakeTikTokRequest[];
  close: () => Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startFakeTikTokPartner(options: FakeTikTokOptions): Promise<FakeTikTok> {
  const requests: FakeTikTokRequest[] = [];
  const orders = new Map<string, Required<FakeTikTokOrder>>();
  for (const o of options.orders ?? []) orders.set(o.id, { status: "AWAITING_SHIPMENT", trackingNumber: null, shippingProviderId: null, edits: 0, ...o });
  const inventory = new Map<string, number>();
  const tokens = { accessToken: options.accessToken, refreshToken: options.refreshToken ?? "refresh-token-0" };
  const failures: { path: RegExp; error: FakeTikTokError }[] = [];
  const holds: { path: RegExp; applied: () => void; released: Promise<void> }[] = [];
  let issued = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const entry: FakeTikTokRequest = { method: req.method ?? "", path: url.pathname, query, body, status: 200, code: 0 };
    requests.push(entry);
    const send = (status: number, code: number, message: string, data: unknown = null) => {
      entry.status = status;
      entry.code = code;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ code, message, request_id: `req-${requests.length}`, data }));
    };

    // The token endpoint is not signed: app key, app secret and the refresh token are its query.
    if (url.pathname === "/api/v2/token/refresh") {
      const failure = failures.findIndex((f) => f.path.test(url.pathname));
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        return send(f!.error.status ?? 200, f!.error.code, f!.error.message);
      }
      if (query.app_key !== options.appKey || query.app_secret !== options.appSecret || query.grant_type !== "refresh_token")
        return send(200, 36004004, "invalid app_key or app_secret");
      if (query.refresh_token !== tokens.refreshToken) return send(200, 36004005, "refresh_token is invalid or expired");
      issued += 1;
      tokens.accessToken = `access-token-${issued}`;
      tokens.refreshToken = `refresh-token-${issued}`;
      const nowSeconds = Math.floor(Date.now() / 1000);
      return send(200, 0, "success", {
        access_token: tokens.accessToken,
        access_token_expire_in: nowSeconds + 7 * 86_400,
        refresh_token: tokens.refreshToken,
        refresh_token_expire_in: nowSeconds + 60 * 86_400,
        open_id: "open-id",
        seller_name: "Fake seller",
      });
    }

    const expected = signTikTokRequest({ path: url.pathname, query, body: req.method === "GET" ? undefined : raw, appSecret: options.appSecret });
    if (query.sign !== expected || query.app_key !== options.appKey || query.shop_cipher !== options.shopCipher)
      return send(401, 106001, "Invalid credentials: the signature does not match");
    if (req.headers["x-tts-access-token"] !== tokens.accessToken) return send(401, 105002, "Expired credentials: the access token is invalid or expired");

    const failure = failures.findIndex((f) => f.path.test(url.pathname));
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      return send(f!.error.status ?? 200, f!.error.code, f!.error.message);
    }

    const hold = holds.findIndex((h) => h.path.test(url.pathname));
    const answer = async (status: number, code: number, message: string, data: unknown = null) => {
      if (hold >= 0) {
        const [h] = holds.splice(hold, 1);
        h!.applied();
        await h!.released;
        entry.status = 0;
        req.socket.destroy();
        return;
      }
      send(status, code, message, data);
    };

    if (req.method === "GET" && url.pathname === "/order/202309/orders") {
      const ids = (query.ids ?? "").split(",").filter(Boolean);
      const found = ids.map((id) => orders.get(id)).filter((o): o is Required<FakeTikTokOrder> => Boolean(o));
      return send(200, 0, "Success", {
        orders: found.map((o) => ({
          id: o.id,
          status: o.status,
          create_time: 1_767_000_000,
          update_time: 1_767_000_100,
          payment: { currency: "USD", total_amount: "25.00" },
          delivery_option_id: o.deliveryOptionId,
          packages: [{ id: o.packageId }],
          tracking_number: o.trackingNumber ?? "",
          shipping_provider_id: o.shippingProviderId ?? "",
          line_items: [{ id: "1", sku_id: "1729384756102938475", seller_sku: "TEE", product_name: "Tee", original_price: "25.00", package_id: o.packageId }],
        })),
      });
    }
    const providersMatch = /^\/logistics\/202309\/delivery_options\/([^/]+)\/shipping_providers$/.exec(url.pathname);
    if (req.method === "GET" && providersMatch) {
      const list = options.providers?.[providersMatch[1] as string];
      if (!list) return send(200, 21001001, "delivery option does not exist");
      return send(200, 0, "Success", { shipping_providers: list });
    }
    const shipMatch = /^\/fulfillment\/202309\/packages\/([^/]+)\/(ship|shipping_info\/update)$/.exec(url.pathname);
    if (req.method === "POST" && shipMatch) {
      const order = [...orders.values()].find((o) => o.packageId === shipMatch[1]);
      if (!order) return send(200, 21011001, "package does not exist");
      const b = (body ?? {}) as {
        tracking_number?: string;
        shipping_provider_id?: string;
        self_shipment?: { tracking_number?: string; shipping_provider_id?: string };
      };
      const tracking = shipMatch[2] === "ship" ? b.self_shipment : b;
      if (!tracking?.tracking_number || !tracking.shipping_provider_id) return send(200, 21011002, "tracking_number and shipping_provider_id are required");
      const known = Object.values(options.providers ?? {}).some((list) => list.some((p) => p.id === tracking.shipping_provider_id));
      if (!known) return send(200, 21011003, "shipping_provider_id is invalid for this delivery option");
      if (shipMatch[2] === "ship") {
        if (order.trackingNumber) return send(200, 21011004, "package has already been shipped");
      } else {
        if (!order.trackingNumber) return send(200, 21011005, "package has not been shipped");
        if (order.edits >= 1) return send(200, 21011006, "The tracking number of this package can only be updated once");
        order.edits += 1;
      }
      order.trackingNumber = tracking.tracking_number;
      order.shippingProviderId = tracking.shipping_provider_id;
      order.status = "AWAITING_COLLECTION";
      return answer(200, 0, "Success", {});
    }
    if (req.method === "POST" && url.pathname === "/product/202309/products/search") {
      const wanted = ((body ?? {}) as { seller_skus?: string[] }).seller_skus ?? [];
      const found = (options.products ?? []).filter((p) => p.skus.some((s) => wanted.includes(s.sellerSku)));
      return send(200, 0, "Success", {
        products: found.map((p) => ({
          id: p.id,
          skus: p.skus.map((s) => ({
            id: s.id,
            seller_sku: s.sellerSku,
            inventory: [{ warehouse_id: s.warehouseId, quantity: inventory.get(`${p.id}/${s.id}`) ?? 0 }],
          })),
        })),
        total_count: found.length,
      });
    }
    const inventoryMatch = /^\/product\/202309\/products\/([^/]+)\/inventory\/update$/.exec(url.pathname);
    if (req.method === "POST" && inventoryMatch) {
      const b = (body ?? {}) as { skus?: { id?: string; inventory?: { warehouse_id?: string; quantity?: number }[] }[] };
      const product = (options.products ?? []).find((p) => p.id === inventoryMatch[1]);
      if (!product) return send(200, 12052001, "product does not exist");
      for (const sku of b.skus ?? []) {
        const qty = sku.inventory?.[0]?.quantity;
        if (!sku.id || typeof qty !== "number" || !Number.isInteger(qty) || qty < 0)
          return send(200, 12052006, "inventory quantity must be a non-negative integer");
        const known = product.skus.find((s) => s.id === sku.id);
        if (!known) return send(200, 12052002, "sku does not belong to the product");
        if (sku.inventory?.[0]?.warehouse_id !== known.warehouseId) return send(200, 12052003, "warehouse_id is invalid");
        inventory.set(`${inventoryMatch[1]}/${sku.id}`, qty);
      }
      return answer(200, 0, "Success", {});
    }
    return send(404, 40400, `no such path on the fake: ${url.pathname}`);
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    orders,
    inventory,
    tokens,
    failOnce: (path, error) => void failures.push({ path, error }),
    holdOnce: (path) => {
      let applied!: () => void;
      let release!: () => void;
      const appliedP = new Promise<void>((r) => (applied = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ path, applied, released });
      return { applied: appliedP, release };
    },
    writes: (path) => requests.filter((r) => r.method === "POST" && path.test(r.path) && r.code === 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
