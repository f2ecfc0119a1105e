import "server-only";
import { revalidatePath } from "next/cache";
import type { SessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { TIKTOK_EDIT_USED } from "@/lib/channels/push";
import { type WriteBackTarget, latestTrackingPush, planWriteBack, queueTrackingPush } from "@/lib/channels/tracking-push";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { LabelSource } from "@/lib/generated/prisma/enums";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import { dispatchPushes } from "@/lib/jobs/push-queue";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { fieldError } from "./define-action";

// One tracking fix, shared by the queue's form (fixTracking), the order page and the JSON API
// (POST /api/orders/<id>/tracking): checked like the form (the schema ran before), checked against
// the platform (TikTok's provider for the carrier, its one edit), saved with its audit entry and,
// when the store is connected, a PENDING write-back push in the same transaction, then handed to
// the queue.

export type PushSummary =
  | { status: "pending"; id: string; edit: boolean }
  | { status: "sent" | "failed"; id: string; platformId: string | null; message: string | null }
  | { status: "not_connected"; reason: string };

export type TrackingFixResult = { orderId: string; carrier: string; trackingNumber: string; labelSource: LabelSource; push: PushSummary };

export const WRITE_BACK_TARGET_SELECT = { id: true, storeId: true, channel: true, externalId: true, trackingNumber: true, fulfillmentType: true } as const;

/** Orders that shared the old number: their duplicate flag must be re-judged once it moves. */
export async function ordersSharingNumber(organizationId: string, numbers: (string | null)[], exclude: string[]): Promise<string[]> {
  const present = numbers.filter((n): n is string => Boolean(n));
  if (!present.length) return [];
  const rows = await db.order.findMany({ where: { organizationId, trackingNumber: { in: present }, id: { notIn: exclude } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export function revalidateOrders(orderIds: string[]) {
  revalidatePath("/risk");
  revalidatePath("/orders");
  for (const id of orderIds.slice(0, 20)) revalidatePath(`/orders/${id}`);
}

/** `t`: the words of its refusals; English for the JSON API (a contract), the user's language for the forms. */
export async function applyTrackingFix(
  user: SessionUser,
  input: { orderId: string; carrier: string; trackingNumber: string; labelSource?: LabelSource },
  now: Date,
  t: Translator = translatorFor("en"),
): Promise<TrackingFixResult> {
  const { orderId, carrier, trackingNumber } = input;
  const before = await db.order.findFirst({
    where: { id: orderId, organizationId: user.organizationId },
    select: { ...WRITE_BACK_TARGET_SELECT, carrier: true, labelSource: true },
  });
  if (!before) throw new AppError("NOT_FOUND", t("risk.errors.noOrder"));
  const holder = await db.order.findFirst({
    where: { organizationId: user.organizationId, trackingNumber, id: { not: orderId }, status: { not: "CANCELLED" } },
    select: { externalId: true },
  });
  if (holder) throw fieldError("trackingNumber", t("risk.errors.numberTaken", { order: holder.externalId }));
  const target: WriteBackTarget = before;
  const unchanged = before.trackingNumber === trackingNumber && before.carrier === carrier;
  const { plan, refusal } = unchanged ? { plan: null, refusal: null } : await planWriteBack(db, target, carrier, now);
  if (refusal) {
    const editUsed = refusal.message === TIKTOK_EDIT_USED;
    throw fieldError(
      refusal.field,
      editUsed ? t("risk.errors.editUsed") : refusal.message,
      editUsed ? t("risk.errors.editRefused") : t("risk.errors.carrierRefused"),
    );
  }
  const others = await ordersSharingNumber(user.organizationId, [before.trackingNumber], [orderId]);
  const labelSource = input.labelSource ?? before.labelSource;

  const pushId = await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { carrier, trackingNumber, labelSource }, select: { id: true } });
    const id = plan?.connected
      ? await queueTrackingPush(tx, { organizationId: user.organizationId, order: target, carrier, trackingNumber, actorId: user.id, now })
      : null;
    const was = { carrier: before.carrier, trackingNumber: before.trackingNumber, labelSource: before.labelSource };
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, email: user.email },
      action: "order.tracking.fix",
      entityType: "Order",
      entityId: orderId,
      before: was,
      after: { carrier, trackingNumber, labelSource, ...(id ? { push: id } : {}) },
    });
    return id;
  });
  await refreshOrderRisk(db, { organizationId: user.organizationId, orderIds: [orderId, ...others] }, now);
  if (pushId) await dispatchPushes(db, getEnv().DATABASE_URL, [pushId]);
  revalidateOrders([orderId]);
  let push: PushSummary;
  if (pushId && plan?.connected) push = { status: "pending", id: pushId, edit: plan.edit };
  else if (plan && !plan.connected) push = { status: "not_connected", reason: plan.reason };
  else {
    // The same carrier and number again: nothing new to write; the answer is where the last write stands.
    const latest = await latestTrackingPush(db, orderId);
    push = !latest
      ? { status: "not_connected", reason: "Nothing changed, and nothing was written back before" }
      : latest.status === "PENDING"
        ? { status: "pending", id: latest.id, edit: false }
        : { status: latest.status === "SENT" ? "sent" : "failed", id: latest.id, platformId: latest.platformId, message: latest.message };
  }
  return { orderId, carrier, trackingNumber, labelSource, push };
}
