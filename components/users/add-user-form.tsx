"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { addUserAction } from "@/lib/actions/users";

export function AddUserForm({ suppliers }: { suppliers: { id: string; name: string }[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(addUserAction);
  const [role, setRole] = useState("OPS");
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label="Add user">
      <Field label="E-mail" htmlFor="new-email" error={fieldError("email")}>
        <Input id="new-email" name="email" type="email" aria-invalid={Boolean(fieldError("email"))} />
      </Field>
      <Field label="Name" htmlFor="new-name" error={fieldError("name")}>
        <Input id="new-name" name="name" aria-invalid={Boolean(fieldError("name"))} />
      </Field>
      <Field label="Role" htmlFor="new-role" error={fieldError("role")}>
        <Select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="OPS">Operations</option>
          <option value="OWNER">Owner</option>
          <option value="SUPPLIER">Supplier (read-only)</option>
        </Select>
      </Field>
      {role === "SUPPLIER" ? (
        <Field label="Supplier" htmlFor="new-supplier" error={fieldError("supplierId")}>
          <Select id="new-supplier" name="supplierId" defaultValue={""}>
            <option value="" disabled>
              Choose a supplier
            </option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Initial password" htmlFor="new-password" error={fieldError("password")} hint="At least 10 characters; share it with them privately">
        <Input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
    </form>
  );
}
