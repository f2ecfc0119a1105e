"use client";

import { Webhook } from "lucide-react";
import { ActionButton } from "@/components/ui/action-button";
import { registerShopifyWebhooksAction } from "@/lib/actions/shopify-webhooks";

/** Registers the Shopify order and fulfilment webhooks through the Admin API (owner only). */
export function RegisterWebhooksButton({ storeId }: { storeId: string }) {
  return (
    <ActionButton
      run={() => registerShopifyWebhooksAction(storeId)}
      label="Register webhooks"
      pendingLabel="Registering…"
      icon={() => <Webhook aria-hidden className="size-4" />}
      fallback={{ ok: "Registered.", failed: "Registration failed." }}
    />
  );
}
