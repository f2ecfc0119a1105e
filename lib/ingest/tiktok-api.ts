import { createHmac } from "node:crypto";
import { z } from "zod";
import { getCurrencyExponent, isCurrencyCode, parseDecimalToMinor } from "./money";
import { unixSecondsToDate } from "./time";
import { TIKTOK_API_STATUS_MAP, tiktokApiStatusSchema } from "./webhooks";
import type { FulfillmentType, LabelSource, NormalizedLine, NormalizedOrder } from "./types";
import { MAX_CELL_CHARS } from "./limits";

// Every text field of a payload has the same bound as a file's cell (lib/ingest/limits.ts): a
// signed payload of a few MB must not put a multi-megabyte string on an order page.
const boundedString = () => z.string().max(MAX_CELL_CHARS, `longer than ${MAX_CELL_CHARS} characters`);

export const TIKTOK_API_BASE_URL = "https://open-api.tiktokglobalshop.com";
export const SEARCH_PAGE_SIZE_MAX = 100;
export const GET_ORDERS_BATCH_MAX = 50;

// ---------------------------------------------------------------------------------------------------
// Signing

export type SignInput = { path: string; query: Readonly<Record<string, string>>; body?: string; appSecret: string };

/**
 * TikTok Shop request signature (API 202309): query params except `sign` and `access_token`, sorted
 * by key and concatenated as key+value, prefixed with the path, the raw body appended when there is
 * one (non-GET JSON), wrapped in the app secret on both sides, HMAC-SHA256 keyed with the secret, hex.
 */
export function signTikTokRequest({ path, query, body, appSecret }: SignInput): string {
  const params = Object.keys(query)
    .filter((k) => k !== "sign" && k !== "access_token")
    .sort()
    .map((k) => `${k}${query[k] ?? ""}`)
    .join("");
  const base = `${appSecret}${path}${params}${body ?? ""}${appSecret}`;
  return createHmac("sha256", appSecret).update(base).digest("hex");
}

// ---------------------------------------------------------------------------------------------------
// Response shapes (validated: API responses are input from outside too)

const idString = z.union([boundedString(), z.number().int()]).transform(String);
const unixTime = z.number().int().nonnegative().nullish();
const amount = boundedString().regex(/^-?\d+(?:\.\d+)?$/, "expected a decimal amount string");

export const tiktokApiOrderSchema = z.object({
  id: idString,
  status: tiktokApiStatusSchema,
  create_time: z.number().int().positive(),
  update_time: z.number().int().positive(),
  paid_time: unixTime,
  collection_time: unixTime,
  delivery_time: unixTime,
  cancel_time: unixTime,
  shipping_type: boundedString().nullish(),
  fulfillment_type: boundedString().nullish(),
  delivery_option_name: boundedString().nullish(),
  // The write-back (lib/channels/tiktok-fulfillment.ts) reads these: the shipping providers are
  // listed per delivery option, and tracking is written to the order's package.
  delivery_option_id: idString.nullish(),
  packages: z.array(z.object({ id: idString })).nullish(),
  warehouse_id: idString.nullish(),
  is_on_hold_order: z.boolean().nullish(),
  tracking_number: boundedString().nullish(),
  shipping_provider: boundedString().nullish(),
  shipping_provider_id: idString.nullish(),
  buyer_email: boundedString().nullish(),
  payment: z.object({ currency: boundedString(), total_amount: amount }),
  recipient_address: z
    .object({
      name: boundedString().nullish(),
      phone_number: boundedString().nullish(),
      address_line1: boundedString().nullish(),
      address_line2: boundedString().nullish(),
      // Some regions send these instead of address_line1 (MY, VN samples).
      address_detail: boundedString().nullish(),
      full_address: boundedString().nullish(),
      postal_code: boundedString().nullish(),
      region_code: boundedString().nullish(),
      district_info: z.array(z.object({ address_level_name: boundedString().nullish(), address_name: boundedString().nullish() })).nullish(),
    })
    .nullish(),
  line_items: z.array(
    z.object({
      // Never read (units are grouped by sku_id and price): not required.
      id: idString.nullish(),
      sku_id: idString,
      seller_sku: boundedString().nullish(),
      product_name: boundedString().nullish(),
      sku_name: boundedString().nullish(),
      original_price: amount,
      sale_price: amount.nullish(),
      package_id: idString.nullish(),
    }),
  ),
});

