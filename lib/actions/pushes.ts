"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { queueStockPushes } from "@/lib/channels/stock-push";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dispatchPushes } from "@/lib/jobs/push-queue";
import { defineAction, succeed } from "./define-action";
import { revalidateOrders } from "./tracking-fix";

// Write-back actions: the Retry button of a failed push (tracking or stock: PENDING again with its
// attempts reset, back on the queue), and the per-store stock safety buffer.

const retrySchema = z.object({
  pushId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Expected a push id"),
});

export const retryPush = defineAction({ roles: ["OWNER", "OPS"], schema: retrySchema }, async ({ pushId }, { user, now, t }) => {
  const push = await db.channelPush.findFirst({
    where: { id: pushId, organizationId: user.organizationId },
    select: { id: true, status: true, orderId: true, storeId: true, kind: true, message: true },
  });
  if (!push) throw new AppError("NOT_FOUND", t("orders.writeBack.errors.noPush"));
  if (push.status !== "FAILED")
    throw new AppError("CONFLICT", push.status === "SENT" ? t("orders.writeBack.errors.alreadySent") : t("orders.writeBack.errors.alreadyWaiting"));
  await db.$transaction(async (tx) => {
    await tx.channelPush.update({
      where: { id: push.id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null, message: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, email: user.email },
      action: `push.${push.kind.toLowerCase()}.retry`,
      entityType: push.orderId ? "Order" : "Store",
      entityId: push.orderId ?? push.storeId,
      before: { pushId: push.id, status: "FAILED", message: push.message },
      after: { pushId: push.id, status: "PENDING" },
    });
  });
  await dispatchPushes(db, getEnv().DATABASE_URL, [push.id]);
  if (push.orderId) revalidateOrders([push.orderId]);
  return succeed({ pushId: push.id, status: "pending" as const }, t("orders.writeBack.queuedAgain"));
});

const bufferSchema = z.object({
  storeId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Expected a store id"),
  stockSafetyBuffer: z.coerce
    .number({ error: "Enter a whole number of units" })
    .int("Enter a whole number of units")
    .min(0, "At least 0")
    .max(100_000, "At most 100000"),
});

/** The units held back from every listing on this store (owner only); the new quantities go to the platform. */
export const setStockSafetyBuffer = defineAction({ roles: ["OWNER"], schema: bufferSchema }, async ({ storeId, stockSafetyBuffer }, { user, now, t }) => {
  const store = await db.store.findFirst({ where: { id: storeId, organizationId: user.organizationId }, select: { id: true, stockSafetyBuffer: true } });
  if (!store) throw new AppError("NOT_FOUND", t("stores.actions.noSuchStore"));
  if (store.stockSafetyBuffer !== stockSafetyBuffer) {
    await db.$transaction(async (tx) => {
      await tx.store.update({ where: { id: store.id }, data: { stockSafetyBuffer }, select: { id: true } });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: "store.stock_buffer.set",
        entityType: "Store",
        entityId: store.id,
        before: { stockSafetyBuffer: store.stockSafetyBuffer },
        after: { stockSafetyBuffer },
      });
    });
    await dispatchPushes(db, getEnv().DATABASE_URL, await queueStockPushes(db, user.organizationId, null, now));
  }
  revalidatePath(`/stores/${store.id}`);
  return succeed({ storeId: store.id, stockSafetyBuffer }, t("stores.actions.bufferSet", { units: String(stockSafetyBuffer) }));
});
