import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, Market, ReturnJustification, ReturnReason, ReturnStatus, Severity } from "@/lib/generated/prisma/enums";
import { isInForce, returnResponseDeadline } from "@/lib/policy";
import { organizationSettings } from "./settings";
import type { ReturnQuery } from "@/lib/validations/returns";
import type { DataScope } from "./scope";

export const RETURNS_LIMIT = 300;

export type ReturnListItem = {
  id: string;
  reason: ReturnReason;
  buyerComment: string | null;
  requestedAt: string;
  refundMinor: number;
  currency: string;
  status: ReturnStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  refusalJustification: ReturnJustification | null;
  decisionNote: string | null;
  /** The platform's response deadline (TikTok requests while pending), else null. */
  respondBy: string | null;
  /** The organisation's critical threshold for answering (settings.returns.criticalHours). */
  criticalHours: number;
  order: { id: string; externalId: string; channel: Channel };
  store: { id: string; name: string; timeZone: string; market: Market };
  /** `reason` in English; `reasonKey`/`reasonParams` word it in the viewer's language (formatFlagReason). */
  flags: { rule: string; severity: Severity; reason: string; reasonKey: string | null; reasonParams: unknown }[];
};

export type ReturnList = { items: ReturnListItem[]; total: number; counts: Record<ReturnStatus, number> };

/**
 * Return requests of the organisation, pending first (least time left first), then the decided
 * ones, newest first. Suppliers never see returns: refunds are retail prices.
 */
export async function listReturns(scope: DataScope, query: ReturnQuery): Promise<ReturnList> {
  const empty: ReturnList = { items: [], total: 0, counts: { PENDING: 0, APPROVED: 0, REFUSED: 0 } };
  if (scope.supplierId) return empty;
  const base: Prisma.ReturnRequestWhereInput = {
    organizationId: scope.organizationId,
    ...(query.reason ? { reason: query.reason } : {}),
    ...(query.store ? { storeId: query.store } : {}),
  };
  const where: Prisma.ReturnRequestWhereInput = { ...base, ...(query.status ? { status: query.status } : {}) };

  const [settings, rows, grouped] = await Promise.all([
    organizationSettings(db, scope.organizationId),
    db.returnRequest.findMany({
      where,
      orderBy: [{ status: "asc" }, { requestedAt: "asc" }],
      take: RETURNS_LIMIT,
      select: {
        id: true,
        reason: true,
        buyerComment: true,
        requestedAt: true,
        refundMinor: true,
        status: true,
        decidedAt: true,
        decidedById: true,
        refusalJustification: true,
        decisionNote: true,
        order: { select: { id: true, externalId: true, channel: true, currency: true } },
        store: { select: { id: true, name: true, timeZone: true, market: true, channel: true } },
      },
    }),
    db.returnRequest.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
  ]);

  const ids = rows.map((r) => r.id);
  const deciderIds = [...new Set(rows.map((r) => r.decidedById).filter((v): v is string => Boolean(v)))];
  const [flags, deciders] = await Promise.all([
    ids.length
      ? db.riskFlag.findMany({
          where: { organizationId: scope.organizationId, subjectType: "RETURN", subjectId: { in: ids } },
          select: { subjectId: true, rule: true, severity: true, reason: true, reasonKey: true, reasonParams: true },
        })
      : [],
    deciderIds.length ? db.user.findMany({ where: { organizationId: scope.organizationId, id: { in: deciderIds } }, select: { id: true, name: true } }) : [],
  ]);
  const flagsOf = new Map<string, ReturnListItem["flags"]>();
  for (const { subjectId, ...f } of flags) flagsOf.set(subjectId, [...(flagsOf.get(subjectId) ?? []), f]);
  const nameOf = new Map(deciders.map((u) => [u.id, u.name]));

  const items = rows.map((r): ReturnListItem => {
    const clocked = r.status === "PENDING" && r.store.channel === "TIKTOK_SHOP" && isInForce("returns.response_due", r.store.market, r.requestedAt, settings);
    return {
      id: r.id,
      reason: r.reason,
      buyerComment: r.buyerComment,
      requestedAt: r.requestedAt.toISOString(),
      refundMinor: r.refundMinor,
      currency: r.order.currency,
      status: r.status,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedById ? (nameOf.get(r.decidedById) ?? null) : null,
      refusalJustification: r.refusalJustification,
      decisionNote: r.decisionNote,
      criticalHours: settings.returns.criticalHours,
      respondBy: clocked
        ? returnResponseDeadline(
            { requestedAt: r.requestedAt, market: r.store.market, refundMinor: r.refundMinor, currency: r.order.currency },
            settings,
          ).toISOString()
        : null,
      order: { id: r.order.id, externalId: r.order.externalId, channel: r.order.channel },
      store: { id: r.store.id, name: r.store.name, timeZone: r.store.timeZone, market: r.store.market },
      flags: flagsOf.get(r.id) ?? [],
    };
  });
  // Pending with the platform's clock first (least time left), then pending brand-site requests
  // (oldest first), then the decided ones, newest first.
  const pending = items
    .filter((i) => i.status === "PENDING")
    .sort(
      (a, b) =>
        (a.respondBy ? 0 : 1) - (b.respondBy ? 0 : 1) || (a.respondBy ?? "").localeCompare(b.respondBy ?? "") || a.requestedAt.localeCompare(b.requestedAt),
    );
  const decided = items.filter((i) => i.status !== "PENDING").sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));

  const counts = { ...empty.counts };
  for (const g of grouped) counts[g.status] = g._count._all;
  const total = query.status ? counts[query.status] : counts.PENDING + counts.APPROVED + counts.REFUSED;
  return { items: [...pending, ...decided], total, counts };
}

/** The stores a filter can pick from. */
export async function listStoreOptions(scope: DataScope): Promise<{ id: string; name: string; channel: Channel }[]> {
  return db.store.findMany({ where: { organizationId: scope.organizationId }, select: { id: true, name: true, channel: true }, orderBy: { name: "asc" } });
}