export type TikTokApiOrder = z.output<typeof tiktokApiOrderSchema>;

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.number(), message: boundedString().nullish(), request_id: boundedString().nullish(), data: data.nullish() });

const searchData = z.object({
  orders: z.array(tiktokApiOrderSchema).default([]),
  next_page_token: boundedString().nullish(),
  total_count: z.number().int().nullish(),
});
const getData = z.object({ orders: z.array(tiktokApiOrderSchema).default([]) });

// ---------------------------------------------------------------------------------------------------
// Mapping

export function mapTikTokShippingType(shippingType: string | null | undefined): LabelSource {
  if (shippingType === "TIKTOK") return "TIKTOK_SHIPPING";
  if (shippingType === "SELLER") return "SELLER";
  return "UNKNOWN";
}

// Level names seen in district_info, most specific city-like level first (UK: Post Town; ID: Regency
// and City; VN: District) and the region (US: State; UK: County; VN/ID/TH: Province).
const CITY_LEVELS = ["city", "post town", "regency and city", "town", "district", "districts"] as const;
const REGION_LEVELS = ["state", "county", "province", "region", "prefecture"] as const;

/**
 * fulfillment_type FULFILLMENT_BY_TIKTOK → FBT; seller-fulfilled orders on TikTok's shipping
 * programmes are named by their delivery option.
 */
export function mapTikTokApiFulfillmentType(order: { fulfillment_type?: string | null; delivery_option_name?: string | null }): FulfillmentType {
  if (order.fulfillment_type === "FULFILLMENT_BY_TIKTOK") return "FULFILLED_BY_TIKTOK";
  const option = (order.delivery_option_name ?? "").toLowerCase();
  if (option.includes("upgraded tiktok shipping")) return "UPGRADED_TIKTOK_SHIPPING";
  if (/collections? by tiktok/.test(option)) return "COLLECTIONS_BY_TIKTOK";
  return "SELLER_SHIPPING";
}

export class TikTokApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly apiCode: number | null = null,
  ) {
    super(message);
    this.name = "TikTokApiError";
  }
}

/**
 * API order → NormalizedOrder. line_items hold one entry per unit, so units are grouped into lines by
 * (sku_id, original_price); the line price is the original (pre-discount) unit price like the export's
 * `SKU Unit Original Price`, and the sku the seller SKU when set (else sku_id), also like the export,
 * so an order imported from a file and later synced keeps the same lines.
 */
