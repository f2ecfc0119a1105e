import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db";
import { minorUnitsToDecimalString } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, LabelSource, OrderStatus, Severity } from "@/lib/generated/prisma/enums";
import { type Market, type OrderFacts, type OrderTimeline, type PolicySettings, evaluateOrder, onHoldWindow } from "@/lib/policy";
import type { FulfillmentType } from "@/lib/generated/prisma/enums";
import { organizationSettings } from "./settings";
import { DERIVED_RULES, autoCancelFlagOpen, dispatchFlagOpen, dispatchSeveritySql, orderHasAnyFlag, orderHasRule } from "@/lib/flags/sql";
import { ANY_FLAG, type OrderQuery, type OrderSortKey, parseSort, UNASSIGNED } from "@/lib/validations/orders";
import { csvLine } from "@/lib/security/csv";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { flagReasonForScope } from "./redact";
import type { DataScope } from "./scope";
import { archivedStoresSql } from "./archived";

// The orders list, its CSV export and the order detail. Every query starts from the session's
// scope: the organisation always, and for a supplier only their own orders. What a supplier may
// not see (prices, totals, buyer identity, street) is left out of the SELECT itself, so it never
// leaves the database, rather than being hidden by the screen.

export type FlagSummary = { count: number; worst: Severity | null; rules: string[] };

/** The organisation's dispatch thresholds, for the countdown's colour (settings.dispatch). */
export type DispatchAlertHours = { dueSoonHours: number; criticalHours: number };

export type OrderListItem = {
  id: string;
  dispatchAlertHours: DispatchAlertHours;
  externalId: string;
  channel: Channel;
  store: { id: string; name: string; timeZone: string; market: Market };
  status: OrderStatus;
  placedAt: string;
  /** The dispatch deadline (TikTok orders); computed from the policy when the order has none stored. */
  dispatchDueAt: string | null;
  inTransitAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  labelSource: LabelSource;
  supplier: { id: string; name: string } | null;
  flags: FlagSummary;
  /** Absent for suppliers. Integer minor units as a string: never a float. */
  currency?: string;
  totalMinor?: string;
};

export type OrderList = { items: OrderListItem[]; total: number };

export const isSupplierScope = (scope: DataScope) => scope.supplierId !== null;

const SEVERITY_RANK: Record<Severity, number> = { INFO: 1, WARNING: 2, CRITICAL: 3 };
const SEVERITY_BY_RANK: Record<number, Severity> = { 1: "INFO", 2: "WARNING", 3: "CRITICAL" };

// ---------------------------------------------------------------------------------------------
// WHERE and ORDER BY

/** LIKE pattern for "starts with": the user's % and _ are literals. */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchCondition(q: string): Prisma.Sql {
  // External ids and tracking numbers are matched exactly or by prefix, never by substring, so
  // the (organizationId, trackingNumber) and (storeId, externalId) btree indexes stay usable.
  const ids = [q];
  // Shopify shows "#1001"; a seller often types 1001.
  if (/^\d/.test(q)) ids.push(`#${q}`);
  const tracking = q.replace(/[\s-]+/g, "").toUpperCase();
  const idTerms = ids.map((id) => Prisma.sql`o."externalId" = ${id} OR o."externalId" LIKE ${prefixPattern(id)}`);
  const trackingTerms = tracking ? [Prisma.sql`o."trackingNumber" = ${tracking} OR o."trackingNumber" LIKE ${prefixPattern(tracking)}`] : [];
  return Prisma.sql`(${Prisma.join([...idTerms, ...trackingTerms], " OR ")})`;
}

