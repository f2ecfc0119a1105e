"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeShareLinkAction } from "@/lib/actions/share-links";

export function RevokeShareLinkButton({ id, label }: { id: string; label: string }) {
  const { result, onSubmit, pending } = useFormAction(revokeShareLinkAction);
  const t = useTranslations("sharing.form");
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={t("revokeLabel", { label })}>
        {pending ? t("revoking") : t("revoke")}
      </Button>
      {result && !result.ok ? <p className="text-xs text-rose-700">{result.message}</p> : null}
    </form>
  );
}
