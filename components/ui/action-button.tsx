"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button, type ButtonVariant } from "./button";

/**
 * A button that runs one server action (no form fields) and says how it went beside it: the
 * one pattern for "Sync now", "Register webhooks", "Retry" and the like.
 */
export function ActionButton<T>({
  run,
  label,
  pendingLabel,
  icon,
  variant = "secondary",
  fallback,
}: {
  run: () => Promise<ActionResult<T>>;
  label: string;
  pendingLabel: string;
  icon?: (pending: boolean) => React.ReactNode;
  variant?: ButtonVariant;
  fallback?: { ok: string; failed: string };
}) {
  const t = useTranslations("ui.actionButton");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant={variant}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await run();
            setMessage({ ok: result.ok, text: result.message ?? (result.ok ? (fallback?.ok ?? t("done")) : (fallback?.failed ?? t("failed"))) });
          })
        }
      >
        {icon?.(pending)}
        {pending ? pendingLabel : label}
      </Button>
      {message ? (
        <p role="status" className={message.ok ? "text-sm text-slate-600" : "text-sm font-medium text-rose-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
