import type { Channel, FulfillmentType, LabelSource, OrderStatus, OrderTimeline } from "@/lib/policy/types";

export type { Channel, FulfillmentType, LabelSource, OrderStatus };

export type NormalizedLine = { sku: string; productName: string; quantity: number; unitPriceMinor: number };

export type NormalizedOrder = {
  /** Always a string: TikTok ids are 18 digits, Shopify exports use the Name (`#1001`), Shopify webhooks the numeric id. */
  externalId: string;
  /**
   * Shopify's order name (`#1001`) from both exports and webhooks, null for TikTok. Exports only carry the
   * Name as a dependable key while webhooks key on the numeric id, so the upsert needs this to match the two.
   */
  orderName: string | null;
  /** Shopify's numeric order id (export `Id` column, webhook `id`) when the source gives it; stored as Order.sourceId. */
  sourceId?: string | null;
} & OrderTimeline & {
    /** TikTok: export `Fulfillment Type` / API `fulfillment_type`; brand-site orders are always SELLER_SHIPPING. */
    fulfillmentType: FulfillmentType;
    /** TikTok export `Warehouse Name` / API `warehouse_id`; null when the source does not say (a stored one is kept). */
    warehouseName: string | null;
    /** ISO 4217. */
    currency: string;
    /** Integer minor units of `currency`. */
    totalMinor: number;
    buyerName: string | null;
    buyerEmail: string | null;
    buyerPhone: string | null;
    shipAddress1: string | null;
    shipAddress2: string | null;
    shipCity: string | null;
    shipRegion: string | null;
    shipPostcode: string | null;
    /** ISO-2 when the source gives a code or a recognisable English country name, else the source text. */
    shipCountry: string | null;
    /** For "apply only if newer" (webhooks/API); null for files. */
    sourceUpdatedAt: Date | null;
    lines: NormalizedLine[];
  };

export type ParsedItem =
  | { kind: "order"; order: NormalizedOrder; /** first file line of the order, 1-based, header = line 1 */ line: number }
  | { kind: "error"; line: number; /** names the field/column */ message: string };

/** Outcome of reading one field: the value, or a reason that the caller prefixes with the column name. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };
