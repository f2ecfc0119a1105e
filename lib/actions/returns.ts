"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReturnStatus } from "@/lib/generated/prisma/enums";
import { refreshReturnFlags } from "@/lib/flags/refresh-returns";
import { checkDecisionForReason, decisionSchema } from "@/lib/validations/returns";
import { defineAction, succeed } from "./define-action";

/**
 * Approves or refuses a return request (owner or ops). A change-of-mind return is refused only
 * with a legitimate justification — the return's reason is read from the database, not the form.
 * Pending requests can be decided, and a refusal can be corrected (e.g. an imported refusal
 * without a justification); an approval is final (the refund is on its way).
 */
export const decideReturn = defineAction({ roles: ["OWNER", "OPS"], schema: decisionSchema }, async (decision, { user, now, t }) => {
  const before = await db.returnRequest.findFirst({
    where: { id: decision.returnId, organizationId: user.organizationId },
    select: { id: true, reason: true, status: true, decidedAt: true, decidedById: true, refusalJustification: true, decisionNote: true },
  });
  if (!before) throw new AppError("NOT_FOUND", t("returns.errors.noReturn"));
  if (before.status === "APPROVED") throw new AppError("CONFLICT", t("returns.errors.alreadyApproved"));
  const reasonErrors = checkDecisionForReason(decision, before.reason);
  if (Object.keys(reasonErrors).length) {
    // The one field the rule concerns, in the user's language: no justification, or "Other".
    const justification = decision.justification ? t("returns.errors.otherNotLegitimate") : t("returns.errors.needsJustification");
    throw new AppError("BAD_REQUEST", t("returns.errors.changeOfMind"), { fieldErrors: { ...reasonErrors, justification } });
  }

  const status: ReturnStatus = decision.decision === "APPROVE" ? "APPROVED" : "REFUSED";
  const after = {
    status,
    decidedAt: now.toISOString(),
    decidedById: user.id,
    refusalJustification: status === "REFUSED" ? (decision.justification ?? null) : null,
    decisionNote: decision.note ?? null,
  };
  await db.$transaction(async (tx) => {
    await tx.returnRequest.update({
      where: { id: before.id },
      data: { status, decidedAt: now, decidedById: user.id, refusalJustification: after.refusalJustification, decisionNote: after.decisionNote },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, email: user.email },
      action: status === "APPROVED" ? "return.approve" : "return.refuse",
      entityType: "ReturnRequest",
      entityId: before.id,
      before: {
        status: before.status,
        decidedAt: before.decidedAt?.toISOString() ?? null,
        decidedById: before.decidedById,
        refusalJustification: before.refusalJustification,
        decisionNote: before.decisionNote,
      },
      after,
    });
    await refreshReturnFlags(tx, { organizationId: user.organizationId, returnIds: [before.id] }, now);
  });
  revalidatePath("/returns");
  revalidatePath("/risk");
  return succeed({ returnId: before.id, status });
});
