import type { Db } from "@/lib/database/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import type { PolicySettings } from "@/lib/policy";
import { AWAITING_DISPATCH } from "@/lib/flags/sql";
import { notArchivedSql } from "@/lib/data/archived";
import { currentLead } from "./lead-times";
import type { AlertItem } from "./messages";

// The items an alert pass looks at, read in three index range scans whatever the number of
// orders: dispatch deadlines within the largest lead time (Order organizationId+dispatchDueAt),
// return requests whose response window just ended (ReturnRequest organizationId+status+
// requestedAt), and stored flags that appeared in the last day (RiskFlag organizationId+createdAt).
// Archived stores' items are left out (as in the risk queue, lib/data/archived.ts): a delivery
// already created for one is cancelled by the pass as no longer open.

/** Events (a stored flag appearing) are alerted within this long of happening, and retried as long. */
export const EVENT_WINDOW_MS = 24 * 3_600_000;

export type OpenItem = AlertItem & {
  /** null: open (escalation and retries still apply) but no new alert due at this instant. */
  alertLead: string | null;
  /** After this, an alert about it is no longer worth sending. */
  expiresAt: Date;
};

type ItemRow = {
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  reason: string | null;
  reasonKey: string | null;
  reasonParams: unknown;
  subjectType: string;
  subjectId: string;
  orderId: string | null;
  orderNumber: string | null;
  supplierId: string | null;
  storeId: string | null;
  storeName: string | null;
  timeZone: string | null;
  createdAt: Date | null;
};

const DISPATCH = "fulfillment.dispatch_deadline";
const RETURNS = "returns.response_due";

export async function readOpenItems(
  client: Db,
  organizationId: string,
  now: Date,
  settings: PolicySettings,
  dispatchLeads: readonly number[],
): Promise<OpenItem[]> {
  const maxLead = Math.max(0, ...dispatchLeads);
  const { criticalHours, dueSoonHours } = settings.dispatch;
  const responseHours = settings.returns.responseHours;
  const since = new Date(now.getTime() - EVENT_WINDOW_MS);
  const [dispatch, returns, flags] = await Promise.all([
    client.$queryRaw<ItemRow[]>`
      SELECT ${DISPATCH}::text AS rule,
             (CASE WHEN o."dispatchDueAt" < ${now}::timestamptz + make_interval(hours => ${criticalHours}) THEN 'CRITICAL'
                   WHEN o."dispatchDueAt" < ${now}::timestamptz + make_interval(hours => ${dueSoonHours}) THEN 'WARNING' ELSE 'INFO' END)::"Severity" AS severity,
             o."dispatchDueAt" AS "dueAt", NULL::text AS reason, NULL::text AS "reasonKey", NULL::jsonb AS "reasonParams", 'ORDER'::text AS "subjectType", o.id AS "subjectId", o.id AS "orderId",
             o."externalId" AS "orderNumber", o."supplierId", o."storeId", s.name AS "storeName", s."timeZone", NULL::timestamptz AS "createdAt"
      FROM "Order" o JOIN "Store" s ON s.id = o."storeId"
      WHERE o."organizationId" = ${organizationId}
        AND o."dispatchDueAt" > ${since} AND o."dispatchDueAt" <= ${now}::timestamptz + make_interval(hours => ${maxLead})
        AND o."inTransitAt" IS NULL AND o.status IN ${AWAITING_DISPATCH} ${notArchivedSql(organizationId, `o."storeId"`)}`,
    client.$queryRaw<ItemRow[]>`
      SELECT ${RETURNS}::text AS rule, 'CRITICAL'::"Severity" AS severity,
             r."requestedAt" + make_interval(hours => ${responseHours}) AS "dueAt", NULL::text AS reason, NULL::text AS "reasonKey", NULL::jsonb AS "reasonParams",
             'RETURN'::text AS "subjectType", r.id AS "subjectId",
             r."orderId", o."externalId" AS "orderNumber", o."supplierId", r."storeId", s.name AS "storeName", s."timeZone", NULL::timestamptz AS "createdAt"
      FROM "ReturnRequest" r JOIN "Store" s ON s.id = r."storeId" JOIN "Order" o ON o.id = r."orderId"
      WHERE r."organizationId" = ${organizationId} AND r.status = 'PENDING' AND s.channel = 'TIKTOK_SHOP' ${notArchivedSql(organizationId, `r."storeId"`)}
        AND r."requestedAt" <= ${now}::timestamptz - make_interval(hours => ${responseHours})
        AND r."requestedAt" > ${since}::timestamptz - make_interval(hours => ${responseHours})`,
    client.$queryRaw<ItemRow[]>`
      SELECT f.rule, f.severity, f."dueAt", f.reason, f."reasonKey", f."reasonParams", f."subjectType"::text AS "subjectType", f."subjectId", f."orderId",
             o."externalId" AS "orderNumber", f."supplierId", f."storeId", s.name AS "storeName", s."timeZone", f."createdAt"
      FROM "RiskFlag" f LEFT JOIN "Order" o ON o.id = f."orderId" LEFT JOIN "Store" s ON s.id = f."storeId"
      WHERE f."organizationId" = ${organizationId} AND f."createdAt" > ${since} AND f."createdAt" <= ${now}
        AND f.actionable AND NOT f.upcoming AND f.rule NOT IN (${Prisma.join([DISPATCH, RETURNS])})
        ${notArchivedSql(organizationId, `f."storeId"`, { nullable: true })}`,
  ]);

  const items: OpenItem[] = [];
  const base = (r: ItemRow) => ({
    key: `${r.rule}:${r.subjectType}:${r.subjectId}`,
    rule: r.rule,
    severity: r.severity,
    dueAt: r.dueAt,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    supplierId: r.supplierId,
    storeId: r.storeId,
    storeName: r.storeName,
    timeZone: r.timeZone ?? "UTC",
  });
  for (const r of dispatch) {
    const dueAt = r.dueAt as Date;
    const lead = currentLead(dueAt, dispatchLeads, now);
    items.push({
      ...base(r),
      // Overdue deadlines stay open (critical) for escalation and acknowledgement, but are not alerted anew.
      severity: dueAt.getTime() <= now.getTime() ? "CRITICAL" : r.severity,
      lead: lead === null ? "overdue" : `${lead}h`,
      alertLead: lead === null ? null : `${lead}h`,
      reason: "Not in transit yet: the first carrier scan must happen before the deadline, or it counts as a late dispatch.",
      derivedReason: "dispatch",
      expiresAt: dueAt,
    });
  }
  for (const r of returns) {
    items.push({
      ...base(r),
      lead: "due",
      alertLead: "due",
      reason: "No decision was recorded within the response window: TikTok approves the return automatically.",
      derivedReason: "returns",
      expiresAt: new Date((r.dueAt as Date).getTime() + EVENT_WINDOW_MS),
    });
  }
  for (const r of flags) {
    items.push({
      ...base(r),
      lead: "event",
      alertLead: "event",
      reason: r.reason ?? "",
      reasonKey: r.reasonKey,
      reasonParams: r.reasonParams,
      expiresAt: new Date((r.createdAt as Date).getTime() + EVENT_WINDOW_MS),
    });
  }
  return items;
}
