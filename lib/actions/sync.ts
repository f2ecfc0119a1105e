"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { syncStoreForUser } from "@/lib/channels/sync";
import { storeIdSchema } from "@/lib/validations/imports";
import { defineAction, succeed } from "./define-action";

/** "Sync now" on a store: pulls the orders its channel (TikTok Partner API, Shopify Admin API) changed since the last sync. */
export const syncStoreAction = defineAction({ roles: ["OWNER", "OPS"], schema: storeIdSchema }, async (storeId, { user, now, t }) => {
  const result = await syncStoreForUser(db, user, storeId, now);
  revalidatePath("/stores");
  revalidatePath("/orders");
  return succeed(result, t("import.sync.synced", { orders: result.orders, created: result.created, updated: result.updated }));
});
