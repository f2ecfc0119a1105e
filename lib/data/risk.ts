import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market, OrderStatus, Severity } from "@/lib/generated/prisma/enums";
import { STANDING_RULES } from "@/lib/policy/standing";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { ruleTitleIn } from "@/lib/i18n/policy-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import {
  type Flag,
  type PolicySettings,
  type ReasonKey,
  type ReasonParams,
  type ReasonValue,
  englishReason,
  listParam,
  messageParam,
  reasonMessage,
  addCalendarDays,
  businessDeadline,
  changeEffectiveFrom,
  effectiveFromOf,
  localDateOf,
  startOfLocalDay,
} from "@/lib/policy";
import { checkAutoCancelRisk, checkDispatchDeadline } from "@/lib/policy/fulfillment";
import { returnResponseFlag } from "@/lib/policy/returns";
import { autoCancelCriticalSql, autoCancelFlagOpen, dispatchCriticalSql, dispatchFlagOpen } from "@/lib/flags/sql";
import { flagReasonForScope } from "./redact";
import type { DataScope } from "./scope";
import { organizationSettings } from "@/lib/data/settings";
import { notArchivedSql } from "./archived";

export type RiskQueueFilter = { storeId?: string; rule?: string; limit?: number; offset?: number };

export type RiskQueueItem = {
  key: string;
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  overdue: boolean;
  /** English (machine contracts: CSV, CLIs, the API's `reason`). */
  reason: string;
  /** The reason in the language the queue was read for (getRiskQueue's `locale`). */
  reasonText: string;
  /** The reason's message (namespace "reasons") and parameters, to word it in another language; null for a flag stored without one. */
  reasonKey: string | null;
  reasonParams: unknown;
  subjectType: string;
  subjectId: string;
  order: {
    id: string;
    externalId: string;
    channel: Channel;
    status: OrderStatus;
    carrier: string | null;
    trackingNumber: string | null;
    labelSource: string;
  } | null;
  store: { id: string; name: string; timeZone: string; market: Market } | null;
};

type Row = {
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  reason: string | null;
  reasonKey: string | null;
  reasonParams: unknown;
  subjectType: string;
  subjectId: string;
  derived: boolean;
  orderId: string | null;
  externalId: string | null;
  channel: Channel | null;
  status: OrderStatus | null;
  placedAt: Date | null;
  paidAt: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  labelSource: string | null;
  shipFromCountry: string | null;
  storeId: string | null;
  storeName: string | null;
  timeZone: string | null;
  market: Market | null;
  kind: "LOCAL" | "CROSS_BORDER" | null;
  storeChannel: Channel | null;
};

const RESPONSE_RULE = "returns.response_due";

// Standing facts (lib/policy/standing.ts) never enter the daily queue.

/** How far back the US business-day windows are tabulated; older pending requests were auto-approved long ago. */
const RETURN_CALENDAR_DAYS = 45;

/** The organisation's policy settings (the returns response window is configurable). */
const settingsOf = (organizationId: string) => organizationSettings(db, organizationId);

/**
 * Pending TikTok return requests as open returns.response_due flags, due requestedAt + the
 * response window (then auto-approved), judged like lib/policy/returns.ts: critical under
 * criticalHours or past, warning under dueSoonHours, info before. Only requests made while the
 * rule was in force in their market count. Suppliers never see returns (refunds are retail prices).
 */
