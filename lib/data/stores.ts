import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market, OrderStatus, StoreKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { AWAITING_DISPATCH } from "@/lib/flags/sql";
import { countOpenFlagsPerStore } from "./risk";
import { BRAND_SITE_LATE_HOURS } from "./overview";
import type { DataScope } from "./scope";

// Stores: the list with each store's service figures and open flags, and one store's detail.
// Stores are staff screens: a supplier never reaches these reads (the pages refuse them, and the
// reads refuse a supplier scope again).

export const STORE_FIGURES_DAYS = 30;

export type StoreFigures = {
  /** Orders placed in the last 30 days, cancelled excluded. */
  orders: number;
  /** Of those, already handed to the carrier. */
  dispatched: number;
  medianDispatchHours: number | null;
  /** Same definitions as the overview: TikTok against dispatchDueAt, brand site against 48 h. */
  late: number;
  lateBase: number;
  lateBasis: "DEADLINE" | "48H";
  flags: FlagCounts;
};

export type StoreSummary = {
  id: string;
  name: string;
  channel: Channel;
  market: Market;
  kind: StoreKind | null;
  timeZone: string;
  currency: string;
  figures: StoreFigures;
};

function refuseSupplier(scope: DataScope) {
  if (scope.supplierId) throw new AppError("FORBIDDEN", "Suppliers cannot see store pages.");
}

type FigureRow = {
  id: string;
  name: string;
  channel: Channel;
  market: Market;
  kind: StoreKind | null;
  timeZone: string;
  currency: string;
  orders: number;
  dispatched: number;
  medianHours: number | null;
  late48: number;
  due48: number;
  lateDeadline: number;
  dueDeadline: number;
};

export type FlagCounts = { total: number; critical: number; warning: number; info: number };

/** Open flags per store, counted in SQL over the risk queue's own relation (so they always agree). */
async function countOpenFlagsByStore(scope: DataScope, now: Date, storeId?: string): Promise<Map<string, FlagCounts>> {
  const rows = await countOpenFlagsPerStore(scope, now, storeId);
  return new Map(rows.map((r) => [r.storeId, { total: r.total, critical: r.critical, warning: r.warning, info: r.info }]));
}

/**
 * Every store's service figures in one statement: per-store aggregates over the last 30 days on
 * the (storeId, placedAt) and (organizationId, dispatchDueAt) indexes.
 */
