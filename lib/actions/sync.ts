"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { syncStoreForUser } from "@/lib/channels/sync";
import { storeIdSchema } from "@/lib/validations/imports";
import { defineAction, succeed } from "./define-action";

/** "Sync now" on a store: pulls the orders its channel (TikTok Partner API, Shopify Admin API) changed since the last sync. */
export const syncStoreAction = defineAction({ roles: ["OWNER", "OPS"], schema: storeIdSchema }, async (storeId, { user, now }) => {
  const result = await syncStoreForUser(db, user, storeId, now);
  revalidatePath("/stores");
  revalidatePath("/orders");
  return succeed(result, `Synced ${result.orders} orders: ${result.created} new, ${result.updated} updated.`);
});