function returnResponseSql(scope: DataScope, filter: Pick<RiskQueueFilter, "storeId">, now: Date, settings: PolicySettings): Prisma.Sql | null {
  const pending = pendingReturnDues(scope, filter, now, settings);
  if (!pending) return null;
  const r = settings.returns;
  // A request past its window was auto-approved by the platform: nothing to do any more, so it
  // leaves the queue (the digest counts it as missed, countMissedReturns).
  return Prisma.sql`
    SELECT ${RESPONSE_RULE}::text AS rule,
           (CASE WHEN x.due < ${now}::timestamptz + make_interval(secs => ${r.criticalHours * 3600}) THEN 'CRITICAL'
                 WHEN x.due < ${now}::timestamptz + make_interval(secs => ${r.dueSoonHours * 3600}) THEN 'WARNING' ELSE 'INFO' END)::"Severity" AS severity,
           x.due AS "dueAt", NULL::text AS reason, NULL::text AS "reasonKey", NULL::jsonb AS "reasonParams", 'RETURN'::text AS "subjectType", x.id AS "subjectId", true AS derived, x."orderId", x."storeId"
    FROM (${pending}) x
    WHERE x.due >= ${now}::timestamptz`;
}

/** Pending TikTok return requests of the scope with their response deadline `due` (SQL rows: id, orderId, storeId, due). */
function pendingReturnDues(scope: DataScope, filter: Pick<RiskQueueFilter, "storeId">, now: Date, settings: PolicySettings): Prisma.Sql | null {
  if (scope.supplierId) return null;
  const from = effectiveFromOf(RESPONSE_RULE, settings);
  const since = (market: Market) => (from ? startOfLocalDay(market, from) : new Date(0));
  const r = settings.returns;
  // US requests from 2026-02-25: the end of the 2nd (4th for refunds over $100) business day
  // after the request's local date, from a table of local dates (business days stay in
  // lib/policy); UK and earlier US requests: requestedAt + responseHours.
  const usFromDate = changeEffectiveFrom("returns.response_window_business_days", settings);
  const usFrom = usFromDate ? startOfLocalDay("US", usFromDate) : new Date(0);
  const dates: string[] = [];
  const std: Date[] = [];
  const large: Date[] = [];
  const last = addCalendarDays(localDateOf("US", now), 1);
  for (let d = addCalendarDays(last, -RETURN_CALENDAR_DAYS); d <= last; d = addCalendarDays(d, 1)) {
    const at = startOfLocalDay("US", d);
    dates.push(d);
    std.push(businessDeadline("US", at, r.usBusinessDays));
    large.push(businessDeadline("US", at, r.usLargeRefundBusinessDays));
  }
  const hoursDue = Prisma.sql`(r."requestedAt" + make_interval(secs => ${r.responseHours * 3600}))`;
  const due = Prisma.sql`(CASE WHEN rs.market = 'US' AND r."requestedAt" >= ${usFrom}
      THEN COALESCE((SELECT CASE WHEN r."refundMinor" > ${r.usLargeRefundOverMinor} AND ro.currency = 'USD' THEN c.large ELSE c.std END
                     FROM unnest(${dates}::date[], ${std}::timestamptz[], ${large}::timestamptz[]) AS c(d, std, large)
                     WHERE c.d = (r."requestedAt" AT TIME ZONE 'America/Los_Angeles')::date), ${hoursDue})
      ELSE ${hoursDue} END)`;
  return pendingReturnsSql(scope, filter, since, due);
}