async function queryStoreFigures(scope: DataScope, now: Date, storeId?: string): Promise<StoreSummary[]> {
  refuseSupplier(scope);
  const org = scope.organizationId;
  const since = new Date(now.getTime() - STORE_FIGURES_DAYS * 86_400_000);
  const onlyStore = (col: Prisma.Sql) => (storeId ? Prisma.sql`AND ${col} = ${storeId}` : Prisma.empty);
  const query = db.$queryRaw<FigureRow[]>`
    WITH placed AS (
      SELECT o."storeId",
        count(*)::int AS orders,
        count(*) FILTER (WHERE o."inTransitAt" IS NOT NULL)::int AS dispatched,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o."inTransitAt" - o."placedAt") / 3600.0)
          FILTER (WHERE o."inTransitAt" IS NOT NULL) AS "medianHours",
        count(*) FILTER (WHERE o."inTransitAt" IS NOT NULL
          OR (o.status IN ${AWAITING_DISPATCH} AND o."placedAt" + make_interval(hours => ${BRAND_SITE_LATE_HOURS}) < ${now}::timestamptz))::int AS due48,
        count(*) FILTER (WHERE o."inTransitAt" - o."placedAt" > make_interval(hours => ${BRAND_SITE_LATE_HOURS})
          OR (o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH} AND o."placedAt" + make_interval(hours => ${BRAND_SITE_LATE_HOURS}) < ${now}::timestamptz))::int AS late48
      FROM "Order" o
      WHERE o."organizationId" = ${org} ${onlyStore(Prisma.sql`o."storeId"`)}
        AND o."placedAt" >= ${since} AND o."placedAt" < ${now} AND o.status <> 'CANCELLED'
      GROUP BY o."storeId"
    ),
    deadline AS (
      SELECT o."storeId",
        count(*) FILTER (WHERE o."inTransitAt" IS NULL OR o."inTransitAt" > o."dispatchDueAt")::int AS late,
        count(*)::int AS due
      FROM "Order" o
      WHERE o."organizationId" = ${org} ${onlyStore(Prisma.sql`o."storeId"`)}
        AND o.channel = 'TIKTOK_SHOP' AND o."dispatchDueAt" >= ${since} AND o."dispatchDueAt" < ${now} AND o.status <> 'CANCELLED'
      GROUP BY o."storeId"
    )
    SELECT s.id, s.name, s.channel, s.market, s.kind, s."timeZone", s.currency,
      coalesce(p.orders, 0)::int AS orders, coalesce(p.dispatched, 0)::int AS dispatched, p."medianHours",
      coalesce(p.late48, 0)::int AS late48, coalesce(p.due48, 0)::int AS due48,
      coalesce(d.late, 0)::int AS "lateDeadline", coalesce(d.due, 0)::int AS "dueDeadline"
    FROM "Store" s
    LEFT JOIN placed p ON p."storeId" = s.id
    LEFT JOIN deadline d ON d."storeId" = s.id
    WHERE s."organizationId" = ${org} ${onlyStore(Prisma.sql`s.id`)}
      ${storeId ? Prisma.empty : Prisma.sql`AND s."archivedAt" IS NULL`}
    ORDER BY s.channel, s.name`;
  const [rows, flags] = await Promise.all([query, countOpenFlagsByStore(scope, now, storeId)]);

  return rows.map((r) => {
    const tiktok = r.channel === "TIKTOK_SHOP";
    return {
      id: r.id,
      name: r.name,
      channel: r.channel,
      market: r.market,
      kind: r.kind,
      timeZone: r.timeZone,
      currency: r.currency,
      figures: {
        orders: r.orders,
        dispatched: r.dispatched,
        medianDispatchHours: r.medianHours === null ? null : Number(r.medianHours),
        late: tiktok ? r.lateDeadline : r.late48,
        lateBase: tiktok ? r.dueDeadline : r.due48,
        lateBasis: tiktok ? "DEADLINE" : "48H",
        flags: flags.get(r.id) ?? { total: 0, critical: 0, warning: 0, info: 0 },
      },
    };
  });
}

/** The stores of the daily views: archived ones are left out (their detail page still opens). */
export async function listStoreSummaries(scope: DataScope, now: Date): Promise<StoreSummary[]> {
  return queryStoreFigures(scope, now);
}

export type StoreDetail = StoreSummary & {
  joinedOn: string;
  lastSyncedAt: Date | null;
  /** Whether each secret is set — never the value. */
  integration: {
    webhookSecret: boolean;
    tiktokAppKey: boolean;
    tiktokAppSecret: boolean;
    tiktokAccessToken: boolean;
    tiktokShopCipher: boolean;
    tiktokApiBaseUrl: boolean;
    shopifyDomain: boolean;
    shopifyAccessToken: boolean;
    shopifyApiVersion: boolean;
  };
  /** The API connection as the platforms last reported it (null state: never connected). */
  connection: {
    state: "CONNECTED" | "AUTH_EXPIRING" | "NEEDS_REAUTHORIZATION" | "DISCONNECTED" | null;
    message: string | null;
    changedAt: Date | null;
    authExpiresAt: Date | null;
    shopifyDomain: string | null;
    /** Webhook topics registered through the Shopify API. */
    webhookTopics: string[];
  };
};

