"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

/** The digest's sendable text: copy it, download it, or open it in the mail app. */
export function CopySummary({ text, subject }: { text: string; subject: string }) {
  const t = useTranslations("digest.copy");
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  // mailto bodies past ~2,000 characters are cut by some mail apps: send the head, point to the rest.
  const body = text.length > 1800 ? `${text.slice(0, 1800)}\n${t("truncated")}` : text;
  const mailto = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              setCopied("done");
            } catch {
              setCopied("failed");
            }
          }}
        >
          {t("copy")}
        </Button>
        <a className={buttonClasses("secondary")} href="/api/digest?format=text" download>
          {t("download")}
        </a>
        <a className={buttonClasses("secondary")} href={mailto}>
          {t("email")}
        </a>
        <span role="status" className="self-center text-sm text-slate-600">
          {copied === "done" ? t("copied") : copied === "failed" ? t("failed") : ""}
        </span>
      </div>
      <pre
        data-testid="digest-text"
        className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-3 text-xs break-words whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200"
      >
        {text}
      </pre>
    </div>
  );
}