function pendingReturnsSql(scope: DataScope, filter: Pick<RiskQueueFilter, "storeId">, since: (m: Market) => Date, due: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT r.id, r."orderId", r."storeId", ${due} AS due
    FROM "ReturnRequest" r JOIN "Store" rs ON rs.id = r."storeId" JOIN "Order" ro ON ro.id = r."orderId"
    WHERE r."organizationId" = ${scope.organizationId} AND r.status = 'PENDING' AND rs.channel = 'TIKTOK_SHOP'
      ${filter.storeId ? Prisma.sql`AND r."storeId" = ${filter.storeId}` : notArchivedSql(scope.organizationId, `r."storeId"`)}
      AND ((rs.market = 'US' AND r."requestedAt" >= ${since("US")}) OR (rs.market = 'UK' AND r."requestedAt" >= ${since("UK")}))`;
}

/** Days back the digest counts missed (auto-approved) return requests. */
export const MISSED_RETURNS_DAYS = 7;

/**
 * Return requests the platform auto-approved because nobody answered in time, whose window
 * closed in the last MISSED_RETURNS_DAYS days: "missed" in the digest. Same deadlines as the queue.
 */
export async function countMissedReturns(scope: DataScope, now: Date): Promise<{ missed: number; byStore: { storeId: string; missed: number }[] }> {
  const settings = await settingsOf(scope.organizationId);
  const pending = pendingReturnDues(scope, {}, now, settings);
  if (!pending) return { missed: 0, byStore: [] };
  const since = new Date(now.getTime() - MISSED_RETURNS_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ storeId: string; missed: number }[]>`
    SELECT x."storeId", count(*)::int AS missed FROM (${pending}) x
    WHERE x.due < ${now}::timestamptz AND x.due >= ${since}::timestamptz GROUP BY x."storeId"`;
  return { missed: rows.reduce((n, r) => n + r.missed, 0), byStore: rows };
}

/**
 * Every open flag of the scope at `now`, one SELECT per source with the same columns: stored
 * flags plus the clock-driven ones derived from the order (lib/flags/sql.ts) and from pending
 * returns.
 */
function openFlagBranches(scope: DataScope, filter: Pick<RiskQueueFilter, "storeId" | "rule">, now: Date, settings: PolicySettings): Prisma.Sql[] {
  // Without a store filter, archived stores' orders and flags are left out (lib/data/archived.ts).
  const orderScope = Prisma.sql`o."organizationId" = ${scope.organizationId}
    ${scope.supplierId ? Prisma.sql`AND o."supplierId" = ${scope.supplierId}` : Prisma.empty}
    ${filter.storeId ? Prisma.sql`AND o."storeId" = ${filter.storeId}` : notArchivedSql(scope.organizationId, `o."storeId"`)}`;
  const flagScope = Prisma.sql`f."organizationId" = ${scope.organizationId}
    ${scope.supplierId ? Prisma.sql`AND f."supplierId" = ${scope.supplierId}` : Prisma.empty}
    ${filter.storeId ? Prisma.sql`AND f."storeId" = ${filter.storeId}` : notArchivedSql(scope.organizationId, `f."storeId"`, { nullable: true })}`;
  const wants = (rule: string) => !filter.rule || filter.rule === rule;

  const parts: Prisma.Sql[] = [];
  if (wants("fulfillment.dispatch_deadline")) {
    parts.push(Prisma.sql`
      SELECT 'fulfillment.dispatch_deadline' AS rule,
             (CASE WHEN ${dispatchCriticalSql(now, settings)} THEN 'CRITICAL' ELSE 'WARNING' END)::"Severity" AS severity,
             o."dispatchDueAt" AS "dueAt", NULL::text AS reason, NULL::text AS "reasonKey", NULL::jsonb AS "reasonParams", 'ORDER' AS "subjectType", o.id AS "subjectId", true AS derived, o.id AS "orderId", o."storeId"
      FROM "Order" o WHERE ${orderScope} AND ${dispatchFlagOpen(now, settings)}`);
  }
  if (wants("fulfillment.auto_cancel_risk")) {
    parts.push(Prisma.sql`
      SELECT 'fulfillment.auto_cancel_risk' AS rule,
             (CASE WHEN ${autoCancelCriticalSql(now, settings)} THEN 'CRITICAL' ELSE 'WARNING' END)::"Severity" AS severity,
             o."autoCancelAt" AS "dueAt", NULL::text AS reason, NULL::text AS "reasonKey", NULL::jsonb AS "reasonParams", 'ORDER' AS "subjectType", o.id AS "subjectId", true AS derived, o.id AS "orderId", o."storeId"
      FROM "Order" o WHERE ${orderScope} AND ${autoCancelFlagOpen(now)}`);
  }
  if (wants(RESPONSE_RULE)) {
    const returns = returnResponseSql(scope, filter, now, settings);
    if (returns) parts.push(returns);
  }
  // Only what can still be acted on (RiskFlag.actionable): findings on closed orders and late
  // dispatches that already happened stay stored for the rates and the order's history.
  parts.push(Prisma.sql`
    SELECT f.rule, f.severity, f."dueAt", f.reason, f."reasonKey", f."reasonParams", f."subjectType"::text AS "subjectType", f."subjectId", false AS derived, f."orderId", f."storeId"
    FROM "RiskFlag" f WHERE ${flagScope} AND f.actionable AND f.rule NOT IN (${Prisma.join([...STANDING_RULES])})
      ${filter.rule ? Prisma.sql`AND f.rule = ${filter.rule}` : Prisma.empty}`);
  return parts;
}

/** Every open flag of the scope at `now` as one SQL relation. */
function openFlagsSql(scope: DataScope, filter: Pick<RiskQueueFilter, "storeId" | "rule">, now: Date, settings: PolicySettings): Prisma.Sql {
  return Prisma.join(openFlagBranches(scope, filter, now, settings), " UNION ALL ");
}

/**
 * The risk queue: every open flag in queue order — overdue first, then least time left, then
 * severity. One query; `total` is the count before paging. Each item's `reasonText` is worded in
 * `locale` (the viewer's), `reason` stays English.
 */
export async function getRiskQueue(
  scope: DataScope,
  filter: RiskQueueFilter,
  now: Date,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ items: RiskQueueItem[]; total: number }> {
  const settings = await settingsOf(scope.organizationId);
  const branches = openFlagBranches(scope, filter, now, settings);
  const limit = filter.limit ?? 200;
  const offset = filter.offset ?? 0;
  // Overdue first, then least time left, is simply the due instant ascending (an overdue one is
  // earlier than any still running; none last), then severity, rule and subject for ties.
  const queueOrder = (q: string) => {
    const a = Prisma.raw(q);
    return Prisma.sql`${a}."dueAt" ASC NULLS LAST, CASE ${a}.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, ${a}.rule, ${a}."subjectId"`;
  };
  // Each source gives its own first offset + limit rows in queue order, read in index order
  // (the awaiting-dispatch and actionable-flag partial indexes): the page is among them, so a
  // page costs a few hundred index entries, not a sort of every open flag. The order and store
  // columns are joined for the page's rows only, and the total is counted on its own
  // (EXPLAIN in docs/benchmarks.md).
  const heads = branches.map((b) => Prisma.sql`(SELECT * FROM (${b}) b ORDER BY ${queueOrder("b")} LIMIT ${offset + limit})`);
  const all = Prisma.join(branches, " UNION ALL ");
  // One statement (one pooled connection, one round trip) for the page and the total.
  const rows = await db.$queryRaw<(Row & { total: number })[]>`
    WITH page AS (
      SELECT q.* FROM (${Prisma.join(heads, " UNION ALL ")}) q
      ORDER BY ${queueOrder("q")}
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT q.*, (SELECT count(*)::int FROM (${all}) a) AS total,
           o."externalId", o.channel, o.status, o."placedAt", o."paidAt", o."inTransitAt", o."deliveredAt", o."cancelledAt",
           o.carrier, o."trackingNumber", o."labelSource"::text, o."shipFromCountry",
           s.name AS "storeName", s."timeZone", s.market, s.kind, s.channel AS "storeChannel"
    FROM page q
    LEFT JOIN "Order" o ON o.id = q."orderId"
    LEFT JOIN "Store" s ON s.id = q."storeId"
    ORDER BY ${queueOrder("q")}`;
  // A page past the end has no row to carry the total: count on its own then.
  const total = rows[0]?.total ?? (offset > 0 ? ((await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${all}) a`)[0]?.total ?? 0) : 0);
  const items = await withStockPushState(rows.map((r) => toItem(r, now, settings, scope)));
  return { items: items.map((item) => ({ ...item, reasonText: formatFlagReason(item, locale) })), total };
}

