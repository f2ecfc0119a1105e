import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the Shopify Admin GraphQL API on loopback (127.0.0.1 only), for tests. It checks
// what the real one checks — the path with the API version, POST, a JSON body and the
// X-Shopify-Access-Token header (401 with Shopify's message otherwise) — pages orders with opaque
// cursors filtered by `updated_at:>=`, reports query costs in extensions.cost.throttleStatus, can
// answer one 429 with Retry-After, and keeps webhook subscriptions.

export type FakeOrderNode = Record<string, unknown> & { id: string; updatedAt: string };

export type FakeShopifyOptions = {
  accessToken: string;
  apiVersion: string;
  orders: FakeOrderNode[];
  /** The Nth GraphQL request (1-based) is answered 429 with this Retry-After once. */
  throttle429At?: number;
  retryAfterSeconds?: number;
  /** GraphQL requests (1-based) answered with a server error, or whose connection is dropped unanswered. */
  failures?: Record<number, 502 | 503 | "drop" | "THROTTLED">;
  /** Bucket left after each orders request, in order; then the full bucket. */
  availableAfter?: number[];
  queryCost?: number;
  restoreRate?: number;
};

export type FakeRequest = { token: string | null; path: string; query: string; variables: Record<string, unknown>; status: number };

export type FakeFulfilmentOrder = {
  fulfillmentOrders: { id: string; status: string }[];
  fulfillments: { id: string; status: string; trackingInfo: { company: string | null; number: string; url: string | null }[] }[];
};

