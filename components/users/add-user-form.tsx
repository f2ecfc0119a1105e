"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { addUserAction } from "@/lib/actions/users";

const selectClass = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900";

export function AddUserForm({ suppliers }: { suppliers: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(addUserAction, { ok: false });
  const [role, setRole] = useState("OPS");
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Add user">
      <Field label="E-mail" htmlFor="new-email" error={state.fieldErrors?.email}>
        <Input id="new-email" name="email" type="email" aria-invalid={Boolean(state.fieldErrors?.email)} />
      </Field>
      <Field label="Name" htmlFor="new-name" error={state.fieldErrors?.name}>
        <Input id="new-name" name="name" aria-invalid={Boolean(state.fieldErrors?.name)} />
      </Field>
      <Field label="Role" htmlFor="new-role" error={state.fieldErrors?.role}>
        <select id="new-role" name="role" className={selectClass} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="OPS">Operations</option>
          <option value="OWNER">Owner</option>
          <option value="SUPPLIER">Supplier (read-only)</option>
        </select>
      </Field>
      {role === "SUPPLIER" ? (
        <Field label="Supplier" htmlFor="new-supplier" error={state.fieldErrors?.supplierId}>
          <select id="new-supplier" name="supplierId" className={selectClass} defaultValue="">
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
      ) : null}
      <Field label="Initial password" htmlFor="new-password" error={state.fieldErrors?.password} hint="At least 10 characters; share it with them privately">
        <Input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(state.fieldErrors?.password)} />
      </Field>
      <div className="sm:col-span-2 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-700" : "text-sm text-rose-700"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