/** The words of a derived flag at `now`, from the same rule code that judges the order. */
function derivedFlag(r: Row, now: Date, settings: PolicySettings): Flag | undefined {
  if (r.rule === RESPONSE_RULE) {
    if (!r.dueAt || !r.market) return undefined;
    return returnResponseFlag(r.dueAt, r.market, now, settings)[0];
  }
  if (!r.placedAt || !r.market || !r.channel || !r.status || !r.storeChannel) return undefined;
  const ctx = {
    order: {
      id: r.subjectId,
      channel: r.channel,
      status: r.status,
      placedAt: r.placedAt,
      paidAt: r.paidAt,
      inTransitAt: r.inTransitAt,
      deliveredAt: r.deliveredAt,
      cancelledAt: r.cancelledAt,
      carrier: r.carrier,
      trackingNumber: r.trackingNumber,
      labelSource: (r.labelSource ?? "UNKNOWN") as "UNKNOWN",
      shipFromCountry: r.shipFromCountry,
    },
    store: { channel: r.storeChannel, market: r.market, kind: r.kind },
    now,
    settings,
  };
  const flags = r.rule === "fulfillment.auto_cancel_risk" ? checkAutoCancelRisk(ctx) : checkDispatchDeadline(ctx);
  return flags[0];
}