export function orderWhere(scope: DataScope, query: OrderQuery, now: Date, settings: PolicySettings): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`o."organizationId" = ${scope.organizationId}`];
  if (scope.supplierId) parts.push(Prisma.sql`o."supplierId" = ${scope.supplierId}`);
  if (query.channel) parts.push(Prisma.sql`o.channel = ${query.channel}::"Channel"`);
  // Store and supplier ids from the client only narrow the tenant's rows: another tenant's id matches nothing.
  // Without a store filter the list and the export leave archived stores out; `?store=<id>` of an
  // archived store shows its orders (lib/data/archived.ts).
  parts.push(query.store ? Prisma.sql`o."storeId" = ${query.store}` : Prisma.sql`o."storeId" NOT IN ${archivedStoresSql(scope.organizationId)}`);
  if (query.supplier) parts.push(query.supplier === UNASSIGNED ? Prisma.sql`o."supplierId" IS NULL` : Prisma.sql`o."supplierId" = ${query.supplier}`);
  if (query.status?.length) parts.push(Prisma.sql`o.status IN (${Prisma.join(query.status.map((s) => Prisma.sql`${s}::"OrderStatus"`))})`);
  if (query.from) parts.push(Prisma.sql`o."placedAt" >= ${query.from.instant}::timestamptz`);
  if (query.to) parts.push(Prisma.sql`o."placedAt" < ${query.to.instant}::timestamptz`);
  if (query.rule) parts.push(query.rule === ANY_FLAG ? orderHasAnyFlag(now, settings) : orderHasRule(query.rule, now, settings));
  if (query.q) parts.push(searchCondition(query.q));
  return Prisma.join(parts, " AND ");
}

// A far-future stand-in for "no deadline" so the sort key is never NULL and keyset comparison works.
const NO_DEADLINE = "9999-12-31T00:00:00Z";

const SORT_EXPRESSIONS: Record<OrderSortKey, { expr: Prisma.Sql; param: (value: unknown) => Prisma.Sql }> = {
  placedAt: { expr: Prisma.sql`o."placedAt"`, param: (v) => Prisma.sql`${v}::timestamptz` },
  dispatchDueAt: { expr: Prisma.sql`COALESCE(o."dispatchDueAt", ${NO_DEADLINE}::timestamptz)`, param: (v) => Prisma.sql`${v}::timestamptz` },
  total: { expr: Prisma.sql`o."totalMinor"`, param: (v) => Prisma.sql`${v}::int` },
  status: { expr: Prisma.sql`o.status`, param: (v) => Prisma.sql`${v}::"OrderStatus"` },
  externalId: { expr: Prisma.sql`o."externalId"`, param: (v) => Prisma.sql`${v}::text` },
};

function sortOf(scope: DataScope, query: OrderQuery) {
  const { key, descending } = parseSort(query.sort);
  // Sorting by total would let a supplier rank orders by a price they may not see.
  const safeKey: OrderSortKey = key === "total" && isSupplierScope(scope) ? "placedAt" : key;
  return { ...SORT_EXPRESSIONS[safeKey], direction: Prisma.raw(descending ? "DESC" : "ASC"), descending };
}

// ---------------------------------------------------------------------------------------------
// SELECT

type ListRow = Omit<OrderTimeline, "shipFromCountry"> & {
  id: string;
  externalId: string;
  dispatchDueAt: Date | null;
  storeId: string;
  storeName: string;
  storeTimeZone: string;
  storeMarket: Market;
  supplierId: string | null;
  supplierName: string | null;
  flagRules: string[] | null;
  flagWorst: number | null;
  dispatchOpen: boolean;
  dispatchSeverity: Severity;
  autoCancelOpen: boolean;
  sk: unknown;
  currency?: string;
  totalMinor?: number;
};

type ExportRow = ListRow & {
  buyerName?: string | null;
  buyerEmail?: string | null;
  buyerPhone?: string | null;
  shipAddress1?: string | null;
  shipAddress2?: string | null;
  shipCity: string | null;
  shipRegion: string | null;
  shipPostcode: string | null;
  shipCountry: string | null;
};

