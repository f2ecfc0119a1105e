"use client";

import { useState, useTransition } from "react";
import { Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import { registerShopifyWebhooksAction } from "@/lib/actions/shopify-webhooks";

/** Registers the Shopify order and fulfilment webhooks through the Admin API (owner only). */
export function RegisterWebhooksButton({ storeId }: { storeId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await registerShopifyWebhooksAction(storeId);
            setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Registered." : "Registration failed.") });
          })
        }
      >
        <Webhook aria-hidden className="size-4" />
        {pending ? "Registering…" : "Register webhooks"}
      </Button>
      {message ? (
        <p role="status" className={message.ok ? "text-sm text-slate-600" : "text-sm font-medium text-rose-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