export function mapTikTokApiOrder(order: TikTokApiOrder): NormalizedOrder {
  const currency = order.payment.currency.toUpperCase();
  if (!isCurrencyCode(currency)) throw new TikTokApiError(`order ${order.id}: payment.currency "${currency}" is not ISO 4217`, 200);
  const exponent = getCurrencyExponent(currency);
  const toMinor = (text: string, field: string): number => {
    const r = parseDecimalToMinor(text, exponent);
    if (!r.ok) throw new TikTokApiError(`order ${order.id}: ${field}: ${r.reason}`, 200);
    return r.value;
  };
  const grouped = new Map<string, NormalizedLine>();
  order.line_items.forEach((li, i) => {
    const key = `${li.sku_id}\u0000${li.original_price}`;
    const existing = grouped.get(key);
    if (existing) {
      existing.quantity += 1;
      return;
    }
    grouped.set(key, {
      sku: li.seller_sku || li.sku_id,
      productName: li.sku_name ? `${li.product_name ?? ""} - ${li.sku_name}` : (li.product_name ?? ""),
      quantity: 1,
      unitPriceMinor: toMinor(li.original_price, `line_items.${i}.original_price`),
    });
  });
  const a = order.recipient_address;
  // district_info's order varies by country: look levels up by name, in order of preference.
  const levels = new Map<string, string>();
  for (const d of a?.district_info ?? []) {
    const name = (d.address_level_name ?? "").trim().toLowerCase();
    if (name && d.address_name && !levels.has(name)) levels.set(name, d.address_name);
  }
  const level = (names: readonly string[]): string | null => {
    for (const n of names) {
      const v = levels.get(n);
      if (v) return v;
    }
    return null;
  };
  const status = order.status === "AWAITING_SHIPMENT" && order.is_on_hold_order ? "ON_HOLD" : order.status;
  return {
    externalId: order.id,
    orderName: null,
    channel: "TIKTOK_SHOP",
    status: TIKTOK_API_STATUS_MAP[status] ?? "AWAITING_SHIPMENT",
    placedAt: new Date(order.create_time * 1000),
    paidAt: unixSecondsToDate(order.paid_time),
    // collection_time is when the carrier took the parcel, i.e. the order became IN_TRANSIT.
    inTransitAt: unixSecondsToDate(order.collection_time),
    deliveredAt: unixSecondsToDate(order.delivery_time),
    cancelledAt: unixSecondsToDate(order.cancel_time),
    carrier: order.shipping_provider || null,
    trackingNumber: order.tracking_number || null,
    labelSource: mapTikTokShippingType(order.shipping_type),
    fulfillmentType: mapTikTokApiFulfillmentType(order),
    warehouseName: order.warehouse_id || null,
    shipFromCountry: null,
    currency,
    totalMinor: toMinor(order.payment.total_amount, "payment.total_amount"),
    buyerName: a?.name || null,
    buyerEmail: order.buyer_email || null,
    buyerPhone: a?.phone_number || null,
    shipAddress1: a?.address_line1 || a?.address_detail || a?.full_address || null,
    shipAddress2: a?.address_line2 || null,
    shipCity: level(CITY_LEVELS),
    shipRegion: level(REGION_LEVELS),
    shipPostcode: a?.postal_code || null,
    shipCountry: a?.region_code?.toUpperCase() || null,
    sourceUpdatedAt: new Date(order.update_time * 1000),
    lines: [...grouped.values()],
  };
}

// ---------------------------------------------------------------------------------------------------
// Client

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export type TikTokClientConfig = {
  appKey: string;
  appSecret: string;
  accessToken: string;
  shopCipher: string;
  baseUrl?: string;
  fetch?: FetchLike;
  /** Injectable for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Unix seconds; injectable so signatures are reproducible in tests. */
  now?: () => number;
  random?: () => number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
};

export type SearchOrdersFilter = {
  order_status?: string;
  create_time_ge?: number;
  create_time_lt?: number;
  update_time_ge?: number;
  update_time_lt?: number;
  shipping_type?: "TIKTOK" | "SELLER";
};

export type SearchOrdersPage = { orders: TikTokApiOrder[]; nextPageToken: string | null; totalCount: number | null };

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
    .join("; ");
}

