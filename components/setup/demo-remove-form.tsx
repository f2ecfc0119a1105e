"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeDemoAction } from "@/lib/actions/demo";

/** The demo owner's button: the demo organisation and everything in it go, their account with it. */
export function DemoRemoveForm() {
  const { result, onSubmit, pending, fieldError } = useFormAction(removeDemoAction);
  const t = useTranslations("stores.demo");
  useEffect(() => {
    if (result?.ok) void signOut({ callbackUrl: "/login" });
  }, [result]);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t("form")}>
      <div className="sm:w-64">
        <Field label={t("confirm")} htmlFor="demo-confirm" error={fieldError("confirm")}>
          <Input id="demo-confirm" name="confirm" autoComplete="off" aria-invalid={Boolean(fieldError("confirm"))} />
        </Field>
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("removing") : t("submit")}
      </Button>
      <FormMessage result={result} compact className="text-sm" />
    </form>
  );
}
