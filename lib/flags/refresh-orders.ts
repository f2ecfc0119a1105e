import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/database/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market, OrderStatus, Severity, StoreKind } from "@/lib/generated/prisma/enums";
import { readOrganizationSettings } from "@/lib/data/settings";
import type { FulfillmentType } from "@/lib/generated/prisma/enums";
import {
  type Flag,
  type OrderTimeline,
  type PolicySettings,
  dispatchTimes,
  evaluateOrder,
  isFulfilledByTikTok,
  isInForce,
  normaliseTrackingNumber,
} from "@/lib/policy";
import { DERIVED_RULES } from "./sql";

// Writes what the policy engine concludes about orders: the dispatch instants on the order and
// the stored flags in RiskFlag. Called whenever orders are written (seed, import, webhook, sync,
// a fix in the queue) and by the re-evaluation job after a calendar change.

const BATCH = 2_000;
const SEVERITY: Record<Flag["severity"], Severity> = { info: "INFO", warning: "WARNING", critical: "CRITICAL" };

type OrderRow = OrderTimeline & {
  id: string;
  organizationId: string;
  storeId: string;
  supplierId: string | null;
  fulfillmentType: FulfillmentType;
  dispatchDueAt: Date | null;
  autoCancelAt: Date | null;
  market: Market;
  kind: StoreKind | null;
  storeChannel: Channel;
  timeZone: string;
};

export type RefreshResult = { orders: number; flags: number };

/**
 * Flags whose state only moves with the clock are not stored while the order waits for dispatch:
 * the queue derives them from dispatchDueAt/autoCancelAt (lib/flags/sql.ts). Once dispatched, a
 * late dispatch is a fact and is stored.
 */
function isStoredFlag(flag: Flag, order: OrderRow): boolean {
  if (flag.upcoming) return true;
  if (!(DERIVED_RULES as readonly string[]).includes(flag.rule)) return true;
  return flag.rule === "fulfillment.dispatch_deadline" && order.inTransitAt !== null;
}

const CLOSED: readonly OrderStatus[] = ["DELIVERED", "COMPLETED", "CANCELLED"];

/** Whether anyone can still act on it: not on a closed order, and not a late dispatch that already happened. */
function isActionable(flag: Flag, order: OrderRow): boolean {
  if (CLOSED.includes(order.status)) return false;
  return !(flag.rule === "fulfillment.dispatch_deadline" && !flag.upcoming);
}

/**
 * Re-evaluates the given orders (or, with `openOnly`, every open order of the organisation) at
 * `now`. Orders sharing a tracking number with them are re-evaluated too, so a duplicate is
 * flagged on both sides.
 */
export async function refreshOrderRisk(
  db: Db,
  target: { organizationId: string; orderIds?: readonly string[]; openOnly?: boolean },
  now: Date,
): Promise<RefreshResult> {
  await db.organization.findUniqueOrThrow({ where: { id: target.organizationId }, select: { id: true } });
  const settings = await readOrganizationSettings(db, target.organizationId);
  const ids = target.orderIds ? await withSharedTracking(db, target.organizationId, target.orderIds) : null;

  let orders = 0;
  let flags = 0;
  let cursor = "";
  for (;;) {
    const rows = await loadBatch(db, target.organizationId, ids, target.openOnly ?? false, cursor);
    if (rows.length === 0) break;
    const written = await writeBatch(db, rows, now, settings);
    orders += rows.length;
    flags += written;
    cursor = (rows.at(-1) as OrderRow).id;
    if (rows.length < BATCH) break;
  }
  return { orders, flags };
}