function selectList(scope: DataScope, now: Date, settings: PolicySettings, sortExpr: Prisma.Sql, extended: boolean): Prisma.Sql {
  const money = isSupplierScope(scope) ? Prisma.empty : Prisma.sql`, o.currency, o."totalMinor"`;
  const buyer =
    extended && !isSupplierScope(scope) ? Prisma.sql`, o."buyerName", o."buyerEmail", o."buyerPhone", o."shipAddress1", o."shipAddress2"` : Prisma.empty;
  const shipTo = extended ? Prisma.sql`, o."shipCity", o."shipRegion", o."shipPostcode", o."shipCountry"` : Prisma.empty;
  return Prisma.sql`
    SELECT o.id, o."externalId", o.channel, o.status, o."placedAt", o."paidAt", o."inTransitAt", o."deliveredAt", o."cancelledAt",
      o."dispatchDueAt", o.carrier, o."trackingNumber", o."labelSource",
      s.id AS "storeId", s.name AS "storeName", s."timeZone" AS "storeTimeZone", s.market AS "storeMarket",
      sup.id AS "supplierId", sup.name AS "supplierName",
      fl.rules AS "flagRules", fl.worst AS "flagWorst",
      ${dispatchFlagOpen(now, settings)} AS "dispatchOpen", ${dispatchSeveritySql(now, settings)} AS "dispatchSeverity", ${autoCancelFlagOpen(now)} AS "autoCancelOpen",
      ${sortExpr} AS sk
      ${money} ${buyer} ${shipTo}
    FROM "Order" o
    JOIN "Store" s ON s.id = o."storeId"
    LEFT JOIN "Supplier" sup ON sup.id = o."supplierId"
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT f.rule) AS rules,
        max(CASE f.severity WHEN 'CRITICAL' THEN 3 WHEN 'WARNING' THEN 2 ELSE 1 END)::int AS worst
      FROM "RiskFlag" f WHERE f."orderId" = o.id
    ) fl ON true`;
}

function summariseFlags(row: ListRow): FlagSummary {
  const rules = new Set(row.flagRules ?? []);
  let worst = row.flagWorst ?? 0;
  if (row.dispatchOpen) {
    rules.add("fulfillment.dispatch_deadline");
    worst = Math.max(worst, SEVERITY_RANK[row.dispatchSeverity]);
  }
  if (row.autoCancelOpen) {
    rules.add("fulfillment.auto_cancel_risk");
    worst = SEVERITY_RANK.CRITICAL;
  }
  return { count: rules.size, worst: SEVERITY_BY_RANK[worst] ?? null, rules: [...rules].sort() };
}

/**
 * The deadline stored when the order was written (lib/flags/refresh-orders.ts). It is null on
 * purpose for brand-site orders and for TikTok orders placed before the rule took effect.
 */
function dispatchDeadlineOf(row: Pick<ListRow, "dispatchDueAt">): Date | null {
  return row.dispatchDueAt;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const alertHours = (settings: PolicySettings): DispatchAlertHours => ({
  dueSoonHours: settings.dispatch.dueSoonHours,
  criticalHours: settings.dispatch.criticalHours,
});

function toListItem(row: ListRow, settings: PolicySettings): OrderListItem {
  const item: OrderListItem = {
    id: row.id,
    dispatchAlertHours: alertHours(settings),
    externalId: row.externalId,
    channel: row.channel,
    store: { id: row.storeId, name: row.storeName, timeZone: row.storeTimeZone, market: row.storeMarket },
    status: row.status,
    placedAt: row.placedAt.toISOString(),
    dispatchDueAt: iso(dispatchDeadlineOf(row)),
    inTransitAt: iso(row.inTransitAt),
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    labelSource: row.labelSource,
    supplier: row.supplierId && row.supplierName ? { id: row.supplierId, name: row.supplierName } : null,
    flags: summariseFlags(row),
  };
  if (row.currency !== undefined && row.totalMinor !== undefined) {
    item.currency = row.currency;
    item.totalMinor = String(row.totalMinor);
  }
  return item;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** One page of the list and the number of orders matching the filter. */
export async function listOrders(scope: DataScope, query: OrderQuery, now: Date): Promise<OrderList> {
  const settings = await organizationSettings(db, scope.organizationId);
  const where = orderWhere(scope, query, now, settings);
  const sort = sortOf(scope, query);
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<ListRow[]>`${selectList(scope, now, settings, sort.expr, false)}
      WHERE ${where}
      ORDER BY ${sort.expr} ${sort.direction}, o.id ${sort.direction}
      LIMIT ${query.pageSize} OFFSET ${offset}`,
    countOrders(scope, query, where),
  ]);
  return { items: rows.map((r) => toListItem(r, settings)), total: counted };
}

