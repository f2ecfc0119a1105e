import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  type CalendarRow,
  type ChangeRow,
  type ChangeId,
  type LocalDate,
  addCalendarDays,
  listCalendar,
  listChanges,
  localDateOf,
  startOfLocalDay,
} from "@/lib/policy";
import type { DataScope } from "./scope";
import { organizationSettings } from "./settings";

// "What changed, and whom it hits": each 2026 update and each rule whose date is ahead, with
// the open orders, stores, creators and SKUs of the organisation it affects today and a link to
// the filtered queue. The counts are small aggregate queries, one per change that judges
// something; a withdrawn change or a piece of information hits nobody.

export type Impact = { orders: number; stores: number; creators: number; skus: number; href: string | null };

export type ChangeImpactRow =
  | ({ source: "update" } & ChangeRow & { impact: Impact })
  | ({ source: "rule" } & CalendarRow & { impact: Impact; id: string; kind: "new_rule"; status: "upcoming" });

const NONE: Impact = { orders: 0, stores: 0, creators: 0, skus: 0, href: null };

type Counts = { orders: number; stores: number; skus: number };

const OPEN = Prisma.sql`o.status NOT IN ('DELIVERED','COMPLETED','CANCELLED')`;

/** Open TikTok orders of the scope matching `where`, their stores and distinct SKUs. */
async function countOrders(scope: DataScope, where: Prisma.Sql): Promise<Counts> {
  const rows = await db.$queryRaw<Counts[]>`
    SELECT count(DISTINCT o.id)::int AS orders, count(DISTINCT o."storeId")::int AS stores, count(DISTINCT l.sku)::int AS skus
    FROM "Order" o JOIN "Store" s ON s.id = o."storeId" LEFT JOIN "OrderLine" l ON l."orderId" = o.id
    WHERE o."organizationId" = ${scope.organizationId} ${scope.supplierId ? Prisma.sql`AND o."supplierId" = ${scope.supplierId}` : Prisma.empty}
      AND o.channel = 'TIKTOK_SHOP' AND ${OPEN} AND ${where}`;
  return rows[0] ?? { orders: 0, stores: 0, skus: 0 };
}

async function countUsTikTokStores(scope: DataScope): Promise<number> {
  return db.store.count({ where: { organizationId: scope.organizationId, channel: "TIKTOK_SHOP", market: "US" } });
}

async function impactOfChange(scope: DataScope, id: ChangeId, from: LocalDate | null, now: Date): Promise<Impact> {
  const since = (market: "US" | "UK") => (from ? startOfLocalDay(market, from) : new Date(0));
  const placedSince = Prisma.sql`((s.market = 'US' AND o."placedAt" >= ${since("US")}) OR (s.market = 'UK' AND o."placedAt" >= ${since("UK")}))`;
  const fromOrders = async (where: Prisma.Sql, href: string) => ({ ...(await countOrders(scope, where)), creators: 0, href });
  switch (id) {
    case "fulfillment.fulfillment_type":
      return fromOrders(Prisma.sql`o."fulfillmentType" <> 'SELLER_SHIPPING' AND ${placedSince}`, "/orders?status=AWAITING_SHIPMENT");
    case "tracking.china_us_designated_carriers":
      return fromOrders(
        Prisma.sql`s.market = 'US' AND s.kind = 'CROSS_BORDER' AND upper(o."shipFromCountry") = 'CN' AND ${placedSince}`,
        "/risk?rule=tracking.carrier_not_approved",
      );
    case "fulfillment.on_hold_window":
      return fromOrders(Prisma.sql`o.status = 'ON_HOLD'`, "/orders?status=ON_HOLD");
    case "fulfillment.buyer_refund_after_7_days":
      return fromOrders(
        Prisma.sql`o."autoCancelAt" IS NOT NULL AND o."inTransitAt" IS NULL AND o."autoCancelAt" < ${now}::timestamptz`,
        "/risk?rule=fulfillment.auto_cancel_risk",
      );
    case "returns.response_window_business_days": {
      if (scope.supplierId) return NONE;
      const rows = await db.$queryRaw<Counts[]>`
        SELECT count(DISTINCT r.id)::int AS orders, count(DISTINCT r."storeId")::int AS stores, count(DISTINCT l.sku)::int AS skus
        FROM "ReturnRequest" r JOIN "Store" s ON s.id = r."storeId" LEFT JOIN "OrderLine" l ON l."orderId" = r."orderId"
        WHERE r."organizationId" = ${scope.organizationId} AND r.status = 'PENDING' AND s.channel = 'TIKTOK_SHOP' AND s.market = 'US' AND r."requestedAt" >= ${since("US")}`;
      const c = rows[0] ?? { orders: 0, stores: 0, skus: 0 };
      return { ...c, creators: 0, href: "/risk?rule=returns.response_due" };
    }
    case "performance.ldr_bands":
    case "performance.otdr_from_awaiting_shipment":
      return { orders: 0, stores: scope.supplierId ? 0 : await countUsTikTokStores(scope), creators: 0, skus: 0, href: "/stores" };
    default:
      return NONE;
  }
}

