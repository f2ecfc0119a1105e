import type { Db } from "@/lib/database/client";
import type { Channel, FulfillmentType } from "@/lib/generated/prisma/enums";
import { buildTrackingUrl } from "@/lib/policy/tracking";
import { readStoreCredentials } from "./credentials";
import { TIKTOK_EDIT_USED, tiktokEditsUsed, type PushState, type TrackingPayload } from "./push";
import { matchProvider, noProviderReason, readTikTokPackage, shippingProvidersFor, tiktokClientFor } from "./tiktok-write-back";

// Deciding and queueing a tracking write-back when owner/ops set or correct an order's tracking:
// what is checked before anything is saved (TikTok's provider for the carrier, its one edit), and
// the PENDING push row the job queue then writes.

type Tx = Pick<Db, "channelPush">;

export type WriteBackTarget = {
  id: string;
  storeId: string;
  channel: Channel;
  externalId: string;
  trackingNumber: string | null;
  fulfillmentType: FulfillmentType;
};

export type WriteBackPlan = { connected: false; reason: string } | { connected: true; edit: boolean };

/** The refusal of a fix before it is saved, on the field it concerns. */
export type WriteBackRefusal = { field: "carrier" | "trackingNumber"; message: string };

export async function isStoreConnected(db: Db, storeId: string): Promise<boolean> {
  const c = await readStoreCredentials(db, storeId);
  return Boolean(c.tiktok || c.shopify);
}

/**
 * Checks a fix against the platform before it is saved. TikTok: the order's delivery option must
 * list a provider for the carrier (the cached list, or fetched when `lookUp` allows), and a number
 * TikTok already holds can be corrected once. An unreachable TikTok does not block the fix: the
 * push job checks again and fails with the reason.
 */
export async function planWriteBack(
  db: Db,
  order: WriteBackTarget,
  carrier: string,
  now: Date,
  options: { lookUp?: boolean } = {},
): Promise<{ plan: WriteBackPlan; refusal: WriteBackRefusal | null }> {
  const credentials = await readStoreCredentials(db, order.storeId);
  if (order.fulfillmentType === "FULFILLED_BY_TIKTOK")
    return { plan: { connected: false, reason: "Fulfilled by TikTok: TikTok ships it and holds its tracking" }, refusal: null };
  if (order.channel === "TIKTOK_SHOP") {
    if (!credentials.tiktok) return { plan: { connected: false, reason: "The store is not connected to the TikTok Shop API" }, refusal: null };
    const edit = Boolean(order.trackingNumber);
    if (edit && (await tiktokEditsUsed(db, order.id)) >= 1)
      return { plan: { connected: true, edit }, refusal: { field: "trackingNumber", message: TIKTOK_EDIT_USED } };
    if (options.lookUp !== false) {
      try {
        const client = tiktokClientFor(credentials.tiktok);
        const pkg = await readTikTokPackage(client, order.externalId);
        if (pkg.deliveryOptionId) {
          const providers = await shippingProvidersFor(db, order.storeId, client, pkg.deliveryOptionId, now);
          if (!matchProvider(providers, carrier))
            return { plan: { connected: true, edit }, refusal: { field: "carrier", message: noProviderReason(carrier, providers) } };
        }
      } catch (error) {
        // Not reachable now: the job asks again.
        console.warn("[write-back] provider check skipped:", error instanceof Error ? error.message : error);
      }
    }
    return { plan: { connected: true, edit }, refusal: null };
  }
  if (!credentials.shopify) return { plan: { connected: false, reason: "The store is not connected to the Shopify Admin API" }, refusal: null };
  return { plan: { connected: true, edit: Boolean(order.trackingNumber) }, refusal: null };
}

/**
 * The PENDING push for the fix, in the fix's transaction. A push of the order not yet taken by a
 * runner is rewritten (the latest fix is what gets written), so two quick corrections make one write.
 */
export async function queueTrackingPush(
  tx: Tx,
  input: { organizationId: string; order: WriteBackTarget; carrier: string; trackingNumber: string; actorId: string; now: Date },
): Promise<string> {
  const payload: TrackingPayload = {
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    trackingUrl: buildTrackingUrl(input.carrier, input.trackingNumber),
    edit: false,
  };
  const waiting = await tx.channelPush.findFirst({
    where: { orderId: input.order.id, kind: "TRACKING", status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: input.now } }] },
    select: { id: true },
  });
  if (waiting) {
    await tx.channelPush.update({ where: { id: waiting.id }, data: { payload, nextAttemptAt: input.now, attempts: 0, message: null }, select: { id: true } });
    return waiting.id;
  }
  const created = await tx.channelPush.create({
    data: {
      organizationId: input.organizationId,
      storeId: input.order.storeId,
      orderId: input.order.id,
      kind: "TRACKING",
      payload,
      nextAttemptAt: input.now,
      createdById: input.actorId,
    },
    select: { id: true },
  });
  return created.id;
}

export const PUSH_STATE_SELECT = {
  id: true,
  kind: true,
  status: true,
  platformId: true,
  message: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;

/** The order's latest tracking push, or null. */
export async function latestTrackingPush(db: Db, orderId: string): Promise<PushState | null> {
  return db.channelPush.findFirst({ where: { orderId, kind: "TRACKING" }, orderBy: { createdAt: "desc" }, select: PUSH_STATE_SELECT });
}
