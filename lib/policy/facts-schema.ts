import { z } from "zod";
import { CHANGE_IDS, FULFILLMENT_TYPES, RULE_IDS } from "./types";

// The input format of `policy evaluate` (documented in lib/policy/README.md). Instants must carry
// an offset or Z: a bare local time is ambiguous across the US and UK clocks, so it is rejected.

const instant = z.iso.datetime({ offset: true, error: "expected an ISO-8601 date-time with Z or an offset" }).transform((s) => new Date(s));
const optionalInstant = instant
  .nullable()
  .optional()
  .transform((d) => d ?? null);
const isoDate = z.iso.date({ error: "expected a date YYYY-MM-DD" });
const market = z.enum(["US", "UK"]);
const channel = z.enum(["TIKTOK_SHOP", "BRAND_SITE"]);
const minor = z.number().int("expected integer minor units (cents)");

export const storeInputSchema = z.object({
  channel: channel.default("TIKTOK_SHOP"),
  market,
  kind: z.enum(["LOCAL", "CROSS_BORDER"]).nullable().default(null),
  timeZone: z.string().optional(),
  joinedAt: optionalInstant,
  depositMinor: minor.nullable().default(null),
  businessRegisteredOn: isoDate.nullable().default(null),
  licenceExpiresOn: isoDate.nullable().default(null),
  entityType: z.enum(["COMPANY", "PARTNERSHIP", "SOLE_PROPRIETORSHIP", "INDIVIDUAL"]).nullable().default(null),
});

export const orderInputSchema = z.object({
  id: z.string().min(1),
  storeId: z.string().min(1).optional(),
  store: storeInputSchema.optional(),
  channel: channel.optional(),
  status: z.enum(["AWAITING_PAYMENT", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"]),
  placedAt: instant,
  paidAt: optionalInstant,
  inTransitAt: optionalInstant,
  deliveredAt: optionalInstant,
  cancelledAt: optionalInstant,
  carrier: z.string().nullable().default(null),
  trackingNumber: z.string().nullable().default(null),
  labelSource: z.enum(["TIKTOK_SHIPPING", "SELLER", "UNKNOWN"]).default("UNKNOWN"),
  shipFromCountry: z.string().length(2, "expected an ISO 3166 alpha-2 country").nullable().default(null),
  fulfillmentType: z.enum(FULFILLMENT_TYPES).default("SELLER_SHIPPING"),
});

const videoSchema = z.object({
  id: z.string().min(1),
  postedAt: instant,
  format: z.enum(["SHORT_VIDEO", "LIVE", "POST"]).default("SHORT_VIDEO"),
  hasProductLink: z.boolean().default(true),
  nonInteractive: z.boolean(),
});

const creatorSchema = z.object({ id: z.string().min(1), market: market.default("US"), videos: z.array(videoSchema) });

const skuSchema = z.object({
  id: z.string().min(1),
  currency: z.string().length(3).default("USD"),
  market: market.default("US"),
  tiktokPriceMinor: minor,
  brandSitePriceMinor: minor,
});

const inventorySchema = z.object({ id: z.string().min(1), available: z.number().int(), openDemand: z.number().int().min(0) });

const returnSchema = z.object({
  id: z.string().min(1),
  market: market.default("US"),
  channel: channel.default("TIKTOK_SHOP"),
  reason: z.enum(["CHANGE_OF_MIND", "DAMAGED", "NOT_AS_DESCRIBED", "WRONG_ITEM", "MISSING_ITEM", "OTHER"]),
  requestedAt: instant,
  decision: z.enum(["PENDING", "APPROVED", "REFUSED"]),
  respondedAt: optionalInstant,
  refusalJustification: z.enum(["ITEM_USED_OR_DAMAGED", "PARTS_MISSING", "OUTSIDE_RETURN_WINDOW", "NON_RETURNABLE_CATEGORY", "OTHER"]).nullable().default(null),
  refundMinor: minor.min(0, "expected a refund ≥ 0 in minor units").nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD")
    .nullable()
    .default(null),
});

const supplierSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  promisedOutboundHours: z.number().positive().nullable().default(null),
  promisedDeliveryDays: z.number().positive().nullable().default(null),
  shipments: z.array(z.object({ orderId: z.string().min(1), receivedAt: instant, outboundAt: optionalInstant, deliveredAt: optionalInstant })),
});

const hours = (max: number) => z.number().min(1).max(max);
const days = (max: number) => z.number().int().min(0).max(max);
const percent = z.number().min(0).max(100);
const trailing = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("trailing_days"), days: z.number().int().min(1).max(365) }),
  z.strictObject({ kind: z.literal("iso_week") }),
]);

/**
 * An organisation's overrides (Organization.policy), every number within sane bounds: what the
 * /settings/policy form may write and what the settings reader accepts.
 */
