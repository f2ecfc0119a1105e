"use server";

import { revalidatePath } from "next/cache";
import type { SessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LabelSource } from "@/lib/generated/prisma/enums";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { type PasteLine, labelSourceSchema, parseTrackingPaste, pasteSchema, trackingFixSchema } from "@/lib/validations/risk";
import { defineAction, fieldError, succeed } from "./define-action";

// Writes of the risk queue: auth (owner or ops; suppliers are read-only) → zod → a write
// checked against the session's organisation, audited in the same transaction → the order's
// flags re-evaluated → the pages revalidated.

const WRITERS = ["OWNER", "OPS"] as const;

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

type TrackingState = { carrier: string | null; trackingNumber: string | null; labelSource: LabelSource };

/** Orders that shared the old number: their duplicate flag must be re-judged once it moves. */
async function sharingNumber(organizationId: string, numbers: (string | null)[], exclude: string[]): Promise<string[]> {
  const present = numbers.filter((n): n is string => Boolean(n));
  if (!present.length) return [];
  const rows = await db.order.findMany({ where: { organizationId, trackingNumber: { in: present }, id: { notIn: exclude } }, select: { id: true } });
  return rows.map((r) => r.id);
}

function revalidate(orderIds: string[]) {
  revalidatePath("/risk");
  revalidatePath("/orders");
  for (const id of orderIds.slice(0, 20)) revalidatePath(`/orders/${id}`);
}

/** Adds or corrects an order's tracking number and carrier; the server validates the number again. */
export const fixTracking = defineAction({ roles: WRITERS, schema: trackingFixSchema }, async ({ orderId, carrier, trackingNumber }, { user, now }) => {
    const before = await db.order.findFirst({ where: { id: orderId, organizationId: user.organizationId }, select: { id: true, carrier: true, trackingNumber: true, labelSource: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such order in your organisation.");
    const holder = await db.order.findFirst({
      where: { organizationId: user.organizationId, trackingNumber, id: { not: orderId }, status: { not: "CANCELLED" } },
      select: { externalId: true },
    });
    if (holder) throw fieldError("trackingNumber", `Order ${holder.externalId} already has this number`);
    const others = await sharingNumber(user.organizationId, [before.trackingNumber], [orderId]);

    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { carrier, trackingNumber } });
      const was: TrackingState = { carrier: before.carrier, trackingNumber: before.trackingNumber, labelSource: before.labelSource };
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: actorOf(user),
        action: "order.tracking.fix",
        entityType: "Order",
        entityId: orderId,
        before: was,
        after: { ...was, carrier, trackingNumber },
      });
    });
    await refreshOrderRisk(db, { organizationId: user.organizationId, orderIds: [orderId, ...others] }, now);
    revalidate([orderId]);
    return succeed({ orderId, trackingNumber, carrier });
});

/** Records who bought the label (USPS parcels need a TikTok Shipping label). */
export const setLabelSource = defineAction({ roles: WRITERS, schema: labelSourceSchema }, async ({ orderId, labelSource }, { user, now }) => {
    const before = await db.order.findFirst({ where: { id: orderId, organizationId: user.organizationId }, select: { labelSource: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such order in your organisation.");
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
    revalidate([orderId]);
    return succeed({ orderId, labelSource: labelSource as LabelSource });
});

// ---------------------------------------------------------------------------------------------
// Bulk paste

export type PasteLineResult = PasteLine & { order: { id: string; externalId: string; storeName: string; before: TrackingState } | null };
export type PastePreview = { lines: PasteLineResult[]; valid: number; tooMany: boolean };

/** Every line checked against the database too: the order exists (once) and the number is not another order's. */
async function previewLines(organizationId: string, text: string): Promise<PastePreview> {
  const { lines, tooMany } = parseTrackingPaste(text);
  const refs = [...new Set(lines.map((l) => l.orderRef).filter(Boolean))];
  const numbers = [...new Set(lines.filter((l) => !l.error).map((l) => l.trackingNumber))];
  const [orders, holders] = await Promise.all([
    refs.length
      ? db.order.findMany({
          where: { organizationId, externalId: { in: refs } },
          select: { id: true, externalId: true, carrier: true, trackingNumber: true, labelSource: true, status: true, store: { select: { name: true } } },
        })
      : [],
    numbers.length
      ? db.order.findMany({ where: { organizationId, trackingNumber: { in: numbers }, status: { not: "CANCELLED" } }, select: { id: true, externalId: true, trackingNumber: true } })
      : [],
  ]);
  const byRef = new Map<string, typeof orders>();
  for (const o of orders) byRef.set(o.externalId, [...(byRef.get(o.externalId) ?? []), o]);

  const results = lines.map((l): PasteLineResult => {
    const matches = byRef.get(l.orderRef) ?? [];
    const o = matches.length === 1 ? matches[0] : undefined;
    const order = o ? { id: o.id, externalId: o.externalId, storeName: o.store.name, before: { carrier: o.carrier, trackingNumber: o.trackingNumber, labelSource: o.labelSource } } : null;
    if (l.error) return { ...l, order };
    if (matches.length === 0) return { ...l, order, error: `Unknown order ${l.orderRef}` };
    if (!o) return { ...l, order, error: `Order id ${l.orderRef} is used in ${matches.length} stores: fix it on the order's row instead` };
    if (o.status === "CANCELLED") return { ...l, order, error: "The order is cancelled" };
    const holder = holders.find((h) => h.trackingNumber === l.trackingNumber && h.id !== o.id);
    if (holder) return { ...l, order, error: `Duplicate: order ${holder.externalId} already has this number` };
    return { ...l, order };
  });
  return { lines: results, valid: results.filter((r) => !r.error).length, tooMany };
}

/** Checks a paste line by line without saving anything. */
export const previewTrackingPaste = defineAction({ roles: WRITERS, schema: pasteSchema.shape.text }, async (text, { user }) => succeed(await previewLines(user.organizationId, text)));

/** Saves the lines that pass every check (checked again here); the others are reported back. */
export const saveTrackingPaste = defineAction({ roles: WRITERS, schema: pasteSchema.shape.text }, async (text, { user, now }) => {
    const preview = await previewLines(user.organizationId, text);
    const good = preview.lines.filter((l): l is PasteLineResult & { order: NonNullable<PasteLineResult["order"]> } => !l.error && l.order !== null);
    if (good.length === 0) return succeed({ ...preview, saved: 0 });
    const ids = good.map((l) => l.order.id);
    const others = await sharingNumber(user.organizationId, good.map((l) => l.order.before.trackingNumber), ids);

    await db.$transaction(async (tx) => {
      for (const l of good) {
        await tx.order.update({ where: { id: l.order.id }, data: { carrier: l.carrier, trackingNumber: l.trackingNumber } });
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
    });
    await refreshOrderRisk(db, { organizationId: user.organizationId, orderIds: [...ids, ...others] }, now);
    revalidate(ids);
    return succeed({ ...preview, saved: good.length });
});