/**
 * The oversell flag says whether the stock write-back has caught up: a push still pending or one
 * that failed, per store (the latest stock push of the listing's SKU on each store).
 */
async function withStockPushState(items: RiskQueueItem[]): Promise<RiskQueueItem[]> {
  const listingIds = items.filter((i) => i.rule === "inventory.oversell_risk" && i.subjectType === "LISTING").map((i) => i.subjectId);
  if (listingIds.length === 0) return items;
  const listings = await db.listing.findMany({ where: { id: { in: listingIds } }, select: { id: true, sku: true, organizationId: true } });
  const pushes = await db.channelPush.findMany({
    where: { kind: "STOCK", OR: listings.map((l) => ({ organizationId: l.organizationId, sku: l.sku })) },
    orderBy: { createdAt: "desc" },
    distinct: ["storeId", "sku"],
    select: { sku: true, status: true, message: true, store: { select: { name: true } } },
  });
  return items.map((item) => {
    const listing = listings.find((l) => l.id === item.subjectId);
    if (item.rule !== "inventory.oversell_risk" || !listing) return item;
    const notes = pushes
      .filter((p) => p.sku === listing.sku && p.status !== "SENT")
      .map((p) =>
        messageParam(
          p.status === "PENDING"
            ? reasonMessage("stockPush.pending", { store: p.store.name })
            : p.message
              ? reasonMessage("stockPush.failedWithMessage", { store: p.store.name, message: p.message })
              : reasonMessage("stockPush.failed", { store: p.store.name }),
        ),
      );
    if (notes.length === 0) return item;
    const message = reasonMessage("withNotes", { reason: nestedReason(item), notes: listParam(notes, "semicolon") });
    return { ...item, reason: englishReason(message), reasonKey: message.key, reasonParams: message.params };
  });
}

/** A flag's own reason inside another message: its message when this version can word it, else its English text. */
function nestedReason(item: Pick<RiskQueueItem, "reason" | "reasonKey" | "reasonParams">): ReasonValue {
  if (!item.reasonKey) return item.reason;
  const nested = { key: item.reasonKey as ReasonKey, params: (item.reasonParams ?? {}) as ReasonParams };
  try {
    englishReason(nested);
    return messageParam(nested);
  } catch {
    return item.reason;
  }
}