export const settingsOverridesSchema = z
  .strictObject({
    upcomingHorizonDays: days(365).optional(),
    effectiveFrom: z.partialRecord(z.enum([...RULE_IDS, ...CHANGE_IDS]), isoDate).optional(),
    dispatch: z
      .strictObject({ businessDays: z.number().int().min(1).max(10), dueSoonHours: hours(120), criticalHours: hours(72) })
      .partial()
      .optional(),
    autoCancel: z
      .strictObject({ businessDays: z.number().int().min(1).max(30), criticalHours: hours(120) })
      .partial()
      .optional(),
    deposit: z
      .strictObject({
        standardMinor: minor.min(0).max(100_000_000),
        currency: z.string().length(3),
        standardFrom: isoDate,
        topUpBy: isoDate,
        warningDays: days(365),
        criticalDays: days(365),
      })
      .partial()
      .optional(),
    registration: z
      .strictObject({ minBusinessAgeDays: days(3650), licenceMinDaysLeft: days(3650), licenceWarnDaysLeft: days(3650) })
      .partial()
      .optional(),
    returns: z
      .strictObject({
        responseHours: hours(720),
        dueSoonHours: hours(720),
        criticalHours: hours(720),
        usBusinessDays: z.number().int().min(1).max(30),
        usLargeRefundBusinessDays: z.number().int().min(1).max(30),
        usLargeRefundOverMinor: minor.min(0).max(100_000_000),
      })
      .partial()
      .optional(),
    onHold: z
      .strictObject({ minutes: z.number().int().min(0).max(1440) })
      .partial()
      .optional(),
    content: z
      .strictObject({
        windowDays: z.number().int().min(1).max(90),
        nonInteractiveLimit: z.number().int().min(1).max(100),
        restrictionDays: z.number().int().min(1).max(90),
        restrictedLinkQuota: z.number().int().min(0).max(100),
      })
      .partial()
      .optional(),
    pricing: z
      .strictObject({ toleranceMinor: z.number().int().min(0).max(100_000), allowNinetyNineRoundUp: z.boolean() })
      .partial()
      .optional(),
    supplier: z
      .strictObject({ lookbackDays: z.number().int().min(1).max(365) })
      .partial()
      .optional(),
    shopPerformance: z
      .strictObject({
        lateDispatchRate: z.strictObject({ maxPercent: percent, enforcementAbovePercent: percent, window: trailing }).partial(),
        validTrackingRate: z.strictObject({ minPercent: percent, window: trailing }).partial(),
        onTimeDeliveryRate: z.strictObject({ minPercent: percent, withinBusinessDays: z.number().int().min(1).max(30), window: trailing }).partial(),
        sellerFaultCancellationRate: z.strictObject({ maxPercent: percent, window: trailing }).partial(),
        shopPerformanceScore: z
          .strictObject({
            min: z.number(),
            max: z.number(),
            minDeliveredOrders: z.number().int().min(0).max(10_000),
            windowDays: z.number().int().min(1).max(365),
          })
          .partial(),
        negativeReviews: z.strictObject({ windowDays: z.number().int().min(1).max(365) }).partial(),
      })
      .partial()
      .optional(),
  })
  .superRefine((o, ctx) => {
    const d = o.dispatch;
    if (d?.dueSoonHours !== undefined && d.criticalHours !== undefined && d.criticalHours > d.dueSoonHours) {
      ctx.addIssue({ code: "custom", path: ["dispatch", "criticalHours"], message: "Critical must not be more hours than due soon" });
    }
    const r = o.returns;
    if (r?.usBusinessDays !== undefined && r.usLargeRefundBusinessDays !== undefined && r.usLargeRefundBusinessDays < r.usBusinessDays) {
      ctx.addIssue({
        code: "custom",
        path: ["returns", "usLargeRefundBusinessDays"],
        message: "the large-refund window must not be shorter than the standard one",
      });
    }
  });

export const factsSchema = z
  .strictObject({
    stores: z.record(z.string(), storeInputSchema).default({}),
    orders: z.array(orderInputSchema).default([]),
    creators: z.array(creatorSchema).default([]),
    skus: z.array(skuSchema).default([]),
    inventory: z.array(inventorySchema).default([]),
    returns: z.array(returnSchema).default([]),
    suppliers: z.array(supplierSchema).default([]),
    settings: settingsOverridesSchema.optional(),
  })
  .superRefine((facts, ctx) => {
    facts.orders.forEach((o, i) => {
      if (o.store && o.storeId) ctx.addIssue({ code: "custom", path: ["orders", i, "store"], message: "give either store or storeId, not both" });
      else if (!o.store && !o.storeId)
        ctx.addIssue({ code: "custom", path: ["orders", i, "storeId"], message: "each order needs storeId (a key of stores) or an inline store" });
      else if (o.storeId && !(o.storeId in facts.stores))
        ctx.addIssue({ code: "custom", path: ["orders", i, "storeId"], message: `unknown store "${o.storeId}"` });
    });
  });

export type FactsInput = z.input<typeof factsSchema>;
export type Facts = z.output<typeof factsSchema>;

/** "orders[0].placedAt" from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(root)";
}
