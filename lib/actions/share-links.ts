"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createShareToken } from "@/lib/sharing/tokens";
import { createShareLinkSchema, revokeShareLinkSchema } from "@/lib/validations/share-links";
import { defineAction, fieldError, succeed } from "./define-action";

/** Owner only. The token is returned once, for the owner to copy; only its hash is stored. */
export const createShareLinkAction = defineAction({ roles: ["OWNER"], schema: createShareLinkSchema }, async (input, { user, now, t }) => {
  const [supplier, store] = await Promise.all([
    db.supplier.findFirst({ where: { id: input.supplierId, organizationId: user.organizationId }, select: { id: true } }),
    input.storeId ? db.store.findFirst({ where: { id: input.storeId, organizationId: user.organizationId }, select: { id: true } }) : null,
  ]);
  if (!supplier) throw fieldError("supplierId", t("sharing.actions.chooseSupplier"), t("sharing.actions.unknownSupplier"));
  if (input.storeId && !store) throw fieldError("storeId", t("sharing.actions.chooseStore"), t("sharing.actions.unknownStore"));
  const { token, tokenHash } = createShareToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  await db.$transaction(async (tx) => {
    const link = await tx.shareLink.create({
      data: {
        organizationId: user.organizationId,
        supplierId: supplier.id,
        storeId: store?.id ?? null,
        tokenHash,
        label: input.label,
        expiresAt,
        createdById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "share_link.create",
      entityType: "ShareLink",
      entityId: link.id,
      after: { label: input.label, supplierId: supplier.id, storeId: store?.id ?? null, expiresAt: expiresAt.toISOString() },
    });
  });
  revalidatePath("/sharing");
  return succeed({ url: `/share/${token}` }, t("sharing.actions.created"));
});

export const revokeShareLinkAction = defineAction({ roles: ["OWNER"], schema: revokeShareLinkSchema }, async ({ id }, { user, now, t }) => {
  const link = await db.shareLink.findFirst({ where: { id, organizationId: user.organizationId }, select: { id: true, revokedAt: true } });
  if (!link) throw new AppError("NOT_FOUND", t("sharing.actions.noSuchLink"));
  if (link.revokedAt) return succeed(undefined, t("sharing.actions.alreadyRevoked"));
  await db.$transaction(async (tx) => {
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "share_link.revoke",
      entityType: "ShareLink",
      entityId: link.id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
  revalidatePath("/sharing");
  return succeed(undefined, t("sharing.actions.revoked"));
});
