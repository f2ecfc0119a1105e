"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { requireApiUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createShareToken } from "@/lib/sharing/tokens";
import { createShareLinkSchema, revokeShareLinkSchema } from "@/lib/validations/share-links";
import { type ActionState, actionErrorState, fieldErrorsOf } from "./action-state";

/** Owner only. The token is returned once, for the owner to copy; only its hash is stored. */
export async function createShareLinkAction(_prev: ActionState<{ url: string }>, form: FormData): Promise<ActionState<{ url: string }>> {
  try {
    const user = await requireApiUser(["OWNER"]);
    const parsed = createShareLinkSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const input = parsed.data;
    const [supplier, store] = await Promise.all([
      db.supplier.findFirst({ where: { id: input.supplierId, organizationId: user.organizationId }, select: { id: true } }),
      input.storeId ? db.store.findFirst({ where: { id: input.storeId, organizationId: user.organizationId }, select: { id: true } }) : null,
    ]);
    if (!supplier) throw new AppError("BAD_REQUEST", "Unknown supplier", { fieldErrors: { supplierId: "Choose one of your suppliers" } });
    if (input.storeId && !store) throw new AppError("BAD_REQUEST", "Unknown store", { fieldErrors: { storeId: "Choose one of your stores" } });
    const { token, tokenHash } = createShareToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    await db.$transaction(async (tx) => {
      const link = await tx.shareLink.create({
        data: { organizationId: user.organizationId, supplierId: supplier.id, storeId: store?.id ?? null, tokenHash, label: input.label, expiresAt, createdById: user.id },
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
    return { ok: true, message: "Link created. Copy it now: it is shown only once.", data: { url: `/share/${token}` } };
  } catch (error) {
    return actionErrorState(error);
  }
}

export async function revokeShareLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const user = await requireApiUser(["OWNER"]);
    const parsed = revokeShareLinkSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, code: "BAD_REQUEST", fieldErrors: fieldErrorsOf(parsed.error) };
    const { id } = parsed.data;
    const link = await db.shareLink.findFirst({ where: { id, organizationId: user.organizationId }, select: { id: true, revokedAt: true } });
    if (!link) throw new AppError("NOT_FOUND", "No such link");
    if (link.revokedAt) return { ok: true, message: "Already revoked." };
    const now = new Date();
    await db.$transaction(async (tx) => {
      await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: now } });
      await recordAudit(tx, { organizationId: user.organizationId, actor: user, action: "share_link.revoke", entityType: "ShareLink", entityId: link.id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
    });
    revalidatePath("/sharing");
    return { ok: true, message: "Link revoked: it now shows a 'revoked' page." };
  } catch (error) {
    return actionErrorState(error);
  }
}
