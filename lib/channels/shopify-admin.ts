import { z } from "zod";
import { SHOPIFY_ORDER_FIELDS } from "@/lib/ingest/shopify-api";

// Shopify Admin GraphQL API client for a custom app's Admin API access token (what a merchant
// creates in the Shopify admin: Settings → Apps → Develop apps). Posts to
// `<base>/admin/api/<version>/graphql.json` with header X-Shopify-Access-Token, where <base> is the
// store's shopifyApiBaseUrl (tests, staging) or https://<shop>.myshopify.com.
//
// Throttling: GraphQL cost is a leaky bucket reported in `extensions.cost.throttleStatus`; before a
// query that would not fit in what is left, the client waits for the bucket to refill at
// `restoreRate` points a second. A THROTTLED error or HTTP 429 (with Retry-After), a 5xx and a
// dropped connection are retried with backoff; refused credentials (401/403, ACCESS_DENIED) are not
// retried: they become a ShopifyAuthError so the store can show "disconnected" without a storm.

export const SHOPIFY_DEFAULT_API_VERSION = "2026-10";
export const SHOPIFY_ORDERS_PAGE_SIZE = 50;

export type ShopifyFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export type ShopifyClientConfig = {
  shopDomain: string;
  accessToken: string;
  apiVersion?: string | null;
  /** Overrides https://<shopDomain>. */
  baseUrl?: string | null;
  fetch?: ShopifyFetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
};

export class ShopifyApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ShopifyApiError";
  }
}

/** The shop refused the credentials: show the store as disconnected, do not retry. */
export class ShopifyAuthError extends ShopifyApiError {
  constructor(message: string, status: number) {
    super(message, status);
    this.name = "ShopifyAuthError";
  }
}

const throttleSchema = z
  .object({
    cost: z
      .object({
        requestedQueryCost: z.number().nullish(),
        actualQueryCost: z.number().nullish(),
        throttleStatus: z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number().positive() }).nullish(),
      })
      .nullish(),
  })
  .nullish();

const responseSchema = z.object({
  data: z.unknown().nullish(),
  errors: z
    .union([z.string(), z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().nullish() }).passthrough().nullish() }).passthrough())])
    .nullish(),
  extensions: throttleSchema,
});

export const shopDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "Use the shop's *.myshopify.com domain, e.g. my-shop.myshopify.com.");

