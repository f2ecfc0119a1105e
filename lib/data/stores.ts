import "server-only";
import { db } from "@/lib/db";
import type { Channel, Market, OrderStatus, StoreKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { AWAITING_DISPATCH } from "@/lib/flags/sql";
import { countOpenFlagsPerStore } from "./risk";
import { BRAND_SITE_LATE_HOURS } from "./overview";
import { readDeadlineFacts, readPlacedFacts } from "./daily";
import { addHist, emptyHist, histMedian } from "./daily-ranges";
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

export type FlagCounts = { total: number; critical: number; warning: number; info: number };

/** Open flags per store, counted in SQL over the risk queue's own relation (so they always agree). */
async function countOpenFlagsByStore(scope: DataScope, now: Date, storeId?: string): Promise<Map<string, FlagCounts>> {
  const rows = await countOpenFlagsPerStore(scope, now, storeId);
  return new Map(rows.map((r) => [r.storeId, { total: r.total, critical: r.critical, warning: r.warning, info: r.info }]));
}

/**
 * Every store's service figures over the last 30 days: sums over the daily roll-up for the whole
 * local days and the raw orders for the partial ones (lib/data/daily.ts); the median from the
 * dispatch-hours histogram (within 1 h of the exact one).
 */
async function queryStoreFigures(scope: DataScope, now: Date, storeId?: string): Promise<StoreSummary[]> {
  refuseSupplier(scope);
  const since = new Date(now.getTime() - STORE_FIGURES_DAYS * 86_400_000);
  const stores = await db.store.findMany({
    // Archived stores keep their orders but leave the daily views (one asked for by id is still shown).
    where: { organizationId: scope.organizationId, ...(storeId ? { id: storeId } : { archivedAt: null }) },
    select: { id: true, name: true, channel: true, market: true, kind: true, timeZone: true, currency: true },
    orderBy: [{ channel: "asc" }, { name: "asc" }],
  });
  const facts = { organizationId: scope.organizationId, supplierId: null };
  const [placed, deadlines, flags] = await Promise.all([
    readPlacedFacts(facts, stores, since, now, now, BRAND_SITE_LATE_HOURS),
    readDeadlineFacts(facts, stores, since, now, now),
    countOpenFlagsByStore(scope, now, storeId),
  ]);

  return stores.map((s) => {
    const tiktok = s.channel === "TIKTOK_SHOP";
    const rows = placed.rows.filter((r) => r.storeId === s.id);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    const hist = emptyHist();
    for (const [key, h] of placed.hist) if (key.startsWith(`${s.id}:`)) addHist(hist, h);
    const due = deadlines.filter((d) => d.storeId === s.id);
    return {
      id: s.id,
      name: s.name,
      channel: s.channel,
      market: s.market,
      kind: s.kind,
      timeZone: s.timeZone,
      currency: s.currency,
      figures: {
        orders: sum((r) => r.placed),
        dispatched: sum((r) => r.dispatched),
        medianDispatchHours: histMedian(hist),
        late: tiktok ? due.reduce((n, d) => n + d.late, 0) : sum((r) => r.late),
        lateBase: tiktok ? due.reduce((n, d) => n + d.due, 0) : sum((r) => r.due),
        lateBasis: tiktok ? "DEADLINE" : "48H",
        flags: flags.get(s.id) ?? { total: 0, critical: 0, warning: 0, info: 0 },
      },
    };
  });
}

/** The stores of the daily views: archived ones are left out (their detail page still opens). */
export async function listStoreSummaries(scope: DataScope, now: Date): Promise<StoreSummary[]> {
  return queryStoreFigures(scope, now);
}

/** Stores per page of /stores: no page renders an unbounded list (a seller with a hundred stores gets four pages). */
export const STORES_PAGE_SIZE = 25;

export type StoresPage = { stores: StoreSummary[]; page: number; pages: number; pageSize: number; total: number };

/** One page of the stores, in their listed order; a page past the last shows the last. */
export function pageOfStores(stores: StoreSummary[], page: number, pageSize = STORES_PAGE_SIZE): StoresPage {
  const pages = Math.max(1, Math.ceil(stores.length / pageSize));
  const shown = Math.min(Math.max(1, page), pages);
  return { stores: stores.slice((shown - 1) * pageSize, shown * pageSize), page: shown, pages, pageSize, total: stores.length };
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
        joinedOn: true,
        lastSyncedAt: true,
        webhookSecret: true,
        tiktokAppKey: true,
        tiktokAppSecret: true,
        tiktokAccessToken: true,
        tiktokShopCipher: true,
        tiktokApiBaseUrl: true,
        shopifyDomain: true,
        shopifyAccessToken: true,
        shopifyApiVersion: true,
        shopifyWebhookTopics: true,
        connectionState: true,
        connectionMessage: true,
        connectionChangedAt: true,
        authExpiresAt: true,
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
