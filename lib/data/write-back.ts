import "server-only";
import type { PushState } from "@/lib/channels/push";
import { isStoreConnected, PUSH_STATE_SELECT } from "@/lib/channels/tracking-push";
import { db } from "@/lib/db";
import type { DataScope } from "./scope";

// The write-back as the order page and GET /api/orders/<id> show it: the latest tracking push
// (pending → sent → failed), every push of the order for its timeline, and whether the next
// correction uses TikTok's one edit. Staff only: a supplier's order view has no write-back.

export type OrderWriteBack = {
  connected: boolean;
  latest: PushState | null;
  pushes: PushState[];
  /** TikTok: the next correction of the number uses the one edit TikTok allows (warn first). */
  nextUsesTikTokEdit: boolean;
  /** TikTok: the one edit is used; a further correction is refused. */
  tiktokEditUsed: boolean;
};

/** The JSON shape of a push (API and client components). */
export type PushStateJson = {
  id: string;
  status: "pending" | "sent" | "failed";
  platformId: string | null;
  message: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

export function pushJson(p: PushState): PushStateJson {
  return {
    id: p.id,
    status: p.status.toLowerCase() as PushStateJson["status"],
    platformId: p.platformId,
    message: p.message,
    attempts: p.attempts,
    createdAt: p.createdAt.toISOString(),
    sentAt: p.sentAt?.toISOString() ?? null,
    nextAttemptAt: p.nextAttemptAt.toISOString(),
  };
}

export async function getOrderWriteBack(scope: DataScope, orderId: string): Promise<OrderWriteBack | null> {
  if (scope.supplierId) return null;
  const order = await db.order.findFirst({
    where: { id: orderId, organizationId: scope.organizationId },
    select: {
      storeId: true,
      channel: true,
      trackingNumber: true,
      fulfillmentType: true,
      pushes: { where: { kind: "TRACKING" }, orderBy: { createdAt: "desc" }, take: 20, select: { ...PUSH_STATE_SELECT, payload: true } },
    },
  });
  if (!order) return null;
  const connected = order.fulfillmentType !== "FULFILLED_BY_TIKTOK" && (await isStoreConnected(db, order.storeId));
  const editUsed = order.pushes.some((p) => p.status === "SENT" && (p.payload as { edit?: unknown } | null)?.edit === true);
  const isTikTok = order.channel === "TIKTOK_SHOP" && connected;
  const pushes: PushState[] = order.pushes.map((p) => ({
    id: p.id,
    kind: p.kind,
    status: p.status,
    platformId: p.platformId,
    message: p.message,
    attempts: p.attempts,
    createdAt: p.createdAt,
    sentAt: p.sentAt,
    nextAttemptAt: p.nextAttemptAt,
  }));
  return {
    connected,
    latest: pushes[0] ?? null,
    pushes,
    nextUsesTikTokEdit: isTikTok && Boolean(order.trackingNumber) && !editUsed,
    tiktokEditUsed: isTikTok && editUsed,
  };
}
