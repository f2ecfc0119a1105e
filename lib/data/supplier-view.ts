import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market, OrderStatus, Severity } from "@/lib/generated/prisma/enums";
import { type DispatchState, type OrderTimeline, dispatchState, validateTracking } from "@/lib/policy";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { flagReasonForScope } from "./redact";

// What a supplier may see of the seller's business — and nothing else: no prices, totals,
// margins, buyer name/e-mail/phone/street, other suppliers, store settings. Both the supplier
// login and the share link read through here, so the two views cannot drift apart. The SELECT
// lists are the guard: fields a supplier must not see are never read.

export type SupplierViewScope = { organizationId: string; supplierId: string; storeId?: string | null };

/** Order flags a supplier can act on; the reason of a duplicate is reworded (it names other orders). */
const SUPPLIER_RULES = [
  "fulfillment.dispatch_deadline",
  "fulfillment.overseas_direct",
  "tracking.missing",
  "tracking.invalid",
  "tracking.carrier_mismatch",
  "tracking.carrier_not_approved",
  "tracking.duplicate",
  "label.usps_requires_tiktok_shipping",
];

export type SupplierOrder = {
  id: string;
  externalId: string;
  storeName: string;
  channel: Channel;
  timeZone: string;
  status: OrderStatus;
  placedAt: Date;
  dispatchDueAt: Date | null;
  dispatch: DispatchState;
  carrier: string | null;
  trackingNumber: string | null;
  /** The number's check: `reason` in English, `reasonText` in the view's language. */
  tracking: { valid: boolean; reason: string; reasonText: string } | null;
  shipTo: { city: string | null; region: string | null; postcode: string | null; country: string | null };
  lines: { sku: string; productName: string; quantity: number }[];
  /** `reason` in English, `reasonText` in the language the view was read for. */
  flags: { rule: string; severity: Severity; reason: string; reasonText: string }[];
};

export type SupplierScorecard = {
  supplierName: string;
  promisedOutboundHours: number;
  promisedDeliveryDays: number;
  orders30d: number;
  dispatched30d: number;
  medianOutboundHours: number | null;
  outboundWithinPromise: number | null;
  tiktokDispatched30d: number;
  tiktokLate30d: number;
  medianDeliveryDays: number | null;
  deliveredWithinPromise: number | null;
  trackingProblems: number;
};

function scopeSql(scope: SupplierViewScope): Prisma.Sql {
  return Prisma.sql`o."organizationId" = ${scope.organizationId} AND o."supplierId" = ${scope.supplierId}
    ${scope.storeId ? Prisma.sql`AND o."storeId" = ${scope.storeId}` : Prisma.empty}`;
}

/** The orders a supplier's view lists: every open one, and the last 30 days' others. */
function listedSql(scope: SupplierViewScope, since: Date): Prisma.Sql {
  return Prisma.sql`${scopeSql(scope)} AND (o."placedAt" >= ${since} OR o.status IN ('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD'))`;
}

export const SUPPLIER_PAGE_SIZE = 25;

export type SupplierOrdersPage = { orders: SupplierOrder[]; total: number; page: number; pages: number; pageSize: number };

/**
 * One page of the supplier's orders, like the orders list: a bounded page and the total, so no
 * view renders every assigned order at once. A page past the last shows the last one.
 */
export async function getSupplierOrdersPage(
  scope: SupplierViewScope,
  now: Date,
  page: number,
  pageSize = SUPPLIER_PAGE_SIZE,
  locale: Locale = DEFAULT_LOCALE,
): Promise<SupplierOrdersPage> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [{ total } = { total: 0 }] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Order" o WHERE ${listedSql(scope, since)}`;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const orders = total === 0 ? [] : await getSupplierOrders(scope, now, pageSize, (current - 1) * pageSize, locale);
  return { orders, total, page: current, pages, pageSize };
}