/**
 * The exact number of orders matching the filter. Filters on store, supplier, channel and status
 * only (the list as first opened, or by status) are summed from the trigger-kept OrderCount rows:
 * a count(*) over a million orders costs ~170 ms of three processes, the sum a millisecond.
 * A date, flag or text filter narrows the rows enough to count them.
 */
async function countOrders(scope: DataScope, query: OrderQuery, where: Prisma.Sql): Promise<number> {
  if (query.from || query.to || query.rule || query.q) {
    const rows = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Order" o WHERE ${where}`;
    return rows[0]?.total ?? 0;
  }
  const parts: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${scope.organizationId}`];
  if (scope.supplierId) parts.push(Prisma.sql`c."supplierId" = ${scope.supplierId}`);
  if (query.channel) parts.push(Prisma.sql`c.channel = ${query.channel}::"Channel"`);
  parts.push(query.store ? Prisma.sql`c."storeId" = ${query.store}` : Prisma.sql`c."storeId" NOT IN ${archivedStoresSql(scope.organizationId)}`);
  // OrderCount keeps '' for orders without a supplier.
  if (query.supplier) parts.push(Prisma.sql`c."supplierId" = ${query.supplier === UNASSIGNED ? "" : query.supplier}`);
  if (query.status?.length) parts.push(Prisma.sql`c.status IN (${Prisma.join(query.status.map((s) => Prisma.sql`${s}::"OrderStatus"`))})`);
  const rows = await db.$queryRaw<
    { total: number }[]
  >`SELECT coalesce(sum(c.orders), 0)::int AS total FROM "OrderCount" c WHERE ${Prisma.join(parts, " AND ")}`;
  return rows[0]?.total ?? 0;
}

export type ExportOrder = OrderListItem & {
  paidAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  shipTo: { city: string | null; region: string | null; postcode: string | null; country: string | null };
  /** Absent for suppliers. */
  buyer?: { name: string | null; email: string | null; phone: string | null; address1: string | null; address2: string | null };
};

/**
 * Every order matching the filter, in the list's order, in batches fetched by keyset (the sort
 * key and id of the last row), so an export of a million orders never holds more than one batch.
 */
export async function* iterateOrders(scope: DataScope, query: OrderQuery, now: Date, batchSize = 1000): AsyncGenerator<ExportOrder[]> {
  const settings = await organizationSettings(db, scope.organizationId);
  const where = orderWhere(scope, query, now, settings);
  const sort = sortOf(scope, query);
  const comparison = Prisma.raw(sort.descending ? "<" : ">");
  let cursor: { sk: unknown; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`AND (${sort.expr}, o.id) ${comparison} (${sort.param(cursor.sk)}, ${cursor.id})` : Prisma.empty;
    const rows: ExportRow[] = await db.$queryRaw<ExportRow[]>`${selectList(scope, now, settings, sort.expr, true)}
      WHERE ${where} ${after}
      ORDER BY ${sort.expr} ${sort.direction}, o.id ${sort.direction}
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map((r) => toExportOrder(r, settings));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as ExportRow;
    cursor = { sk: last.sk, id: last.id };
  }
}