function toItem(r: Row, now: Date, settings: PolicySettings, scope: DataScope): RiskQueueItem {
  const live = r.derived ? derivedFlag(r, now, settings) : undefined;
  const wording = flagReasonForScope(scope, {
    rule: r.rule,
    reason: live?.reason ?? r.reason ?? "",
    reasonKey: live ? live.message.key : r.reasonKey,
    reasonParams: live ? live.message.params : r.reasonParams,
  });
  return {
    key: `${r.rule}:${r.subjectType}:${r.subjectId}`,
    rule: r.rule,
    severity: live ? (live.severity.toUpperCase() as Severity) : r.severity,
    dueAt: r.dueAt,
    overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
    reason: wording.reason,
    // Worded once the page is complete (stock-push notes are added to some reasons first).
    reasonText: wording.reason,
    reasonKey: wording.reasonKey ?? null,
    reasonParams: wording.reasonParams ?? {},
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    order:
      r.orderId && r.externalId && r.channel && r.status
        ? {
            id: r.orderId,
            externalId: r.externalId,
            channel: r.channel,
            status: r.status,
            carrier: r.carrier,
            trackingNumber: r.trackingNumber,
            labelSource: r.labelSource ?? "UNKNOWN",
          }
        : null,
    store: r.storeId && r.storeName && r.timeZone && r.market ? { id: r.storeId, name: r.storeName, timeZone: r.timeZone, market: r.market } : null,
  };
}

export type RuleCount = {
  rule: string;
  count: number;
  critical: number;
  /** Due instant already passed. */
  overdue: number;
  /** Due within the organisation's due-soon hours (dispatch.dueSoonHours, 24 by default). */
  dueSoon: number;
};

/** Open flag counts per rule (the overview's links into the queue, the daily digest), counted in SQL. */
export async function countOpenFlagsByRule(scope: DataScope, now: Date): Promise<RuleCount[]> {
  const settings = await settingsOf(scope.organizationId);
  const rows = await db.$queryRaw<RuleCount[]>`
    WITH q AS (${openFlagsSql(scope, {}, now, settings)})
    SELECT rule, count(*)::int AS count, count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical,
           count(*) FILTER (WHERE "dueAt" < ${now}::timestamptz)::int AS overdue,
           count(*) FILTER (WHERE "dueAt" >= ${now}::timestamptz AND "dueAt" < ${now}::timestamptz + make_interval(secs => ${settings.dispatch.dueSoonHours * 3600}))::int AS "dueSoon"
    FROM q GROUP BY rule ORDER BY critical DESC, count DESC, rule`;
  return rows;
}

/**
 * A queue item as JSON (the API and the page's prefetch): instants as ISO strings, the rule's
 * title added; `reason` in English, `reasonText` in the language the queue was read for.
 */
export type RiskItemJson = Omit<RiskQueueItem, "dueAt" | "reasonKey" | "reasonParams"> & { dueAt: string | null; title: string };

export function toRiskJson(item: RiskQueueItem, locale: Locale = DEFAULT_LOCALE): RiskItemJson {
  return {
    key: item.key,
    rule: item.rule,
    severity: item.severity,
    overdue: item.overdue,
    reason: item.reason,
    reasonText: item.reasonText,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    order: item.order,
    store: item.store,
    dueAt: item.dueAt?.toISOString() ?? null,
    title: ruleTitleIn(item.rule, locale),
  };
}

/** Open flags per store and severity (for the stores list and page), counted in SQL. */
export async function countOpenFlagsPerStore(
  scope: DataScope,
  now: Date,
  storeId?: string,
): Promise<{ storeId: string; total: number; critical: number; warning: number; info: number }[]> {
  const settings = await settingsOf(scope.organizationId);
  return db.$queryRaw`
    WITH q AS (${openFlagsSql(scope, { storeId }, now, settings)})
    SELECT "storeId", count(*)::int AS total,
           count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical,
           count(*) FILTER (WHERE severity = 'WARNING')::int AS warning,
           count(*) FILTER (WHERE severity = 'INFO')::int AS info
    FROM q WHERE "storeId" IS NOT NULL GROUP BY "storeId"`;
}
