import type { Db } from "@/lib/database/client";

// Webhook deliveries that did not go through, per store and hour (WebhookFailureCount): a 401 is
// an unverified delivery (a wrong secret on either side, or a forgery), a 400/5xx a failed one.
// Only for stores that exist (the insert selects the store), so an unknown id adds nothing.

export type WebhookSourceName = "SHOPIFY" | "TIKTOK";

export async function recordWebhookDelivery(db: Db, storeId: string, source: WebhookSourceName, status: number, now: Date): Promise<void> {
  if (status < 400 || status === 413 || !/^[\w-]{1,64}$/.test(storeId)) return;
  const unverified = status === 401 ? 1 : 0;
  const failed = status === 401 ? 0 : 1;
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await db.$executeRaw`
    INSERT INTO "WebhookFailureCount" ("storeId", source, hour, unverified, failed, "lastStatus", "lastAt")
    SELECT id, ${source}::"WebhookSource", ${hour}, ${unverified}, ${failed}, ${status}, ${now} FROM "Store" WHERE id = ${storeId}
    ON CONFLICT ("storeId", source, hour) DO UPDATE SET
      unverified = "WebhookFailureCount".unverified + EXCLUDED.unverified,
      failed = "WebhookFailureCount".failed + EXCLUDED.failed,
      "lastStatus" = EXCLUDED."lastStatus", "lastAt" = EXCLUDED."lastAt"`;
}

/** Failed and unverified deliveries per store in the 24 hours before `now`. */
export async function webhookFailuresByStore(db: Db, storeIds: readonly string[], now: Date): Promise<Map<string, { unverified: number; failed: number }>> {
  if (storeIds.length === 0) return new Map();
  const rows = await db.webhookFailureCount.groupBy({
    by: ["storeId"],
    where: { storeId: { in: [...storeIds] }, hour: { gt: new Date(now.getTime() - 24 * 3_600_000) } },
    _sum: { unverified: true, failed: true },
  });
  return new Map(rows.map((r) => [r.storeId, { unverified: r._sum.unverified ?? 0, failed: r._sum.failed ?? 0 }]));
}
