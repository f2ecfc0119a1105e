"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/compliance";

/**
 * Submits a form's fields to a server action and keeps its field messages. `prepare` may rewrite
 * values first (e.g. a local date-time into an instant with its zone).
 */
export function useActionForm(action: (input: Record<string, string>) => Promise<ActionResult>, prepare?: (values: Record<string, string>) => Record<string, string>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values: Record<string, string> = {};
    for (const [k, v] of new FormData(form).entries()) if (typeof v === "string") values[k] = v;
    startTransition(async () => {
      const r = await action(prepare ? prepare(values) : values);
      setResult(r);
      if (r.ok) {
        form.reset();
        router.refresh();
      }
    });
  }

  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined);
  return { onSubmit, pending, result, fieldError };
}
