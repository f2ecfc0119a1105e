"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("users");
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={t("form.label")}>
      <Field label={t("form.email")} htmlFor="new-email" error={fieldError("email")}>
        <Input id="new-email" name="email" type="email" aria-invalid={Boolean(fieldError("email"))} />
      </Field>
      <Field label={t("form.name")} htmlFor="new-name" error={fieldError("name")}>
        <Input id="new-name" name="name" aria-invalid={Boolean(fieldError("name"))} />
      </Field>
      <Field label={t("form.role")} htmlFor="new-role" error={fieldError("role")}>
        <Select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="OPS">{t("role.OPS")}</option>
          <option value="OWNER">{t("role.OWNER")}</option>
          <option value="SUPPLIER">{t("form.supplierReadOnly")}</option>
        </Select>
      </Field>
      {role === "SUPPLIER" ? (
        <Field label={t("form.supplier")} htmlFor="new-supplier" error={fieldError("supplierId")}>
          <Select id="new-supplier" name="supplierId" defaultValue={""}>
            <option value="" disabled>
              {t("form.chooseSupplier")}
            </option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t("form.password")} htmlFor="new-password" error={fieldError("password")} hint={t("form.passwordHint")}>
        <Input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("form.adding") : t("form.submit")}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
    </form>
  );
}