async function withSharedTracking(db: Db, organizationId: string, orderIds: readonly string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT o2.id FROM "Order" o
    JOIN "Order" o2 ON o2."organizationId" = o."organizationId" AND o2."trackingNumber" = o."trackingNumber"
    WHERE o."organizationId" = ${organizationId} AND o.id = ANY(${orderIds as string[]}) AND o."trackingNumber" IS NOT NULL`;
  return [...new Set([...orderIds, ...rows.map((r) => r.id)])];
}

const OPEN = Prisma.sql`o.status NOT IN ('DELIVERED','COMPLETED','CANCELLED')`;

async function loadBatch(db: Db, organizationId: string, ids: string[] | null, openOnly: boolean, cursor: string): Promise<OrderRow[]> {
  const idFilter = ids ? Prisma.sql`AND o.id = ANY(${ids})` : Prisma.empty;
  const openFilter = openOnly ? Prisma.sql`AND ${OPEN}` : Prisma.empty;
  return db.$queryRaw<OrderRow[]>`
    SELECT o.id, o."organizationId", o."storeId", o."supplierId", o.channel, o.status, o."placedAt", o."paidAt", o."inTransitAt",
           o."deliveredAt", o."cancelledAt", o.carrier, o."trackingNumber", o."labelSource", o."shipFromCountry", o."fulfillmentType",
           o."dispatchDueAt", o."autoCancelAt", s.market, s.kind, s.channel AS "storeChannel", s."timeZone"
    FROM "Order" o JOIN "Store" s ON s.id = o."storeId"
    WHERE o."organizationId" = ${organizationId} ${idFilter} ${openFilter} AND o.id > ${cursor}
    ORDER BY o.id LIMIT ${BATCH}`;
}

/**
 * Other orders of the organisation carrying each tracking number of the batch (any channel),
 * by the external ids a seller recognises (the flag's reason names them).
 */
async function duplicatesFor(db: Db, rows: OrderRow[]): Promise<Map<string, string[]>> {
  const organizationId = (rows[0] as OrderRow).organizationId;
  const numbers = [...new Set(rows.map((r) => r.trackingNumber).filter((n): n is string => Boolean(n)))];
  const byOrder = new Map<string, string[]>();
  if (numbers.length === 0) return byOrder;
  const users = await db.$queryRaw<{ id: string; externalId: string; trackingNumber: string }[]>`
    SELECT id, "externalId", "trackingNumber" FROM "Order"
    WHERE "organizationId" = ${organizationId} AND "trackingNumber" = ANY(${numbers}) AND status <> 'CANCELLED'`;
  const byNumber = new Map<string, { id: string; externalId: string }[]>();
  for (const u of users) {
    const key = normaliseTrackingNumber(u.trackingNumber);
    byNumber.set(key, [...(byNumber.get(key) ?? []), u]);
  }
  for (const r of rows) {
    if (!r.trackingNumber || r.status === "CANCELLED") continue;
    const others = (byNumber.get(normaliseTrackingNumber(r.trackingNumber)) ?? []).filter((o) => o.id !== r.id).map((o) => o.externalId);
    if (others.length) byOrder.set(r.id, others);
  }
  return byOrder;
}

async function writeBatch(db: Db, rows: OrderRow[], now: Date, settings: PolicySettings): Promise<number> {
  const duplicates = await duplicatesFor(db, rows);
  const flagRows: Prisma.RiskFlagCreateManyInput[] = [];
  const timeUpdates: { id: string; due: Date | null; cancel: Date | null }[] = [];

  for (const row of rows) {
    const store = { channel: row.storeChannel, market: row.market, kind: row.kind, timeZone: row.timeZone };
    // The dispatch clock applies to TikTok orders placed while the rule was in force, except
    // those Fulfilled by TikTok (from 2026-02-05): TikTok dispatches them.
    const clocked =
      row.channel === "TIKTOK_SHOP" &&
      isInForce("fulfillment.dispatch_deadline", row.market, row.placedAt, settings) &&
      !isFulfilledByTikTok(row, row.market, settings);
    const times = clocked ? dispatchTimes(row.market, row.placedAt, settings) : null;
    const due = times?.deadline ?? null;
    const cancel = times?.autoCancelAt ?? null;
    if (due?.getTime() !== row.dispatchDueAt?.getTime() || cancel?.getTime() !== row.autoCancelAt?.getTime()) {
      timeUpdates.push({ id: row.id, due, cancel });
    }
    const flags = evaluateOrder(row, store, now, settings, { duplicateOrderIds: duplicates.get(row.id) });
    const seen = new Set<string>();
    for (const flag of flags) {
      // One row per (order, rule): the most severe finding of a rule stands for it.
      if (!isStoredFlag(flag, row) || seen.has(flag.rule)) continue;
      seen.add(flag.rule);
      flagRows.push({
        id: randomUUID(),
        organizationId: row.organizationId,
        subjectType: "ORDER",
        subjectId: row.id,
        storeId: row.storeId,
        orderId: row.id,
        supplierId: row.supplierId,
        rule: flag.rule,
        severity: SEVERITY[flag.severity],
        dueAt: flag.dueAt,
        reason: flag.reason,
        reasonKey: flag.message.key,
        reasonParams: flag.message.params as Prisma.InputJsonValue,
        evidence: flag.evidence as Prisma.InputJsonValue,
        upcoming: flag.upcoming ?? false,
        actionable: isActionable(flag, row),
      });
    }
  }

  await replaceOrderFlags(
    db,
    rows.map((r) => r.id),
    flagRows,
    timeUpdates,
  );
  return flagRows.length;
}

/**
 * Writes one batch's conclusions in ONE statement: the orders' new deadlines, their flags that
 * no longer hold removed, the current ones inserted or replaced. A single statement is atomic by
 * itself, so no transaction is held open across round trips: neither Prisma's interactive nor
 * its batch transactions (both time out after 5 s under driver adapters — P2028 — when a busy
 * machine keeps the batch waiting for CPU, which crashed `bench:data` at 1M).
 * A replaced flag gets a new id and createdAt, as a deleted and re-created one did (the alert
 * pass reads "flags that appeared in the last day" by createdAt). The DELETE skips the
 * (order, rule) pairs the INSERT writes, so no row is touched twice by the statement.
 */
async function replaceOrderFlags(
  client: Db,
  ids: string[],
  flagRows: Prisma.RiskFlagCreateManyInput[],
  timeUpdates: { id: string; due: Date | null; cancel: Date | null }[],
) {
  const flags = JSON.stringify(flagRows);
  await client.$executeRaw`
    WITH incoming AS (
      SELECT * FROM json_populate_recordset(NULL::"RiskFlag", ${flags}::json)
    ), deadlines AS (
      UPDATE "Order" o SET "dispatchDueAt" = u.due, "autoCancelAt" = u.cancel
      FROM unnest(${timeUpdates.map((u) => u.id)}::text[], ${timeUpdates.map((u) => u.due)}::timestamptz[], ${timeUpdates.map((u) => u.cancel)}::timestamptz[]) AS u(id, due, cancel)
      WHERE o.id = u.id
      RETURNING 1
    ), stale AS (
      DELETE FROM "RiskFlag" f
      WHERE f."subjectType" = 'ORDER' AND f."subjectId" = ANY(${ids}::text[])
        AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i."subjectId" = f."subjectId" AND i.rule = f.rule)
      RETURNING 1
    )
    INSERT INTO "RiskFlag" (id, "organizationId", "subjectType", "subjectId", "storeId", "orderId", "supplierId", rule, severity, "dueAt",
      reason, "reasonKey", "reasonParams", evidence, upcoming, actionable, "createdAt", "updatedAt")
    SELECT id, "organizationId", "subjectType", "subjectId", "storeId", "orderId", "supplierId", rule, severity, "dueAt",
      reason, "reasonKey", COALESCE("reasonParams", '{}'), COALESCE(evidence, '[]'), COALESCE(upcoming, false), COALESCE(actionable, true), now(), now()
    FROM incoming
    ON CONFLICT ("subjectType", "subjectId", rule) DO UPDATE SET
      id = EXCLUDED.id, "organizationId" = EXCLUDED."organizationId", "storeId" = EXCLUDED."storeId", "orderId" = EXCLUDED."orderId",
      "supplierId" = EXCLUDED."supplierId", severity = EXCLUDED.severity, "dueAt" = EXCLUDED."dueAt", reason = EXCLUDED.reason,
      "reasonKey" = EXCLUDED."reasonKey", "reasonParams" = EXCLUDED."reasonParams", evidence = EXCLUDED.evidence,
      upcoming = EXCLUDED.upcoming, actionable = EXCLUDED.actionable, "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt"`;
}
