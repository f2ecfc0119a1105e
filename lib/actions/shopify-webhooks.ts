"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { registerShopifyWebhooks } from "@/lib/channels/shopify-webhooks";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { storeIdSchema } from "@/lib/validations/imports";
import { defineAction, succeed } from "./define-action";

/**
 * The owner registers the order and fulfilment webhooks in the connected Shopify store through the
 * Admin API (webhookSubscriptionCreate), pointing at this app's public URL. Idempotent.
 */
export const registerShopifyWebhooksAction = defineAction({ roles: ["OWNER"], schema: storeIdSchema }, async (storeId, { user, now, t }) => {
  const appUrl = getEnv().NEXTAUTH_URL;
  if (!appUrl || !appUrl.startsWith("https://")) {
    throw new AppError("BAD_REQUEST", t("stores.actions.webhooksNeedUrl"));
  }
  const result = await registerShopifyWebhooks(db, { storeId, organizationId: user.organizationId }, appUrl, now);
  await recordAudit(db, {
    organizationId: user.organizationId,
    actor: { id: user.id, email: user.email },
    action: "store.webhooks.register",
    entityType: "Store",
    entityId: storeId,
    after: { registered: result.registered, failed: result.failed },
  });
  revalidatePath(`/stores/${storeId}`);
  if (result.failed.length > 0) {
    const failed = result.failed.map((f) => `${f.topic}: ${f.message}`).join("; ");
    throw new AppError("CONFLICT", t("stores.actions.webhooksPartly", { registered: result.registered.length, failed }));
  }
  return succeed(result, t("stores.actions.webhooksRegistered", { count: result.registered.length }));
});
