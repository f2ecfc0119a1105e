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

export type FakeShopify = {
  baseUrl: string;
  requests: FakeRequest[];
  subscriptions: { id: string; topic: string; uri: string }[];
  orders: FakeOrderNode[];
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

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const token = (req.headers["x-shopify-access-token"] as string | undefined) ?? null;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const record = (status: number, query = "", variables: Record<string, unknown> = {}) => requests.push({ token, path: req.url ?? "", query, variables, status });

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
      return send(429, { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }, { "retry-after": String(options.retryAfterSeconds ?? 2) });
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
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: { maximumAvailable: maximum, currentlyAvailable: 12, restoreRate: options.restoreRate ?? 100 } } },
      });
    }
    if (failure) {
      record(failure, query, variables);
      return send(failure, { errors: "Service unavailable" });
    }
    record(200, query, variables);

    if (/webhookSubscriptionCreate/.test(query)) {
      const topic = String(variables.topic ?? "");
      const uri = String((variables.sub as { uri?: unknown } | undefined)?.uri ?? "");
      if (subscriptions.some((s) => s.topic === topic && s.uri === uri)) {
        return send(200, { data: { webhookSubscriptionCreate: { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "uri"], message: "Address for this topic has already been taken" }] } } });
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
      const matching = [...state.orders].filter((o) => new Date(o.updatedAt).getTime() >= since).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
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
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate: options.restoreRate ?? 100 } } },
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
    get orders() {
      return state.orders;
    },
    set orders(v: FakeOrderNode[]) {
      state.orders = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
    shippingAddress: { name: "Ana Lopez", firstName: "Ana", lastName: "Lopez", address1: "12 Elm St", address2: null, city: "Boston", province: "Massachusetts", provinceCode: "MA", zip: "02134", country: "United States", countryCodeV2: "US", phone: null },
    lineItems: { nodes: (o.lines ?? [{ sku: "MUG", name: "Mug", quantity: 1, price: o.total }]).map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, originalUnitPriceSet: { shopMoney: { amount: l.price } } })) },
    fulfillments: (o.fulfillments ?? []).map((f) => ({
      id: `gid://shopify/Fulfillment/${f.id}`, status: f.status, displayStatus: f.displayStatus ?? null, createdAt: f.createdAt, updatedAt: f.updatedAt ?? f.createdAt,
      trackingInfo: f.number ? [{ company: f.company ?? null, number: f.number }] : [],
    })),
  };
}
