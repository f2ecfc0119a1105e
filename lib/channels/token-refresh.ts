import type { Db } from "@/lib/database/client";

// TikTok access tokens last about a week; the refresh token gets a new pair. The sweep of the push
// queue queues a TOKEN_REFRESH push for every connected TikTok store whose token runs out within
// the window, one at a time per store; the push runner does the exchange (lib/channels/push.ts).

export const TOKEN_REFRESH_WINDOW_MS = 24 * 3_600_000;

export async function queueTokenRefreshes(db: Db, now: Date): Promise<string[]> {
  const stores = await db.store.findMany({
    where: {
      channel: "TIKTOK_SHOP",
      tiktokRefreshToken: { not: null },
      tiktokAccessToken: { not: null },
      AND: [
        // Unknown expiry (a token typed in with `store set`): refreshing tells us.
        { OR: [{ tiktokAccessTokenExpiresAt: null }, { tiktokAccessTokenExpiresAt: { lte: new Date(now.getTime() + TOKEN_REFRESH_WINDOW_MS) } }] },
        // NULL (never synced) is not "needs re-authorisation": `NOT =` alone would drop it.
        { OR: [{ connectionState: null }, { connectionState: { not: "NEEDS_REAUTHORIZATION" } }] },
      ],
      pushes: { none: { kind: "TOKEN_REFRESH", status: "PENDING" } },
    },
    select: { id: true, organizationId: true },
  });
  const ids: string[] = [];
  for (const s of stores) {
    const push = await db.channelPush.create({
      data: { organizationId: s.organizationId, storeId: s.id, kind: "TOKEN_REFRESH", nextAttemptAt: now },
      select: { id: true },
    });
    ids.push(push.id);
  }
  return ids;
}
