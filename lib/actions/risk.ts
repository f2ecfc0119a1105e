"use server";

import type { SessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LabelSource } from "@/lib/generated/prisma/enums";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import type { Translator } from "@/lib/i18n/translator";
import { type PasteLine, type PasteProblem, labelSourceSchema, parseTrackingPaste, pasteSchema, trackingFixSchema } from "@/lib/validations/risk";
import { defineAction, succeed } from "./define-action";
import { type WriteBackTarget, planWriteBack, queueTrackingPush } from "@/lib/channels/tracking-push";
import { getEnv } from "@/lib/env";
import { dispatchPushes } from "@/lib/jobs/push-queue";
import { applyTrackingFix, ordersSharingNumber, revalidateOrders, WRITE_BACK_TARGET_SELECT } from "./tracking-fix";

// Writes of the risk queue: auth (owner or ops; suppliers are read-only) → zod → a write
// checked against the session's organisation, audited in the same transaction → the order's
// flags re-evaluated → the pages revalidated.

const WRITERS = ["OWNER", "OPS"] as const;

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

type TrackingState = { carrier: string | null; trackingNumber: string | null; labelSource: LabelSource };

/** Adds or corrects an order's tracking number and carrier; the server validates the number again, and writes it back to the platform (lib/actions/tracking-fix.ts). */
export const fixTracking = defineAction({ roles: WRITERS, schema: trackingFixSchema }, async (input, { user, now, t }) => {
  const r = await applyTrackingFix(user, input, now, t);
  return succeed({ orderId: r.orderId, trackingNumber: r.trackingNumber, carrier: r.carrier, push: r.push });
});

/** Records who bought the label (USPS parcels need a TikTok Shipping label). */
export const setLabelSource = defineAction({ roles: WRITERS, schema: labelSourceSchema }, async ({ orderId, labelSource }, { user, now, t }) => {
  const before = await db.order.findFirst({ where: { id: orderId, organizationId: user.organizationId }, select: { labelSource: true } });
  if (!before) throw new AppError("NOT_FOUND", t("risk.errors.noOrder"));
  await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { labelSource } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "order.label_source.set",
      entityType: "Order",
      entityId: orderId,
      before: { labelSource: before.labelSource },
      after: { labelSource },
    });
  });
  await refreshOrderRisk(db, { organizationId: user.organizationId, orderIds: [orderId] }, now);
  revalidateOrders([orderId]);
  return succeed({ orderId, labelSource: labelSource as LabelSource });
});

// ---------------------------------------------------------------------------------------------
// Bulk paste

type PasteTarget = { id: string; externalId: string; storeName: string; before: TrackingState; target: WriteBackTarget };
export type PasteLineResult = PasteLine & { order: Omit<PasteTarget, "target"> | null };
export type PastePreview = { lines: PasteLineResult[]; valid: number; tooMany: boolean };

/** A line's problem from the paste's own checks, in the viewer's language. */
function problemText(t: Translator, problem: PasteProblem): string {
  switch (problem.code) {
    case "fields":
      return t("risk.errors.fields");
    case "unknownCarrier":
      return t("risk.errors.unknownCarrier", { carrier: problem.carrier });
    case "mismatch":
      return t("risk.errors.mismatch", { reason: problem.reason });
    case "invalid":
      return t("risk.errors.invalid", { reason: problem.reason });
    case "duplicateNumber":
      return t("risk.errors.duplicateInPaste", { line: String(problem.line) });
    case "duplicateOrder":
      return t("risk.errors.duplicateOrderInPaste", { order: problem.order, line: String(problem.line) });
  }
}

