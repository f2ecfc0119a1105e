"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { safeCallbackPath } from "@/lib/security/safe-redirect";
import { signInSchema } from "@/lib/validations/auth";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signInForm");
  const say = useErrorMessage();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as keyof FieldErrors] ??= say(issue.message);
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      // Deliberately vague: it must not reveal whether the address has an account or is locked.
      setFormError(t("wrong"));
      return;
    }
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("label")}>
        <Field label={t("email")} htmlFor="email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="username" required aria-invalid={Boolean(errors.email)} />
        </Field>
        <Field label={t("password")} htmlFor="password" error={errors.password}>
          <Input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(errors.password)} />
        </Field>
        {formError ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {formError}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
