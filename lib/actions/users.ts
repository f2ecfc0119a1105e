"use server";

import bcrypt from "bcryptjs";
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { endSessionsData } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { addUserSchema, changeRoleSchema, setActiveSchema } from "@/lib/validations/users";
import { type ActionContext, defineAction, fieldError, succeed } from "./define-action";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type T = ActionContext["t"];

async function assertSupplierInOrg(organizationId: string, supplierId: string | null, t: T) {
  if (!supplierId) return;
  const supplier = await db.supplier.findFirst({ where: { id: supplierId, organizationId }, select: { id: true } });
  if (!supplier) throw fieldError("supplierId", t("users.actions.chooseSupplier"), t("users.actions.unknownSupplier"));
}

/** An organisation must keep at least one active owner, or nobody could manage it again. */
async function assertOwnerRemains(tx: Tx, organizationId: string, leavingUserId: string, t: T) {
  const others = await tx.user.count({ where: { organizationId, role: "OWNER", active: true, id: { not: leavingUserId } } });
  if (others === 0) throw new AppError("CONFLICT", t("users.actions.lastOwner"));
}

export const addUserAction = defineAction({ roles: ["OWNER"], schema: addUserSchema }, async (input, { user: actor, t }) => {
  await assertSupplierInOrg(actor.organizationId, input.supplierId, t);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { organizationId: true } });
  // The owner's own users are on their Users page anyway; another organisation's are not their
  // business: that case gets the same answer (and the same hashing work) as a created account.
  if (existing?.organizationId === actor.organizationId) throw fieldError("email", t("users.actions.alreadyUser"), t("users.actions.checkFields"));
  const passwordHash = await bcrypt.hash(input.password, 10);
  const neutral = t("users.actions.added", { email: input.email });
  if (existing) return succeed(undefined, neutral);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        organizationId: actor.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        supplierId: input.role === "SUPPLIER" ? input.supplierId : null,
        passwordHash,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "user.add",
      entityType: "User",
      entityId: user.id,
      after: { email: input.email, name: input.name, role: input.role, supplierId: input.supplierId },
    });
  });
  revalidatePath("/users");
  return succeed(undefined, neutral);
});

export const changeRoleAction = defineAction({ roles: ["OWNER"], schema: changeRoleSchema }, async ({ userId, role, supplierId }, { user: actor, t }) => {
  await assertSupplierInOrg(actor.organizationId, supplierId, t);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { id: true, role: true, supplierId: true } });
    if (!user) throw new AppError("NOT_FOUND", t("users.actions.noSuchUser"));
    if (user.role === "OWNER" && role !== "OWNER") await assertOwnerRemains(tx, actor.organizationId, user.id, t);
    const next = { role: role as Role, supplierId: role === "SUPPLIER" ? supplierId : null };
    // A role change ends the user's sessions: they sign in again under the new role.
    await tx.user.update({ where: { id: user.id }, data: { ...next, ...endSessionsData() } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: "user.change_role",
      entityType: "User",
      entityId: user.id,
      before: { role: user.role, supplierId: user.supplierId },
      after: next,
    });
  });
  revalidatePath("/users");
  return succeed(undefined, t("users.actions.roleChanged"));
});

export const setUserActiveAction = defineAction({ roles: ["OWNER"], schema: setActiveSchema }, async ({ userId, active }, { user: actor, t }) => {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: { id: true, role: true, active: true } });
    if (!user) throw new AppError("NOT_FOUND", t("users.actions.noSuchUser"));
    if (!active && user.role === "OWNER") await assertOwnerRemains(tx, actor.organizationId, user.id, t);
    // Both ways end every session: reactivating must not revive cookies issued before.
    await tx.user.update({ where: { id: user.id }, data: { active, ...endSessionsData() } });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: user.id,
      before: { active: user.active },
      after: { active },
    });
  });
  revalidatePath("/users");
  return succeed(undefined, t(active ? "users.actions.reactivated" : "users.actions.deactivated"));
});
