"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { createShareLinkAction } from "@/lib/actions/share-links";

type Option = { id: string; name: string };

export function CreateShareLinkForm({ suppliers, stores }: { suppliers: Option[]; stores: Option[] }) {
  const [state, action, pending] = useActionState(createShareLinkAction, { ok: false });
  const [copied, setCopied] = useState(false);
  const url = state.ok && state.data ? `${typeof window === "undefined" ? "" : window.location.origin}${state.data.url}` : null;
  const selectClass = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Create share link">
      <Field label="Supplier" htmlFor="supplierId" error={state.fieldErrors?.supplierId}>
        <select id="supplierId" name="supplierId" className={selectClass} defaultValue="">
          <option value="" disabled>
            Choose a supplier
          </option>
          {suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Store (optional)" htmlFor="storeId" error={state.fieldErrors?.storeId} hint="Leave empty to share every store's orders of this supplier">
        <select id="storeId" name="storeId" className={selectClass} defaultValue="">
          <option value="">All stores</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Name" htmlFor="label" error={state.fieldErrors?.label}>
        <Input id="label" name="label" placeholder="e.g. Sunrise — November orders" aria-invalid={Boolean(state.fieldErrors?.label)} />
      </Field>
      <Field label="Valid for (days)" htmlFor="expiresInDays" error={state.fieldErrors?.expiresInDays}>
        <Input id="expiresInDays" name="expiresInDays" type="number" min={1} max={90} defaultValue={14} aria-invalid={Boolean(state.fieldErrors?.expiresInDays)} />
      </Field>
      <div className="sm:col-span-2 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create link"}
        </Button>
        {state.message && !state.ok ? (
          <p role="alert" className="text-sm text-rose-700">
            {state.message}
          </p>
        ) : null}
      </div>
      {url ? (
        <div className="sm:col-span-2 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
          <p className="font-medium">{state.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 text-xs" data-testid="new-share-url">
              {url}
            </code>
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(url);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
