"use client";

import { useState, useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { syncStoreAction } from "@/lib/actions/sync";

/** "Sync now" for one store with an API connection (TikTok Shop or Shopify); owner and ops only. */
export function SyncNowButton({ storeId }: { storeId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await syncStoreAction(storeId);
            setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Synced." : "Sync failed.") });
          })
        }
      >
        <RefreshCw aria-hidden className={pending ? "size-4 animate-spin" : "size-4"} />
        {pending ? "Syncing…" : "Sync now"}
      </Button>
      {message ? (
        <p role="status" className={message.ok ? "text-sm text-slate-600" : "text-sm font-medium text-rose-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