/** Open orders first (soonest deadline first), then the last 30 days' shipped ones; flag reasons also in `locale`. */
export async function getSupplierOrders(
  scope: SupplierViewScope,
  now: Date,
  limit = SUPPLIER_PAGE_SIZE,
  offset = 0,
  locale: Locale = DEFAULT_LOCALE,
): Promise<SupplierOrder[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await db.$queryRaw<
    (Omit<OrderTimeline, "shipFromCountry" | "labelSource"> & {
      id: string;
      externalId: string;
      storeName: string;
      market: Market;
      kind: "LOCAL" | "CROSS_BORDER" | null;
      timeZone: string;
      dispatchDueAt: Date | null;
      shipCity: string | null;
      shipRegion: string | null;
      shipPostcode: string | null;
      shipCountry: string | null;
    })[]
  >`
    SELECT o.id, o."externalId", s.name AS "storeName", o.channel, s.market, s.kind, s."timeZone", o.status, o."placedAt", o."paidAt",
           o."inTransitAt", o."deliveredAt", o."cancelledAt", o."dispatchDueAt", o.carrier, o."trackingNumber",
           o."shipCity", o."shipRegion", o."shipPostcode", o."shipCountry"
    FROM "Order" o JOIN "Store" s ON s.id = o."storeId"
    WHERE ${listedSql(scope, since)}
    ORDER BY (o."inTransitAt" IS NULL AND o.status IN ('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD')) DESC,
             o."dispatchDueAt" ASC NULLS LAST, o."placedAt" DESC, o.id
    LIMIT ${Math.min(Math.max(1, limit), 200)} OFFSET ${Math.max(0, offset)}`;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, flags] = await Promise.all([
    db.orderLine.findMany({
      where: { orderId: { in: ids } },
      select: { orderId: true, sku: true, productName: true, quantity: true },
      orderBy: [{ orderId: "asc" }, { position: "asc" }],
    }),
    db.riskFlag.findMany({
      where: { orderId: { in: ids }, organizationId: scope.organizationId, rule: { in: SUPPLIER_RULES } },
      select: { orderId: true, rule: true, severity: true, reason: true, reasonKey: true, reasonParams: true },
    }),
  ]);
  return rows.map((r) => {
    const facts = { ...r, labelSource: "UNKNOWN" as const, shipFromCountry: null };
    const validity = r.trackingNumber ? validateTracking(r.trackingNumber, r.carrier) : null;
    return {
      id: r.id,
      externalId: r.externalId,
      storeName: r.storeName,
      channel: r.channel,
      timeZone: r.timeZone,
      status: r.status,
      placedAt: r.placedAt,
      dispatchDueAt: r.dispatchDueAt,
      dispatch: r.channel === "TIKTOK_SHOP" && r.dispatchDueAt ? dispatchState(facts, r.market, now) : "not_applicable",
      carrier: r.carrier,
      trackingNumber: r.trackingNumber,
      tracking: validity
        ? {
            valid: validity.valid,
            reason: validity.reason,
            reasonText: formatFlagReason({ reason: validity.reason, reasonKey: validity.detail.key, reasonParams: validity.detail.params }, locale),
          }
        : null,
      shipTo: { city: r.shipCity, region: r.shipRegion, postcode: r.shipPostcode, country: r.shipCountry },
      lines: lines.filter((l) => l.orderId === r.id).map(({ sku, productName, quantity }) => ({ sku, productName, quantity })),
      flags: flags
        .filter((f) => f.orderId === r.id)
        .map((f) => flagReasonForScope(scope, f))
        .map((f) => ({ rule: f.rule, severity: f.severity, reason: f.reason, reasonText: formatFlagReason(f, locale) })),
    };
  });
}

/** The supplier's SLA scorecard over the last 30 days, against their own promises. */
export async function getSupplierScorecard(scope: SupplierViewScope, now: Date): Promise<SupplierScorecard | null> {
  const supplier = await db.supplier.findFirst({
    where: { id: scope.supplierId, organizationId: scope.organizationId },
    select: { name: true, promisedOutboundHours: true, promisedDeliveryDays: true },
  });
  if (!supplier) return null;
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [row] = await db.$queryRaw<
    {
      orders: number;
      dispatched: number;
      medianOutbound: number | null;
      outboundOk: number;
      tiktokDispatched: number;
      tiktokLate: number;
      medianDelivery: number | null;
      delivered: number;
      deliveryOk: number;
      trackingProblems: number;
    }[]
  >`
    SELECT count(*)::int AS orders,
           count(o."inTransitAt")::int AS dispatched,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o."inTransitAt" - o."placedAt") / 3600) AS "medianOutbound",
           count(*) FILTER (WHERE o."inTransitAt" - o."placedAt" <= make_interval(hours => ${supplier.promisedOutboundHours}))::int AS "outboundOk",
           count(*) FILTER (WHERE o.channel = 'TIKTOK_SHOP' AND o."inTransitAt" IS NOT NULL AND o."dispatchDueAt" IS NOT NULL)::int AS "tiktokDispatched",
           count(*) FILTER (WHERE o.channel = 'TIKTOK_SHOP' AND o."inTransitAt" > o."dispatchDueAt")::int AS "tiktokLate",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o."deliveredAt" - o."inTransitAt") / 86400) AS "medianDelivery",
           count(*) FILTER (WHERE o."deliveredAt" IS NOT NULL AND o."inTransitAt" IS NOT NULL)::int AS delivered,
           count(*) FILTER (WHERE o."deliveredAt" - o."inTransitAt" <= make_interval(days => ${supplier.promisedDeliveryDays}))::int AS "deliveryOk",
           (SELECT count(DISTINCT f."orderId")::int FROM "RiskFlag" f JOIN "Order" o2 ON o2.id = f."orderId"
             WHERE f."organizationId" = ${scope.organizationId} AND f."supplierId" = ${scope.supplierId}
               AND f.rule IN ('tracking.invalid','tracking.missing','tracking.carrier_mismatch') AND o2."placedAt" >= ${since}
               ${scope.storeId ? Prisma.sql`AND o2."storeId" = ${scope.storeId}` : Prisma.empty}) AS "trackingProblems"
    FROM "Order" o
    WHERE ${scopeSql(scope)} AND o."placedAt" >= ${since} AND o.status <> 'CANCELLED'`;
  const r = row ?? {
    orders: 0,
    dispatched: 0,
    medianOutbound: null,
    outboundOk: 0,
    tiktokDispatched: 0,
    tiktokLate: 0,
    medianDelivery: null,
    delivered: 0,
    deliveryOk: 0,
    trackingProblems: 0,
  };
  return {
    supplierName: supplier.name,
    promisedOutboundHours: supplier.promisedOutboundHours,
    promisedDeliveryDays: supplier.promisedDeliveryDays,
    orders30d: r.orders,
    dispatched30d: r.dispatched,
    medianOutboundHours: r.medianOutbound === null ? null : Number(r.medianOutbound),
    outboundWithinPromise: r.dispatched ? r.outboundOk / r.dispatched : null,
    tiktokDispatched30d: r.tiktokDispatched,
    tiktokLate30d: r.tiktokLate,
    medianDeliveryDays: r.medianDelivery === null ? null : Number(r.medianDelivery),
    deliveredWithinPromise: r.delivered ? r.deliveryOk / r.delivered : null,
    trackingProblems: r.trackingProblems,
  };
}