/** Every line checked against the database too: the order exists (once) and the number is not another order's. */
async function previewLines(organizationId: string, text: string, t: Translator) {
  const parsed = parseTrackingPaste(text);
  const tooMany = parsed.tooMany;
  const lines = parsed.lines.map((l) => (l.error && l.problem ? { ...l, error: problemText(t, l.problem) } : l));
  const refs = [...new Set(lines.map((l) => l.orderRef).filter(Boolean))];
  const numbers = [...new Set(lines.filter((l) => !l.error).map((l) => l.trackingNumber))];
  const [orders, holders] = await Promise.all([
    refs.length
      ? db.order.findMany({
          where: { organizationId, externalId: { in: refs } },
          select: { ...WRITE_BACK_TARGET_SELECT, carrier: true, labelSource: true, status: true, store: { select: { name: true } } },
        })
      : [],
    numbers.length
      ? db.order.findMany({
          where: { organizationId, trackingNumber: { in: numbers }, status: { not: "CANCELLED" } },
          select: { id: true, externalId: true, trackingNumber: true },
        })
      : [],
  ]);
  const byRef = new Map<string, typeof orders>();
  for (const o of orders) byRef.set(o.externalId, [...(byRef.get(o.externalId) ?? []), o]);

  // TikTok lets a tracking number be edited once: orders whose edit the write-back already used.
  const edited = new Set(
    orders.length
      ? (
          await db.channelPush.findMany({
            where: {
              orderId: { in: orders.filter((o) => o.channel === "TIKTOK_SHOP" && o.trackingNumber).map((o) => o.id) },
              kind: "TRACKING",
              status: "SENT",
              payload: { path: ["edit"], equals: true },
            },
            select: { orderId: true },
          })
        ).map((p) => p.orderId)
      : [],
  );
  const results = lines.map((l): PasteLineResult & { order: PasteTarget | null } => {
    const matches = byRef.get(l.orderRef) ?? [];
    const o = matches.length === 1 ? matches[0] : undefined;
    const order = o
      ? {
          id: o.id,
          externalId: o.externalId,
          storeName: o.store.name,
          before: { carrier: o.carrier, trackingNumber: o.trackingNumber, labelSource: o.labelSource },
          target: o,
        }
      : null;
    if (l.error) return { ...l, order };
    if (matches.length === 0) return { ...l, order, error: t("risk.errors.unknownOrder", { order: l.orderRef }) };
    if (!o) return { ...l, order, error: t("risk.errors.ambiguousOrder", { order: l.orderRef, count: matches.length }) };
    if (o.status === "CANCELLED") return { ...l, order, error: t("risk.errors.cancelled") };
    const holder = holders.find((h) => h.trackingNumber === l.trackingNumber && h.id !== o.id);
    if (holder) return { ...l, order, error: t("risk.errors.numberHeld", { order: holder.externalId }) };
    if (edited.has(o.id) && l.trackingNumber !== o.trackingNumber) return { ...l, order, error: t("risk.errors.editUsed") };
    return { ...l, order };
  });
  return { lines: results, valid: results.filter((r) => !r.error).length, tooMany };
}

/** What the browser gets: the lines without the write-back's internals. */
function publicPreview(preview: Awaited<ReturnType<typeof previewLines>>): PastePreview {
  return {
    ...preview,
    lines: preview.lines.map((l) => ({
      ...l,
      order: l.order ? { id: l.order.id, externalId: l.order.externalId, storeName: l.order.storeName, before: l.order.before } : null,
    })),
  };
}

/** Checks a paste line by line without saving anything. */
export const previewTrackingPaste = defineAction({ roles: WRITERS, schema: pasteSchema.shape.text }, async (text, { user, t }) =>
  succeed(publicPreview(await previewLines(user.organizationId, text, t))),
);

/** Saves the lines that pass every check (checked again here); the others are reported back. */
export const saveTrackingPaste = defineAction({ roles: WRITERS, schema: pasteSchema.shape.text }, async (text, { user, now, t }) => {
  const preview = await previewLines(user.organizationId, text, t);
  const good = preview.lines.filter((l): l is (typeof preview.lines)[number] & { order: PasteTarget } => !l.error && l.order !== null);
  if (good.length === 0) return succeed({ ...publicPreview(preview), saved: 0, pushes: 0 });
  // Write-back plans from what is stored (no platform round trip per line): the push job checks the carrier.
  const plans = new Map<string, boolean>();
  for (const l of good) {
    if (l.order.before.trackingNumber === l.trackingNumber && l.order.before.carrier === l.carrier) continue;
    const { plan } = await planWriteBack(db, l.order.target, l.carrier, now, { lookUp: false });
    plans.set(l.order.id, plan.connected);
  }
  const ids = good.map((l) => l.order.id);
  const others = await ordersSharingNumber(
    user.organizationId,
    good.map((l) => l.order.before.trackingNumber),
    ids,
  );

  const pushIds = await db.$transaction(async (tx) => {
    const queued: string[] = [];
    for (const l of good) {
      await tx.order.update({ where: { id: l.order.id }, data: { carrier: l.carrier, trackingNumber: l.trackingNumber } });
      if (plans.get(l.order.id)) {
        queued.push(
          await queueTrackingPush(tx, {
            organizationId: user.organizationId,
            order: l.order.target,
            carrier: l.carrier,
            trackingNumber: l.trackingNumber,
            actorId: user.id,
            now,
          }),
        );
      }
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: actorOf(user),
        action: "order.tracking.bulk_fix",
        entityType: "Order",
        entityId: l.order.id,
        before: l.order.before,
        after: { ...l.order.before, carrier: l.carrier, trackingNumber: l.trackingNumber },
      });
    }
    return queued;
  });
  await refreshOrderRisk(db, { organizationId: user.organizationId, orderIds: [...ids, ...others] }, now);
  await dispatchPushes(db, getEnv().DATABASE_URL, pushIds);
  revalidateOrders(ids);
  return succeed({ ...publicPreview(preview), saved: good.length, pushes: pushIds.length });
});
