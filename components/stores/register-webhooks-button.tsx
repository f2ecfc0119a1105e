"use client";

import { Webhook } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { registerShopifyWebhooksAction } from "@/lib/actions/shopify-webhooks";

/** Registers the Shopify order and fulfilment webhooks through the Admin API (owner only). */
export function RegisterWebhooksButton({ storeId }: { storeId: string }) {
  const t = useTranslations("stores.webhooks");
  return (
    <ActionButton
      run={() => registerShopifyWebhooksAction(storeId)}
      label={t("register")}
      pendingLabel={t("registering")}
      icon={() => <Webhook aria-hidden className="size-4" />}
      fallback={{ ok: t("registered"), failed: t("failed") }}
    />
  );
}
