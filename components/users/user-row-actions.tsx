"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { changeRoleAction, setUserActiveAction } from "@/lib/actions/users";

type Props = { userId: string; email: string; role: string; supplierId: string | null; active: boolean; suppliers: { id: string; name: string }[] };

export function UserRowActions({ userId, email, role, supplierId, active, suppliers }: Props) {
  const roleForm = useFormAction(changeRoleAction);
  const activeForm = useFormAction(setUserActiveAction);
  // The latest of the two forms' outcomes; a refused role change names its field.
  const latest = roleForm.result && !roleForm.result.ok ? roleForm.result : (activeForm.result ?? roleForm.result);
  const message = latest && !latest.ok ? (latest.fieldErrors?.supplierId ?? latest.message) : latest?.message;
  const failed = latest ? !latest.ok : false;
  const rolePending = roleForm.pending;
  const activePending = activeForm.pending;
  const t = useTranslations("users");
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form onSubmit={roleForm.onSubmit} className="flex items-center gap-1">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            {t("row.roleOf", { email })}
          </label>
          <Select id={`role-${userId}`} name="role" defaultValue={role} fieldSize="sm" className="w-auto">
            <option value="OWNER">{t("role.OWNER")}</option>
            <option value="OPS">{t("role.OPS")}</option>
            <option value="SUPPLIER">{t("role.SUPPLIER")}</option>
          </Select>
          <label className="sr-only" htmlFor={`supplier-${userId}`}>
            {t("row.supplierOf", { email })}
          </label>
          <Select id={`supplier-${userId}`} name="supplierId" defaultValue={supplierId ?? ""} fieldSize="sm" className="w-auto max-w-[9rem]">
            <option value="">{t("row.noSupplier")}</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" size="sm" disabled={rolePending}>
            {t("row.saveRole")}
          </Button>
        </form>
        <form onSubmit={activeForm.onSubmit}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <Button
            type="submit"
            variant={active ? "danger" : "secondary"}
            size="sm"
            disabled={activePending}
            aria-label={t(active ? "row.deactivateLabel" : "row.reactivateLabel", { email })}
          >
            {active ? t("row.deactivate") : t("row.reactivate")}
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
