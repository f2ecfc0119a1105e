import type { Db } from "@/lib/database/client";
import { decryptSecret, encryptSecret, needsRotation, STORE_SECRET_COLUMNS } from "./secrets";

/**
 * Rewrites every stored store secret that is plaintext (written before encryption) or under an
 * old key, under the current SECRETS_KEY. Idempotent: a second run rewrites nothing.
 */
export async function rotateStoreSecrets(db: Db, options: { organizationId?: string } = {}): Promise<{ stores: number; rewritten: number }> {
  const stores = await db.store.findMany({
    where: options.organizationId ? { organizationId: options.organizationId } : {},
    select: { id: true, webhookSecret: true, tiktokAppSecret: true, tiktokAccessToken: true, tiktokRefreshToken: true, shopifyAccessToken: true },
  });
  let rewritten = 0;
  for (const store of stores) {
    const data: Partial<Record<(typeof STORE_SECRET_COLUMNS)[number], string>> = {};
    for (const column of STORE_SECRET_COLUMNS) {
      const stored = store[column];
      if (stored && needsRotation(stored)) data[column] = encryptSecret(decryptSecret(stored) as string);
    }
    const count = Object.keys(data).length;
    if (count === 0) continue;
    // Only if unchanged meanwhile: a secret saved during the run is already under the current key.
    const where = { id: store.id, ...Object.fromEntries(Object.keys(data).map((c) => [c, store[c as keyof typeof store]])) };
    const done = await db.store.updateMany({ where, data });
    if (done.count === 1) rewritten += count;
  }
  return { stores: stores.length, rewritten };
}