export function createTikTokShopClient(config: TikTokClientConfig) {
  const baseUrl = (config.baseUrl ?? TIKTOK_API_BASE_URL).replace(/\/$/, "");
  const doFetch: FetchLike = config.fetch ?? ((url, init) => fetch(url, init));
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = config.now ?? (() => Math.floor(Date.now() / 1000));
  const random = config.random ?? Math.random;
  const maxAttempts = config.maxAttempts ?? 5;
  const baseDelayMs = config.baseDelayMs ?? 500;
  const maxDelayMs = config.maxDelayMs ?? 30_000;

  /** Exponential backoff with full jitter, never below a Retry-After the server asked for. */
  function backoffMs(attempt: number, retryAfter: string | null): number {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(exp / 2 + random() * (exp / 2));
    const asked = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    return Math.min(maxDelayMs, Math.max(jittered, asked));
  }

  async function request<T extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    params: Record<string, string>,
    body: unknown,
    dataSchema: T,
    options: { write?: boolean } = {},
  ): Promise<z.output<T>> {
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      // Fresh timestamp (and so a fresh signature) per attempt: TikTok rejects stale timestamps.
      const query: Record<string, string> = { ...params, app_key: config.appKey, timestamp: String(now()), shop_cipher: config.shopCipher };
      query.sign = signTikTokRequest({ path, query, body: bodyText, appSecret: config.appSecret });
      const url = `${baseUrl}${path}?${new URLSearchParams(query).toString()}`;
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await doFetch(url, {
          method,
          headers: { "content-type": "application/json", "x-tts-access-token": config.accessToken },
          ...(bodyText === undefined ? {} : { body: bodyText }),
        });
      } catch (error) {
        // A dropped connection, a reset or a DNS hiccup: a read is safe to try again, with the same
        // backoff as a 5xx. A write is not (it may have been applied): the push job retries it
        // after asking the platform what it holds.
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        if (attempt < maxAttempts && !options.write) {
          await sleep(backoffMs(attempt, null));
          continue;
        }
        throw new TikTokApiError(`${method} ${path}: network error after ${attempt} attempt(s): ${reason}`, 0);
      }
      const retryable = response.status === 429 || (response.status >= 500 && !options.write);
      if (retryable && attempt < maxAttempts) {
        // Drain the body so the connection can be reused for the retry.
        await response.text();
        await sleep(backoffMs(attempt, response.headers.get("retry-after")));
        continue;
      }
      const text = await response.text();
      if (response.status !== 200) {
        let said: { code?: unknown; message?: unknown } = {};
        try {
          said = JSON.parse(text) as typeof said;
        } catch {
          // not JSON: the status alone
        }
        const detail = typeof said.message === "string" && said.message ? `: ${said.message}` : "";
        throw new TikTokApiError(
          `${method} ${path}: HTTP ${response.status} after ${attempt} attempt(s)${detail}`,
          response.status,
          typeof said.code === "number" ? said.code : null,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new TikTokApiError(`${method} ${path}: response is not JSON`, response.status);
      }
      const parsed = envelope(dataSchema).safeParse(json);
      if (!parsed.success) throw new TikTokApiError(`${method} ${path}: unexpected response: ${formatIssues(parsed.error)}`, 200);
      if (parsed.data.code !== 0 || parsed.data.data == null) {
        throw new TikTokApiError(`${method} ${path}: API error ${parsed.data.code}: ${parsed.data.message ?? ""}`, 200, parsed.data.code);
      }
      return parsed.data.data as z.output<T>;
    }
  }

  async function searchOrders(
    filter: SearchOrdersFilter,
    page: { pageSize?: number; pageToken?: string | null; sortField?: "create_time" | "update_time" } = {},
  ): Promise<SearchOrdersPage> {
    const pageSize = Math.min(SEARCH_PAGE_SIZE_MAX, Math.max(1, page.pageSize ?? SEARCH_PAGE_SIZE_MAX));
    const params: Record<string, string> = { page_size: String(pageSize), sort_field: page.sortField ?? "update_time", sort_order: "ASC" };
    if (page.pageToken) params.page_token = page.pageToken;
    const data = await request("POST", "/order/202309/orders/search", params, filter, searchData);
    return { orders: data.orders, nextPageToken: data.next_page_token || null, totalCount: data.total_count ?? null };
  }

  async function getOrders(ids: readonly string[]): Promise<TikTokApiOrder[]> {
    const orders: TikTokApiOrder[] = [];
    for (let i = 0; i < ids.length; i += GET_ORDERS_BATCH_MAX) {
      const batch = ids.slice(i, i + GET_ORDERS_BATCH_MAX);
      const data = await request("GET", "/order/202309/orders", { ids: batch.join(",") }, undefined, getData);
      orders.push(...data.orders);
    }
    return orders;
  }

  /**
   * Every order updated at or after `since`, page by page. The search response already carries full
   * order detail in 202309, so no getOrders round trip per page.
   */
  async function* syncOrdersUpdatedSince(since: Date, options: { pageSize?: number } = {}): AsyncGenerator<NormalizedOrder> {
    let pageToken: string | null = null;
    do {
      const page: SearchOrdersPage = await searchOrders(
        { update_time_ge: Math.floor(since.getTime() / 1000) },
        { pageSize: options.pageSize, pageToken, sortField: "update_time" },
      );
      for (const order of page.orders) yield mapTikTokApiOrder(order);
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  return { searchOrders, getOrders, syncOrdersUpdatedSince, request };
}

export type TikTokShopClient = ReturnType<typeof createTikTokShopClient>;