function toExportOrder(row: ExportRow, settings: PolicySettings): ExportOrder {
  const out: ExportOrder = {
    ...toListItem(row, settings),
    paidAt: iso(row.paidAt),
    deliveredAt: iso(row.deliveredAt),
    cancelledAt: iso(row.cancelledAt),
    shipTo: { city: row.shipCity, region: row.shipRegion, postcode: row.shipPostcode, country: row.shipCountry },
  };
  if (row.buyerName !== undefined) {
    out.buyer = {
      name: row.buyerName ?? null,
      email: row.buyerEmail ?? null,
      phone: row.buyerPhone ?? null,
      address1: row.shipAddress1 ?? null,
      address2: row.shipAddress2 ?? null,
    };
  }
  return out;
}

/** Stores and suppliers to offer in the filter bar. A supplier is offered no other supplier. */
export async function getOrderFilterOptions(scope: DataScope) {
  const [stores, suppliers] = await Promise.all([
    db.store.findMany({
      where: { organizationId: scope.organizationId, archivedAt: null },
      select: { id: true, name: true, channel: true, market: true },
      orderBy: { name: "asc" },
    }),
    isSupplierScope(scope)
      ? Promise.resolve([])
      : db.supplier.findMany({ where: { organizationId: scope.organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { stores, suppliers };
}
export type OrderFilterOptions = Awaited<ReturnType<typeof getOrderFilterOptions>>;

// ---------------------------------------------------------------------------------------------
// Detail

export type OrderDetailFlag = {
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  /** English (machine contracts). */
  reason: string;
  /** The reason in the language the order was read for (getOrderDetail's `locale`). */
  reasonText: string;
  upcoming: boolean;
  derived: boolean;
};

export type OrderDetail = {
  id: string;
  externalId: string;
  channel: Channel;
  status: OrderStatus;
  store: { id: string; name: string; timeZone: string; market: Market };
  supplier: { id: string; name: string } | null;
  placedAt: Date;
  paidAt: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  dispatchDueAt: Date | null;
  autoCancelAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  labelSource: LabelSource;
  shipFromCountry: string | null;
  fulfillmentType: FulfillmentType;
  dispatchAlertHours: DispatchAlertHours;
  /** New orders On Hold for the buyer's cancellation hour: do not ship before `until`. */
  onHold: { until: Date; active: boolean } | null;
  shipTo: { city: string | null; region: string | null; postcode: string | null; country: string | null };
  lines: { position: number; sku: string; productName: string; quantity: number; unitPriceMinor?: number }[];
  flags: OrderDetailFlag[];
  /** Absent for suppliers. */
  money?: { currency: string; totalMinor: number };
  buyer?: { name: string | null; email: string | null; phone: string | null; address1: string | null; address2: string | null };
};

const DETAIL_BASE = {
  id: true,
  externalId: true,
  channel: true,
  status: true,
  placedAt: true,
  paidAt: true,
  inTransitAt: true,
  deliveredAt: true,
  cancelledAt: true,
  dispatchDueAt: true,
  autoCancelAt: true,
  carrier: true,
  trackingNumber: true,
  labelSource: true,
  shipFromCountry: true,
  fulfillmentType: true,
  shipCity: true,
  shipRegion: true,
  shipPostcode: true,
  shipCountry: true,
  store: { select: { id: true, name: true, timeZone: true, market: true, kind: true, channel: true } },
  supplier: { select: { id: true, name: true } },
  flags: {
    select: { rule: true, severity: true, dueAt: true, reason: true, reasonKey: true, reasonParams: true, upcoming: true },
    orderBy: [{ severity: "desc" }, { dueAt: "asc" }],
  },
} as const satisfies Prisma.OrderSelect;

const LINE_BASE = { position: true, sku: true, productName: true, quantity: true } as const satisfies Prisma.OrderLineSelect;

const ENGINE_SEVERITY: Record<"info" | "warning" | "critical", Severity> = { info: "INFO", warning: "WARNING", critical: "CRITICAL" };

/**
 * One order of the scope, or null when it does not exist for this user (whether or not it exists
 * elsewhere). Flag reasons: `reason` in English, `reasonText` in `locale` (the viewer's).
 */
export async function getOrderDetail(scope: DataScope, id: string, now: Date, locale: Locale = DEFAULT_LOCALE): Promise<OrderDetail | null> {
  const where: Prisma.OrderWhereInput = { id, organizationId: scope.organizationId, ...(scope.supplierId ? { supplierId: scope.supplierId } : {}) };
  if (isSupplierScope(scope)) {
    const order = await db.order.findFirst({ where, select: { ...DETAIL_BASE, lines: { select: LINE_BASE, orderBy: { position: "asc" } } } });
    return order ? toDetail(order, now, await organizationSettings(db, scope.organizationId), scope, locale) : null;
  }
  const settings = await organizationSettings(db, scope.organizationId);
  const order = await db.order.findFirst({
    where,
    select: {
      ...DETAIL_BASE,
      currency: true,
      totalMinor: true,
      buyerName: true,
      buyerEmail: true,
      buyerPhone: true,
      shipAddress1: true,
      shipAddress2: true,
      lines: { select: { ...LINE_BASE, unitPriceMinor: true }, orderBy: { position: "asc" } },
    },
  });
  if (!order) return null;
  return {
    ...toDetail(order, now, settings, scope, locale),
    money: { currency: order.currency, totalMinor: order.totalMinor },
    buyer: { name: order.buyerName, email: order.buyerEmail, phone: order.buyerPhone, address1: order.shipAddress1, address2: order.shipAddress2 },
  };
}

type DetailRow = Prisma.OrderGetPayload<{ select: typeof DETAIL_BASE & { lines: { select: typeof LINE_BASE } } }> & {
  lines: { position: number; sku: string; productName: string; quantity: number; unitPriceMinor?: number }[];
};

function toDetail(order: DetailRow, now: Date, settings: PolicySettings, scope: DataScope, locale: Locale): OrderDetail {
  const facts: OrderFacts = {
    id: order.id,
    channel: order.channel,
    status: order.status,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    inTransitAt: order.inTransitAt,
    deliveredAt: order.deliveredAt,
    cancelledAt: order.cancelledAt,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    labelSource: order.labelSource,
    shipFromCountry: order.shipFromCountry,
    fulfillmentType: order.fulfillmentType,
  };
  const stored = order.flags.map((f) => ({ ...f, derived: false }));
  // The clock-driven flags are not stored (see lib/flags/sql.ts): take their wording from the engine.
  const storedRules = new Set(stored.map((f) => f.rule));
  const derived = evaluateOrder(facts, { channel: order.store.channel, market: order.store.market, kind: order.store.kind }, now, settings)
    .filter((f) => (DERIVED_RULES as readonly string[]).includes(f.rule) && !storedRules.has(f.rule))
    .map((f) => ({
      rule: f.rule,
      severity: ENGINE_SEVERITY[f.severity],
      dueAt: f.dueAt,
      reason: f.reason,
      reasonKey: f.message.key,
      reasonParams: f.message.params,
      upcoming: f.upcoming ?? false,
      derived: true,
    }));
  const flags: OrderDetailFlag[] = [...derived, ...stored]
    .map((f) => flagReasonForScope(scope, f))
    .map(({ reasonKey, reasonParams, ...f }) => ({ ...f, reasonText: formatFlagReason({ reason: f.reason, reasonKey, reasonParams }, locale) }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return {
    id: order.id,
    externalId: order.externalId,
    channel: order.channel,
    status: order.status,
    store: { id: order.store.id, name: order.store.name, timeZone: order.store.timeZone, market: order.store.market },
    supplier: order.supplier,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    inTransitAt: order.inTransitAt,
    deliveredAt: order.deliveredAt,
    cancelledAt: order.cancelledAt,
    dispatchDueAt: order.dispatchDueAt,
    autoCancelAt: order.autoCancelAt,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    labelSource: order.labelSource,
    shipFromCountry: order.shipFromCountry,
    fulfillmentType: order.fulfillmentType,
    dispatchAlertHours: alertHours(settings),
    onHold: order.channel === "TIKTOK_SHOP" ? onHoldWindow(order, order.store.market, now, settings) : null,
    shipTo: { city: order.shipCity, region: order.shipRegion, postcode: order.shipPostcode, country: order.shipCountry },
    lines: order.lines,
    flags,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** One CSV record (RFC 4180), every cell neutralised against formula injection (lib/security/csv.ts). */
export function csvRecord(values: readonly (string | null)[]): string {
  return csvLine(values);
}

/** An instant in the store's zone, e.g. "2026-03-10 14:05:00 -07:00". */
function localTime(instant: string | null, timeZone: string): string | null {
  return instant ? DateTime.fromISO(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm:ss ZZ") : null;
}

type Column = { header: string; value: (o: ExportOrder) => string | null };

const COLUMNS_BEFORE_MONEY: Column[] = [
  { header: "order_id", value: (o) => o.id },
  { header: "external_id", value: (o) => o.externalId },
  { header: "channel", value: (o) => o.channel },
  { header: "store", value: (o) => o.store.name },
  { header: "store_time_zone", value: (o) => o.store.timeZone },
  { header: "status", value: (o) => o.status },
  { header: "placed_at_utc", value: (o) => o.placedAt },
  { header: "placed_at_local", value: (o) => localTime(o.placedAt, o.store.timeZone) },
  { header: "paid_at_utc", value: (o) => o.paidAt },
  { header: "dispatch_due_at_utc", value: (o) => o.dispatchDueAt },
  { header: "dispatch_due_at_local", value: (o) => localTime(o.dispatchDueAt, o.store.timeZone) },
  { header: "in_transit_at_utc", value: (o) => o.inTransitAt },
  { header: "in_transit_at_local", value: (o) => localTime(o.inTransitAt, o.store.timeZone) },
  { header: "delivered_at_utc", value: (o) => o.deliveredAt },
  { header: "cancelled_at_utc", value: (o) => o.cancelledAt },
  { header: "carrier", value: (o) => o.carrier },
  { header: "tracking_number", value: (o) => o.trackingNumber },
  { header: "label_source", value: (o) => o.labelSource },
  { header: "supplier", value: (o) => o.supplier?.name ?? null },
];

const MONEY_COLUMNS: Column[] = [
  { header: "currency", value: (o) => o.currency ?? null },
  { header: "total", value: (o) => (o.totalMinor !== undefined && o.currency ? minorUnitsToDecimalString(BigInt(o.totalMinor), o.currency) : null) },
];

const BUYER_COLUMNS: Column[] = [
  { header: "buyer_name", value: (o) => o.buyer?.name ?? null },
  { header: "buyer_email", value: (o) => o.buyer?.email ?? null },
  { header: "buyer_phone", value: (o) => o.buyer?.phone ?? null },
  { header: "ship_address1", value: (o) => o.buyer?.address1 ?? null },
  { header: "ship_address2", value: (o) => o.buyer?.address2 ?? null },
];

const SHIP_TO_COLUMNS: Column[] = [
  { header: "ship_city", value: (o) => o.shipTo.city },
  { header: "ship_region", value: (o) => o.shipTo.region },
  { header: "ship_postcode", value: (o) => o.shipTo.postcode },
  { header: "ship_country", value: (o) => o.shipTo.country },
  { header: "flag_count", value: (o) => String(o.flags.count) },
  { header: "flag_worst", value: (o) => o.flags.worst },
  { header: "flag_rules", value: (o) => o.flags.rules.join(" ") },
];

/** The export's columns: a supplier's has no money and no buyer identity or street. */
export function exportColumns(scope: DataScope): Column[] {
  return isSupplierScope(scope)
    ? [...COLUMNS_BEFORE_MONEY, ...SHIP_TO_COLUMNS]
    : [...COLUMNS_BEFORE_MONEY, ...MONEY_COLUMNS, ...BUYER_COLUMNS, ...SHIP_TO_COLUMNS];
}
