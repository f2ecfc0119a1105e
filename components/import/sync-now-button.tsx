"use client";

import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import { syncStoreAction } from "@/lib/actions/sync";

/** "Sync now" for one store with an API connection (TikTok Shop or Shopify); owner and ops only. */
export function SyncNowButton({ storeId }: { storeId: string }) {
  const t = useTranslations("import.sync");
  return (
    <ActionButton
      run={() => syncStoreAction(storeId)}
      label={t("label")}
      pendingLabel={t("pending")}
      icon={(pending) => <RefreshCw aria-hidden className={pending ? "size-4 animate-spin" : "size-4"} />}
      fallback={{ ok: t("ok"), failed: t("failed") }}
    />
  );
}
