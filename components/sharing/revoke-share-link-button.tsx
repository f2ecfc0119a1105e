"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeShareLinkAction } from "@/lib/actions/share-links";

export function RevokeShareLinkButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(revokeShareLinkAction, { ok: false });
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" className="px-2 py-1 text-xs" disabled={pending} aria-label={`Revoke ${label}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {state.message && !state.ok ? <p className="text-xs text-rose-700">{state.message}</p> : null}
    </form>
  );
}
