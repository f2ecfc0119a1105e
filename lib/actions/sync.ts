"use server";

import { revalidatePath } from "next/cache";
import { requireApiUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { syncStoreForUser, type ChannelSyncResult } from "@/lib/channels/sync";
import { storeIdSchema } from "@/lib/validations/imports";
import { type ActionState, actionErrorState } from "./action-state";

export async function syncStoreAction(storeId: string): Promise<ActionState<ChannelSyncResult>> {
  try {
    const actor = await requireApiUser(["OWNER", "OPS"]);
    const parsed = storeIdSchema.safeParse(storeId);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Not a store id" };
    const result = await syncStoreForUser(db, actor, parsed.data, new Date());
    revalidatePath("/stores");
    revalidatePath("/orders");
    return { ok: true, message: `Synced ${result.orders} orders: ${result.created} new, ${result.updated} updated.`, data: result };
  } catch (error) {
    return actionErrorState(error);
  }
}
