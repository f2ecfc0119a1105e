import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import { readOrganizationSettings } from "@/lib/data/settings";
import { type Flag, evaluateReturn } from "@/lib/policy";

// Stored flags of return requests. Only the refusal rule is stored: the response clock
// (returns.response_due) moves with time alone and is derived in SQL by the risk queue
// (lib/data/risk.ts), like the dispatch clock of orders.

const STORED_RULES = new Set(["returns.change_of_mind_refused_unjustified"]);
const SEVERITY: Record<Flag["severity"], Severity> = { info: "INFO", warning: "WARNING", critical: "CRITICAL" };

type Tx = Pick<Prisma.TransactionClient, "organization" | "returnRequest" | "riskFlag">;

/**
 * Re-evaluates the given return requests (or every one of the organisation) and rewrites their
 * stored flags. Takes a transaction client so a decision and its flags commit together.
 */
export async function refreshReturnFlags(tx: Tx, target: { organizationId: string; returnIds?: readonly string[] }, now: Date): Promise<number> {
  await tx.organization.findUniqueOrThrow({ where: { id: target.organizationId }, select: { id: true } });
  const settings = await readOrganizationSettings(tx, target.organizationId);
  const where: Prisma.ReturnRequestWhereInput = { organizationId: target.organizationId, ...(target.returnIds ? { id: { in: [...target.returnIds] } } : {}) };
  const returns = await tx.returnRequest.findMany({
    where,
    select: {
      id: true,
      storeId: true,
      orderId: true,
      reason: true,
      requestedAt: true,
      status: true,
      decidedAt: true,
      refusalJustification: true,
      refundMinor: true,
      order: { select: { currency: true } },
      store: { select: { market: true, channel: true } },
    },
  });

  const rows: Prisma.RiskFlagCreateManyInput[] = [];
  for (const r of returns) {
    const flags = evaluateReturn(
      {
        id: r.id,
        market: r.store.market,
        channel: r.store.channel,
        reason: r.reason,
        requestedAt: r.requestedAt,
        decision: r.status,
        respondedAt: r.decidedAt,
        refusalJustification: r.refusalJustification,
        refundMinor: r.refundMinor,
        currency: r.order.currency,
      },
      now,
      settings,
    );
    for (const flag of flags) {
      if (!STORED_RULES.has(flag.rule)) continue;
      rows.push({
        id: randomUUID(),
        organizationId: target.organizationId,
        subjectType: "RETURN",
        subjectId: r.id,
        storeId: r.storeId,
        orderId: r.orderId,
        // Suppliers never see return decisions (refund amounts are retail prices).
        supplierId: null,
        rule: flag.rule,
        severity: SEVERITY[flag.severity],
        dueAt: flag.dueAt,
        reason: flag.reason,
        reasonKey: flag.message.key,
        reasonParams: flag.message.params as Prisma.InputJsonValue,
        evidence: flag.evidence as Prisma.InputJsonValue,
        upcoming: flag.upcoming ?? false,
      });
    }
  }

  const ids = returns.map((r) => r.id);
  await tx.riskFlag.deleteMany({
    where: { organizationId: target.organizationId, subjectType: "RETURN", ...(target.returnIds ? { subjectId: { in: ids } } : {}) },
  });
  if (rows.length) await tx.riskFlag.createMany({ data: rows });
  return rows.length;
}
