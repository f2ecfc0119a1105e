"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { changeRoleAction, setUserActiveAction } from "@/lib/actions/users";

type Props = { userId: string; email: string; role: string; supplierId: string | null; active: boolean; suppliers: { id: string; name: string }[] };

export function UserRowActions({ userId, email, role, supplierId, active, suppliers }: Props) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, { ok: false });
  const [activeState, activeAction, activePending] = useActionState(setUserActiveAction, { ok: false });
  const message = roleState.message ?? roleState.fieldErrors?.supplierId ?? activeState.message;
  const failed = (roleState.message || roleState.fieldErrors) && !roleState.ok ? true : activeState.message ? !activeState.ok : false;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            Role of {email}
          </label>
          <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
            <option value="OWNER">Owner</option>
            <option value="OPS">Operations</option>
            <option value="SUPPLIER">Supplier</option>
          </select>
          <label className="sr-only" htmlFor={`supplier-${userId}`}>
            Supplier of {email}
          </label>
          <select id={`supplier-${userId}`} name="supplierId" defaultValue={supplierId ?? ""} className="max-w-[9rem] rounded-md border border-slate-300 px-2 py-1 text-xs">
            <option value="">(no supplier)</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={rolePending}>
            Save role
          </Button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <Button type="submit" variant={active ? "danger" : "secondary"} className="px-2 py-1 text-xs" disabled={activePending} aria-label={`${active ? "Deactivate" : "Reactivate"} ${email}`}>
            {active ? "Deactivate" : "Reactivate"}
          </Button>
        </form>
      </div>
      {message ? (
        <p role={failed ? "alert" : "status"} className={failed ? "text-xs text-rose-700" : "text-xs text-emerald-700"}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
