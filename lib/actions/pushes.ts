"use server";

import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dispatchPushes } from "@/lib/jobs/push-queue";
import { defineAction, succeed } from "./define-action";
import { revalidateOrders } from "./tracking-fix";

// The Retry button of a failed write-back push (tracking or stock): the push is PENDING again with
// its attempts reset and goes back on the queue; what it writes is what is stored now.

const retrySchema = z.object({ pushId: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "Expected a push id") });

export const retryPush = defineAction({ roles: ["OWNER", "OPS"], schema: retrySchema }, async ({ pushId }, { user, now }) => {
  const push = await db.channelPush.findFirst({ where: { id: pushId, organizationId: user.organizationId }, select: { id: true, status: true, orderId: true, storeId: true, kind: true, message: true } });
  if (!push) throw new AppError("NOT_FOUND", "No such push in your organisation.");
  if (push.status !== "FAILED") throw new AppError("CONFLICT", push.status === "SENT" ? "This push was already sent." : "This push is already waiting to be sent.");
  await db.$transaction(async (tx) => {
    await tx.channelPush.update({ where: { id: push.id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null, message: null }, select: { id: true } });
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
  return succeed({ pushId: push.id, status: "pending" as const }, "Queued again.");
});
