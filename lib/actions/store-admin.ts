"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { forgetCachedOrganization } from "@/lib/data/cache";
import { AppError } from "@/lib/errors";
import { createStore } from "@/lib/setup/stores";
import { newStoreSchema, storeIdSchema } from "@/lib/validations/setup";
import { defineAction, fieldError, succeed } from "./define-action";

// The owner adds and archives stores (editing is updateStoreSettings in ./stores.ts; deposits and
// registration in ./compliance.ts). An archived store keeps its orders and history but leaves the
// daily views; restoring brings it back.

export const createStoreAction = defineAction({ roles: ["OWNER"], schema: newStoreSchema }, async (input, { user, now, t }) => {
  const store = await createStore(db, user.organizationId, input, { id: user.id, email: user.email }, now).catch((error: unknown) => {
    // lib/setup/stores.ts words its two refusals in English (the CLI prints them): in the owner's language here.
    const fields = error instanceof AppError ? (error.details?.fieldErrors as Record<string, string> | undefined) : undefined;
    if (fields?.name) throw new AppError("CONFLICT", t("stores.actions.nameTaken"), { fieldErrors: { name: t("stores.actions.nameTaken") } });
    if (fields?.defaultSupplierId) throw fieldError("defaultSupplierId", t("stores.actions.chooseSupplier"), t("stores.actions.checkFields"));
    throw error;
  });
  revalidatePath("/stores");
  revalidatePath("/");
  return succeed({ id: store.id }, t("stores.actions.added", { name: input.name }));
});

const archiveSchema = storeIdSchema.extend({
  archived: z.enum(["true", "false"], { error: "Say whether to archive or restore." }).transform((v) => v === "true"),
});

export const setStoreArchivedAction = defineAction({ roles: ["OWNER"], schema: archiveSchema }, async ({ storeId, archived }, { user, now, t }) => {
  const store = await db.store.findFirst({ where: { id: storeId, organizationId: user.organizationId }, select: { id: true, name: true, archivedAt: true } });
  if (!store) throw new AppError("NOT_FOUND", t("stores.actions.noSuchStore"));
  if ((store.archivedAt !== null) === archived)
    return succeed(undefined, t(archived ? "stores.actions.alreadyArchived" : "stores.actions.notArchived", { name: store.name }));
  await db.$transaction(async (tx) => {
    await tx.store.update({ where: { id: store.id }, data: { archivedAt: archived ? now : null }, select: { id: true } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, email: user.email },
      action: archived ? "store.archive" : "store.restore",
      entityType: "Store",
      entityId: store.id,
      before: { archivedAt: store.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archived ? now.toISOString() : null },
    });
  });
  // The overview's and the stores page's cached aggregates counted (or left out) this store.
  forgetCachedOrganization(user.organizationId);
  revalidatePath("/stores");
  revalidatePath(`/stores/${store.id}`);
  revalidatePath("/");
  return succeed(undefined, t(archived ? "stores.actions.archived" : "stores.actions.restored", { name: store.name }));
});
