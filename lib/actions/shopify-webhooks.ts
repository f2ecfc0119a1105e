"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { requireApiUser } from "@/lib/auth";
import { registerShopifyWebhooks, type WebhookRegistration } from "@/lib/channels/shopify-webhooks";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { storeIdSchema } from "@/lib/validations/imports";
import { type ActionState, actionErrorState } from "./action-state";

/**
 * The owner registers the order and fulfilment webhooks in the connected Shopify store through the
 * Admin API (webhookSubscriptionCreate), pointing at this app's public URL. Idempotent.
 */
export async function registerShopifyWebhooksAction(storeId: string): Promise<ActionState<WebhookRegistration>> {
  try {
    const actor = await requireApiUser(["OWNER"]);
    const parsed = storeIdSchema.safeParse(storeId);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Not a store id" };
    const appUrl = getEnv().NEXTAUTH_URL;
    if (!appUrl || !appUrl.startsWith("https://")) {
      return { ok: false, message: "Set NEXTAUTH_URL to this app's public https:// address first: Shopify posts the webhooks there." };
    }
    const result = await registerShopifyWebhooks(db, { storeId: parsed.data, organizationId: actor.organizationId }, appUrl, new Date());
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actor: { id: actor.id, email: actor.email },
      action: "store.webhooks.register",
      entityType: "Store",
      entityId: parsed.data,
      after: { registered: result.registered, failed: result.failed },
    });
    revalidatePath(`/stores/${parsed.data}`);
    const failed = result.failed.map((f) => `${f.topic}: ${f.message}`).join("; ");
    return { ok: result.failed.length === 0, message: failed ? `Registered ${result.registered.length}; failed: ${failed}` : `Registered ${result.registered.length} webhook topics.`, data: result };
  } catch (error) {
    return actionErrorState(error);
  }
}