/** Open flags of a rule not yet in force (upcoming warnings), for a rule whose date is ahead. */
async function impactOfRule(scope: DataScope, rule: string): Promise<Impact> {
  const rows = await db.$queryRaw<{ orders: number; stores: number; creators: number; skus: number }[]>`
    SELECT count(DISTINCT f."orderId")::int AS orders, count(DISTINCT f."storeId")::int AS stores,
           count(DISTINCT f."subjectId") FILTER (WHERE f."subjectType" = 'CREATOR')::int AS creators,
           count(DISTINCT f."subjectId") FILTER (WHERE f."subjectType" = 'LISTING')::int AS skus
    FROM "RiskFlag" f
    WHERE f."organizationId" = ${scope.organizationId} ${scope.supplierId ? Prisma.sql`AND f."supplierId" = ${scope.supplierId}` : Prisma.empty}
      AND f.rule = ${rule} AND f.upcoming`;
  const r = rows[0] ?? { orders: 0, stores: 0, creators: 0, skus: 0 };
  return { ...r, href: `/risk?rule=${encodeURIComponent(rule)}` };
}

/**
 * The 2026 updates and the rules whose date is ahead, newest first, with whom each hits today.
 * `only`: the rows to count the impact of (the others come back without one); each count is a
 * scan of the open orders, so a screen that shows a few rows asks for those.
 */
export async function getPolicyChanges(
  scope: DataScope,
  now: Date,
  only: (row: { effectiveFrom: LocalDate | null; status: string }) => boolean = () => true,
): Promise<ChangeImpactRow[]> {
  const settings = await organizationSettings(db, scope.organizationId);
  const updates = listChanges(now, settings);
  const ahead = listCalendar(now, settings).filter((r) => r.status === "upcoming");
  const [updateImpacts, ruleImpacts] = await Promise.all([
    Promise.all(updates.map((c) => (only(c) ? impactOfChange(scope, c.id, c.effectiveFrom, now) : NONE))),
    Promise.all(ahead.map((r) => (only({ effectiveFrom: r.effectiveFrom, status: "upcoming" }) ? impactOfRule(scope, r.rule) : NONE))),
  ]);
  const rows: ChangeImpactRow[] = [
    ...updates.map((c, i) => ({ source: "update" as const, ...c, impact: updateImpacts[i] ?? NONE })),
    ...ahead.map((r, i) => ({
      source: "rule" as const,
      ...r,
      id: r.rule,
      kind: "new_rule" as const,
      status: "upcoming" as const,
      impact: ruleImpacts[i] ?? NONE,
    })),
  ];
  const key = (r: ChangeImpactRow) => (r.source === "update" ? (r.effectiveFrom ?? r.withdrawnOn ?? r.versionDate) : (r.effectiveFrom ?? "0000-00-00"));
  return rows.sort((a, b) => key(b).localeCompare(key(a)));
}

export type UpcomingRule = { id: string; title: string; effectiveFrom: LocalDate; href: string | null; orders: number; stores: number };

/**
 * Rules and 2026 updates taking effect in the next `days` days (the overview). Only those rows'
 * impacts are counted: the overview used to count every 2026 change's (four scans of the open
 * orders with their lines, 0.6–1.8 s each at a million orders) on every view, to show none.
 */
export async function getUpcomingRules(scope: DataScope, now: Date, days = 30): Promise<UpcomingRule[]> {
  const today = localDateOf("US", now);
  const until = addCalendarDays(today, days);
  const shown = (r: { effectiveFrom: LocalDate | null; status: string }) => r.status === "upcoming" && r.effectiveFrom !== null && r.effectiveFrom <= until;
  const rows = await getPolicyChanges(scope, now, shown);
  return rows
    .filter(shown)
    .map((r) => ({
      id: r.source === "update" ? r.id : r.rule,
      title: r.title,
      effectiveFrom: r.effectiveFrom as LocalDate,
      href: r.impact.href,
      orders: r.impact.orders,
      stores: r.impact.stores,
    }))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}