export type FakeShopify = {
  baseUrl: string;
  requests: FakeRequest[];
  subscriptions: { id: string; topic: string; uri: string }[];
  orders: FakeOrderNode[];
  /** Write-back state per order gid: its fulfilment orders and fulfilments. */
  fulfilment: Map<string, FakeFulfilmentOrder>;
  /** Available quantity per "inventoryItemId|locationId". */
  quantities: Map<string, number>;
  /** Inventory item gid per SKU (what productVariants(query: "sku:…") finds). */
  inventoryItems: Map<string, string>;
  /** An order ready to fulfil: one OPEN fulfilment order. */
  openOrder: (orderGid: string) => void;
  /** The next GraphQL request whose query matches is answered with this (once): an HTTP error or userErrors. */
  failOnce: (query: RegExp, answer: 502 | 503 | { userError: string }) => void;
  /** The next matching mutation is applied but not answered until `release()` (which drops the connection). */
  holdOnce: (query: RegExp) => { applied: Promise<void>; release: () => void };
  /** Mutations Shopify accepted whose query matches. */
  accepted: (query: RegExp) => FakeRequest[];
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

export async function startFakeShopifyAdmin(options: FakeShopifyOptions): Promise<FakeShopify> {
  const requests: FakeRequest[] = [];
  const subscriptions: { id: string; topic: string; uri: string }[] = [];
  const state = { orders: options.orders };
  let graphqlCount = 0;
  let ordersCount = 0;
  let answered429 = false;
  const cost = options.queryCost ?? 52;
  const maximum = 2000;
  const fulfilment = new Map<string, FakeFulfilmentOrder>();
  const quantities = new Map<string, number>();
  const inventoryItems = new Map<string, string>();
  const failures: { query: RegExp; answer: 502 | 503 | { userError: string } }[] = [];
  const holds: { query: RegExp; applied: () => void; released: Promise<void> }[] = [];
  let nextId = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const token = (req.headers["x-shopify-access-token"] as string | undefined) ?? null;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const record = (status: number, query = "", variables: Record<string, unknown> = {}) =>
      requests.push({ token, path: req.url ?? "", query, variables, status });

    if (req.method !== "POST" || req.url !== `/admin/api/${options.apiVersion}/graphql.json`) {
      record(404);
      return send(404, { errors: "Not Found" });
    }
    if (token !== options.accessToken) {
      record(401);
      return send(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    }
    let parsed: { query?: string; variables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      record(400);
      return send(400, { errors: "body is not JSON" });
    }
    const query = parsed.query ?? "";
    const variables = parsed.variables ?? {};
    graphqlCount += 1;
    if (options.throttle429At === graphqlCount && !answered429) {
      answered429 = true;
      record(429, query, variables);
      return send(
        429,
        { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." },
        { "retry-after": String(options.retryAfterSeconds ?? 2) },
      );
    }
    const failure = options.failures?.[graphqlCount];
    if (failure === "drop") {
      record(0, query, variables);
      req.socket.destroy();
      return;
    }
    if (failure === "THROTTLED") {
      // What Shopify answers when the bucket is empty: HTTP 200, a THROTTLED error, the bucket's level.
      record(200, query, variables);
      return send(200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: {
          cost: {
            requestedQueryCost: cost,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: maximum, currentlyAvailable: 12, restoreRate: options.restoreRate ?? 100 },
          },
        },
      });
    }
    if (failure) {
      record(failure, query, variables);
      return send(failure, { errors: "Service unavailable" });
    }
    const failOnce = failures.findIndex((f) => f.query.test(query));
    if (failOnce >= 0) {
      const [f] = failures.splice(failOnce, 1);
      if (typeof f!.answer === "number") {
        record(f!.answer, query, variables);
        return send(f!.answer, { errors: "Service unavailable" });
      }
      record(200, query, variables);
      const field = /fulfillmentTrackingInfoUpdate/.test(query)
        ? "fulfillmentTrackingInfoUpdate"
        : /inventorySetQuantities/.test(query)
          ? "inventorySetQuantities"
          : "fulfillmentCreate";
      const empty = field === "inventorySetQuantities" ? { inventoryAdjustmentGroup: null } : { fulfillment: null };
      return send(200, { data: { [field]: { ...empty, userErrors: [{ field: ["fulfillment"], message: f!.answer.userError }] } } });
    }
    record(200, query, variables);
    const hold = holds.findIndex((h) => h.query.test(query));
    const answer = async (payload: unknown) => {
      if (hold >= 0) {
        const [h] = holds.splice(hold, 1);
        h!.applied();
        await h!.released;
        const last = requests.at(-1);
        if (last) last.status = 0;
        req.socket.destroy();
        return;
      }
      send(200, payload);
    };
    const userError = (field: string, message: string, empty: Record<string, null> = { fulfillment: null }) =>
      send(200, { data: { [field]: { ...empty, userErrors: [{ field: [field], message }] } } });

    if (/fulfillmentCreate\(/.test(query)) {
      const input = (variables.fulfillment ?? {}) as {
        lineItemsByFulfillmentOrder?: { fulfillmentOrderId?: string }[];
        trackingInfo?: { company?: string; number?: string; url?: string };
      };
      const ids = (input.lineItemsByFulfillmentOrder ?? []).map((l) => l.fulfillmentOrderId);
      const entry = [...fulfilment.entries()].find(([, f]) => f.fulfillmentOrders.some((fo) => ids.includes(fo.id)));
      if (!entry || ids.length === 0) return userError("fulfillmentCreate", "Fulfillment order does not exist.");
      const [, f] = entry;
      const targets = f.fulfillmentOrders.filter((fo) => ids.includes(fo.id));
      if (targets.some((fo) => fo.status === "CLOSED")) return userError("fulfillmentCreate", "Fulfillment order is closed and cannot be fulfilled.");
      if (!input.trackingInfo?.number) return userError("fulfillmentCreate", "Tracking number can't be blank");
      for (const fo of targets) fo.status = "CLOSED";
      const id = `gid://shopify/Fulfillment/${9000 + nextId++}`;
      f.fulfillments.push({
        id,
        status: "SUCCESS",
        trackingInfo: [{ company: input.trackingInfo.company ?? null, number: input.trackingInfo.number, url: input.trackingInfo.url ?? null }],
      });
      return answer({ data: { fulfillmentCreate: { fulfillment: { id, status: "SUCCESS" }, userErrors: [] } } });
    }
    if (/fulfillmentTrackingInfoUpdate\(/.test(query)) {
      const id = String(variables.fulfillmentId ?? "");
      const info = (variables.trackingInfoInput ?? {}) as { company?: string; number?: string; url?: string };
      const f = [...fulfilment.values()].flatMap((o) => o.fulfillments).find((x) => x.id === id);
      if (!f) return userError("fulfillmentTrackingInfoUpdate", "Fulfillment does not exist.");
      if (!info.number) return userError("fulfillmentTrackingInfoUpdate", "Tracking number can't be blank");
      f.trackingInfo = [{ company: info.company ?? null, number: info.number, url: info.url ?? null }];
      return answer({ data: { fulfillmentTrackingInfoUpdate: { fulfillment: { id }, userErrors: [] } } });
    }
    if (/inventorySetQuantities\(/.test(query)) {
      const input = (variables.input ?? {}) as { name?: string; quantities?: { inventoryItemId?: string; locationId?: string; quantity?: number }[] };
      if (input.name !== "available") return userError("inventorySetQuantities", "Name is not a valid quantity name", { inventoryAdjustmentGroup: null });
      for (const q of input.quantities ?? []) {
        if (!q.inventoryItemId || !q.locationId || typeof q.quantity !== "number")
          return userError("inventorySetQuantities", "Quantity is invalid", { inventoryAdjustmentGroup: null });
        quantities.set(`${q.inventoryItemId}|${q.locationId}`, q.quantity);
      }
      return answer({
        data: { inventorySetQuantities: { inventoryAdjustmentGroup: { id: `gid://shopify/InventoryAdjustmentGroup/${nextId++}` }, userErrors: [] } },
      });
    }
    if (/order\(id:/.test(query)) {
      const f = fulfilment.get(String(variables.id ?? ""));
      if (!f) return send(200, { data: { order: null } });
      return send(200, { data: { order: { id: variables.id, fulfillmentOrders: { nodes: f.fulfillmentOrders }, fulfillments: f.fulfillments } } });
    }
    if (/locations\(/.test(query)) return send(200, { data: { locations: { nodes: [{ id: "gid://shopify/Location/1" }] } } });
    if (/productVariants\(/.test(query)) {
      const m = /sku:"([^"]*)"/.exec(String(variables.query ?? ""));
      const item = m ? inventoryItems.get(m[1] as string) : undefined;
      return send(200, { data: { productVariants: { nodes: item ? [{ inventoryItem: { id: item } }] : [] } } });
    }

    if (/webhookSubscriptionCreate/.test(query)) {
      const topic = String(variables.topic ?? "");
      const uri = String((variables.sub as { uri?: unknown } | undefined)?.uri ?? "");
      if (subscriptions.some((s) => s.topic === topic && s.uri === uri)) {
        return send(200, {
          data: {
            webhookSubscriptionCreate: {
              webhookSubscription: null,
              userErrors: [{ field: ["webhookSubscription", "uri"], message: "Address for this topic has already been taken" }],
            },
          },
        });
      }
      const sub = { id: `gid://shopify/WebhookSubscription/${subscriptions.length + 1}`, topic, uri };
      subscriptions.push(sub);
      return send(200, { data: { webhookSubscriptionCreate: { webhookSubscription: { id: sub.id, topic }, userErrors: [] } } });
    }
    if (/webhookSubscriptions/.test(query)) {
      return send(200, { data: { webhookSubscriptions: { nodes: subscriptions } } });
    }
    if (/orders\(/.test(query)) {
      const first = Number(variables.first ?? 50);
      const after = typeof variables.after === "string" ? Number(Buffer.from(variables.after, "base64").toString("utf8").replace("cursor:", "")) : -1;
      const m = /updated_at:>='([^']+)'/.exec(String(variables.query ?? ""));
      const since = m ? new Date(m[1] as string).getTime() : -Infinity;
      const matching = [...state.orders]
        .filter((o) => new Date(o.updatedAt).getTime() >= since)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
      const start = after + 1;
      const nodes = matching.slice(start, start + first);
      const last = start + nodes.length - 1;
      const available = options.availableAfter?.[ordersCount] ?? maximum - cost;
      ordersCount += 1;
      return send(200, {
        data: {
          orders: {
            pageInfo: { hasNextPage: last < matching.length - 1, endCursor: nodes.length ? Buffer.from(`cursor:${last}`).toString("base64") : null },
            nodes,
          },
        },
        extensions: {
          cost: {
            requestedQueryCost: cost,
            actualQueryCost: cost,
            throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate: options.restoreRate ?? 100 },
          },
        },
      });
    }
    return send(200, { errors: [{ message: "Field not known to the fake", extensions: { code: "undefinedField" } }] });
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    subscriptions,
    fulfilment,
    quantities,
    inventoryItems,
    openOrder: (orderGid: string) => {
      fulfilment.set(orderGid, { fulfillmentOrders: [{ id: `gid://shopify/FulfillmentOrder/${nextId++}`, status: "OPEN" }], fulfillments: [] });
    },
    failOnce: (query: RegExp, answer: 502 | 503 | { userError: string }) => void failures.push({ query, answer }),
    holdOnce: (query: RegExp) => {
      let applied!: () => void;
      let release!: () => void;
      const appliedP = new Promise<void>((r) => (applied = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ query, applied, released });
      return { applied: appliedP, release };
    },
    accepted: (query: RegExp) => requests.filter((r) => query.test(r.query) && r.status !== 404 && r.status !== 401 && r.status < 500 && r.status !== 429),
    get orders() {
      return state.orders;
    },
    set orders(v: FakeOrderNode[]) {
      state.orders = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as FakeShopify;
}

/** A GraphQL order node as the sync selects it (lib/ingest/shopify-api.ts SHOPIFY_ORDER_FIELDS). */
export function fakeOrderNode(o: {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  financial: string;
  fulfillment: string;
  total: string;
  currency?: string;
  gateways?: string[];
  cancelledAt?: string | null;
  lines?: { sku: string; name: string; quantity: number; price: string }[];
  fulfillments?: { id: number; status: string; displayStatus?: string | null; createdAt: string; updatedAt?: string; company?: string; number?: string }[];
}): FakeOrderNode {
  return {
    id: `gid://shopify/Order/${o.id}`,
    legacyResourceId: String(o.id),
    name: o.name,
    email: "buyer@example.com",
    phone: null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    processedAt: o.createdAt,
    cancelledAt: o.cancelledAt ?? null,
    displayFinancialStatus: o.financial,
    displayFulfillmentStatus: o.fulfillment,
    paymentGatewayNames: o.gateways ?? ["shopify_payments"],
    totalPriceSet: { shopMoney: { amount: o.total, currencyCode: o.currency ?? "USD" } },
    shippingAddress: {
      name: "Ana Lopez",
      firstName: "Ana",
      lastName: "Lopez",
      address1: "12 Elm St",
      address2: null,
      city: "Boston",
      province: "Massachusetts",
      provinceCode: "MA",
      zip: "02134",
      country: "United States",
      countryCodeV2: "US",
      phone: null,
    },
    lineItems: {
      nodes: (o.lines ?? [{ sku: "MUG", name: "Mug", quantity: 1, price: o.total }]).map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        originalUnitPriceSet: { shopMoney: { amount: l.price } },
      })),
    },
    fulfillments: (o.fulfillments ?? []).map((f) => ({
      id: `gid://shopify/Fulfillment/${f.id}`,
      status: f.status,
      displayStatus: f.displayStatus ?? null,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt ?? f.createdAt,
      trackingInfo: f.number ? [{ company: f.company ?? null, number: f.number }] : [],
    })),
  };
}
