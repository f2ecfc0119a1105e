"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { syncStoreForUser } from "@/lib/ingest/sync-store";
import { storeIdSchema } from "@/lib/validations/imports";
import { defineAction, succeed } from "./define-action";

/** "Sync now" on a TikTok store: pulls the Partner API's orders changed since the last sync. */
export const syncStoreAction = defineAction({ roles: ["OWNER", "OPS"], schema: storeIdSchema }, async (storeId, { user, now }) => {
  const result = await syncStoreForUser(db, user, storeId, now);
  revalidatePath("/stores");
  revalidatePath("/orders");
  return succeed(result, `Synced ${result.orders} orders: ${result.created} new, ${result.updated} updated.`);
});