export function createShopifyAdminClient(config: ShopifyClientConfig) {
  const version = config.apiVersion || SHOPIFY_DEFAULT_API_VERSION;
  const base = (config.baseUrl || `https://${config.shopDomain}`).replace(/\/$/, "");
  const endpoint = `${base}/admin/api/${version}/graphql.json`;
  const doFetch: ShopifyFetch = config.fetch ?? ((url, init) => fetch(url, init));
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = config.random ?? Math.random;
  const maxAttempts = config.maxAttempts ?? 5;
  const baseDelayMs = config.baseDelayMs ?? 500;
  const maxDelayMs = config.maxDelayMs ?? 30_000;
  // What the last response said about the bucket: a query that will not fit waits first.
  let bucket: { available: number; restoreRate: number; lastCost: number } | null = null;

  function backoffMs(attempt: number, retryAfter: string | null): number {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(exp / 2 + random() * (exp / 2));
    const asked = retryAfter && /^\d+(\.\d+)?$/.test(retryAfter) ? Math.ceil(Number(retryAfter) * 1000) : 0;
    return Math.min(maxDelayMs, Math.max(jittered, asked));
  }

  async function waitForBucket(): Promise<void> {
    if (!bucket || bucket.available >= bucket.lastCost) return;
    const ms = Math.ceil(((bucket.lastCost - bucket.available) / bucket.restoreRate) * 1000);
    await sleep(Math.min(maxDelayMs, ms));
    // Refilled by what was waited for; the next response says the real level.
    bucket.available = bucket.lastCost;
  }

  /**
   * `write`: a mutation that may have been applied when the answer is lost (a dropped connection, a
   * 5xx) is not sent again here: the push job asks the shop what it holds before retrying.
   */
  async function graphql<T>(query: string, variables: Record<string, unknown>, dataSchema: z.ZodType<T>, options: { write?: boolean } = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    for (let attempt = 1; ; attempt++) {
      await waitForBucket();
      let response: Awaited<ReturnType<ShopifyFetch>>;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": config.accessToken },
          body,
        });
      } catch (error) {
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        if (attempt < maxAttempts && !options.write) {
          await sleep(backoffMs(attempt, null));
          continue;
        }
        throw new ShopifyApiError(`Shopify: network error after ${attempt} attempt(s): ${reason}`, 0);
      }
      const text = await response.text();
      if (response.status === 401 || response.status === 403) {
        throw new ShopifyAuthError(
          `Shopify refused the access token (HTTP ${response.status}): ${errorText(text) ?? "invalid API key or access token"}`,
          response.status,
        );
      }
      if ((response.status === 429 || (response.status >= 500 && !options.write)) && attempt < maxAttempts) {
        await sleep(backoffMs(attempt, response.headers.get("retry-after")));
        continue;
      }
      if (response.status !== 200) throw new ShopifyApiError(`Shopify: HTTP ${response.status} after ${attempt} attempt(s)`, response.status);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ShopifyApiError("Shopify: the response is not JSON", 200);
      }
      const parsed = responseSchema.safeParse(json);
      if (!parsed.success) throw new ShopifyApiError("Shopify: unexpected response shape", 200);
      const cost = parsed.data.extensions?.cost;
      if (cost?.throttleStatus) {
        bucket = {
          available: cost.throttleStatus.currentlyAvailable,
          restoreRate: cost.throttleStatus.restoreRate,
          lastCost: cost.requestedQueryCost ?? cost.actualQueryCost ?? 0,
        };
      }
      const errors = parsed.data.errors;
      if (errors && errors.length > 0) {
        const list = typeof errors === "string" ? [{ message: errors, extensions: null }] : errors;
        const codes = list.map((e) => e.extensions?.code ?? "");
        const message = list.map((e) => e.message).join("; ");
        if (codes.includes("THROTTLED") && attempt < maxAttempts) {
          // The bucket is empty: wait for what the query costs to drip back in.
          if (bucket) bucket.available = Math.min(bucket.available, 0);
          else bucket = { available: 0, restoreRate: 50, lastCost: 50 };
          await waitForBucket();
          continue;
        }
        if (codes.includes("ACCESS_DENIED") || /invalid api key or access token/i.test(message))
          throw new ShopifyAuthError(`Shopify refused the request: ${message}`, 200);
        throw new ShopifyApiError(`Shopify: ${message}`, 200);
      }
      const data = dataSchema.safeParse(parsed.data.data);
      if (!data.success) {
        throw new ShopifyApiError(
          `Shopify: unexpected data: ${data.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join(".")}: ${i.message}`)
            .join("; ")}`,
          200,
        );
      }
      return data.data;
    }
  }

  const ordersPage = z.object({
    orders: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
      nodes: z.array(z.unknown()),
    }),
  });

  /**
   * Every order updated at or after `since` (the backfill passes the first date it wants), oldest
   * update first, a page at a time by cursor. Nodes are returned raw: lib/ingest maps them.
   */
  async function* ordersUpdatedSince(since: Date, options: { pageSize?: number } = {}): AsyncGenerator<unknown[]> {
    const query = `query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ${SHOPIFY_ORDER_FIELDS} }
  }
}`;
    let after: string | null = null;
    for (;;) {
      const page: z.output<typeof ordersPage> = await graphql(
        query,
        { first: options.pageSize ?? SHOPIFY_ORDERS_PAGE_SIZE, after, query: `updated_at:>='${since.toISOString()}' status:any` },
        ordersPage,
      );
      yield page.orders.nodes;
      if (!page.orders.pageInfo.hasNextPage || !page.orders.pageInfo.endCursor) return;
      after = page.orders.pageInfo.endCursor;
    }
  }

  const subscriptionsData = z.object({
    webhookSubscriptions: z.object({ nodes: z.array(z.object({ id: z.string(), topic: z.string(), uri: z.string().nullish() })) }),
  });
  const createData = z.object({
    webhookSubscriptionCreate: z.object({
      webhookSubscription: z.object({ id: z.string(), topic: z.string() }).nullish(),
      userErrors: z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() })),
    }),
  });

  async function listWebhookSubscriptions(): Promise<{ id: string; topic: string; uri: string | null }[]> {
    const data = await graphql(
      `
        query {
          webhookSubscriptions(first: 100) {
            nodes {
              id
              topic
              uri
            }
          }
        }
      `,
      {},
      subscriptionsData,
    );
    return data.webhookSubscriptions.nodes.map((n) => ({ id: n.id, topic: n.topic, uri: n.uri ?? null }));
  }

  async function createWebhookSubscription(topic: string, uri: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
    const data = await graphql(
      `
        mutation Subscribe($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
          webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
            webhookSubscription {
              id
              topic
            }
            userErrors {
              field
              message
            }
          }
        }
      `,
      { topic, sub: { uri, format: "JSON" } },
      createData,
    );
    const r = data.webhookSubscriptionCreate;
    if (r.webhookSubscription) return { ok: true, id: r.webhookSubscription.id };
    return { ok: false, message: r.userErrors.map((e) => e.message).join("; ") || "not created" };
  }

  return { graphql, ordersUpdatedSince, listWebhookSubscriptions, createWebhookSubscription, endpoint };
}

export type ShopifyAdminClient = ReturnType<typeof createShopifyAdminClient>;

function errorText(body: string): string | null {
  try {
    const json = JSON.parse(body) as { errors?: unknown };
    if (typeof json.errors === "string") return json.errors;
    if (Array.isArray(json.errors)) return json.errors.map((e) => (typeof e === "object" && e && "message" in e ? String(e.message) : String(e))).join("; ");
  } catch {
    // not JSON: fall through
  }
  return body.trim().slice(0, 200) || null;
}

/** Topics registered for every connected shop (WebhookSubscriptionTopic values), and the header topic each sends. */
export const SHOPIFY_SUBSCRIBED_TOPICS = [
  "ORDERS_CREATE",
  "ORDERS_UPDATED",
  "ORDERS_PAID",
  "ORDERS_CANCELLED",
  "ORDERS_FULFILLED",
  "FULFILLMENTS_CREATE",
  "FULFILLMENTS_UPDATE",
  "REFUNDS_CREATE",
] as const;