/** One store of the scope's organisation, or NOT_FOUND (also for another organisation's id). */
export async function getStoreDetail(scope: DataScope, storeId: string, now: Date): Promise<StoreDetail> {
  refuseSupplier(scope);
  const [summary, settings] = await Promise.all([
    queryStoreFigures(scope, now, storeId),
    // Secrets are read here only to say "set"/"not set"; the values go no further than this function.
    db.store.findFirst({
      where: { id: storeId, organizationId: scope.organizationId },
      select: {
        joinedOn: true, lastSyncedAt: true, webhookSecret: true, tiktokAppKey: true, tiktokAppSecret: true, tiktokAccessToken: true, tiktokShopCipher: true, tiktokApiBaseUrl: true,
        shopifyDomain: true, shopifyAccessToken: true, shopifyApiVersion: true, shopifyWebhookTopics: true, connectionState: true, connectionMessage: true,
        connectionChangedAt: true, authExpiresAt: true,
      },
    }),
  ]);
  const store = summary[0];
  if (!store || !settings) throw new AppError("NOT_FOUND", "No such store.");
  const isSet = (v: string | null) => v !== null && v !== "";
  return {
    ...store,
    joinedOn: settings.joinedOn.toISOString().slice(0, 10),
    lastSyncedAt: settings.lastSyncedAt,
    integration: {
      webhookSecret: isSet(settings.webhookSecret),
      tiktokAppKey: isSet(settings.tiktokAppKey),
      tiktokAppSecret: isSet(settings.tiktokAppSecret),
      tiktokAccessToken: isSet(settings.tiktokAccessToken),
      tiktokShopCipher: isSet(settings.tiktokShopCipher),
      tiktokApiBaseUrl: isSet(settings.tiktokApiBaseUrl),
      shopifyDomain: isSet(settings.shopifyDomain),
      shopifyAccessToken: isSet(settings.shopifyAccessToken),
      shopifyApiVersion: isSet(settings.shopifyApiVersion),
    },
    connection: {
      state: settings.connectionState,
      message: settings.connectionMessage,
      changedAt: settings.connectionChangedAt,
      authExpiresAt: settings.authExpiresAt,
      shopifyDomain: settings.shopifyDomain,
      webhookTopics: settings.shopifyWebhookTopics,
    },
  };
}

export type LateDispatch = {
  id: string;
  externalId: string;
  status: OrderStatus;
  placedAt: Date;
  /** TikTok: the dispatch deadline; brand site: placement + 48 h. */
  dueAt: Date;
  inTransitAt: Date | null;
  lateHours: number;
  supplierName: string | null;
};

/** The most recent late dispatches of a store (last 30 days), newest deadline first. */
export async function listRecentLateDispatches(scope: DataScope, storeId: string, now: Date, limit = 10): Promise<LateDispatch[]> {
  refuseSupplier(scope);
  const since = new Date(now.getTime() - STORE_FIGURES_DAYS * 86_400_000);
  const rows = await db.$queryRaw<(Omit<LateDispatch, "lateHours"> & { lateHours: number })[]>`
    WITH due AS (
      SELECT o.id, o.channel, o."externalId", o.status, o."placedAt", o."inTransitAt", o."supplierId",
        CASE WHEN o.channel = 'TIKTOK_SHOP' THEN o."dispatchDueAt" ELSE o."placedAt" + make_interval(hours => ${BRAND_SITE_LATE_HOURS}) END AS "dueAt"
      FROM "Order" o
      WHERE o."organizationId" = ${scope.organizationId} AND o."storeId" = ${storeId}
        AND o."placedAt" >= ${new Date(since.getTime() - 14 * 86_400_000)} AND o.status <> 'CANCELLED'
    )
    SELECT due.id, due."externalId", due.status, due."placedAt", due."inTransitAt", due."dueAt",
      (extract(epoch FROM coalesce(due."inTransitAt", ${now}::timestamptz) - due."dueAt") / 3600.0)::float8 AS "lateHours",
      sup.name AS "supplierName"
    FROM due LEFT JOIN "Supplier" sup ON sup.id = due."supplierId"
    WHERE due."dueAt" >= ${since} AND due."dueAt" < ${now}
      AND (due."inTransitAt" > due."dueAt" OR (due."inTransitAt" IS NULL AND (due.channel = 'TIKTOK_SHOP' OR due.status IN ${AWAITING_DISPATCH})))
    ORDER BY due."dueAt" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, lateHours: Number(r.lateHours) }));
}

/** The organisation's stores as choices for a form (id and name, by name). */
export function listStoreOptions(scope: DataScope): Promise<{ id: string; name: string }[]> {
  return db.store.findMany({ where: { organizationId: scope.organizationId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
