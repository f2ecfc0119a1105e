"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/define-action";
import { signUpAction } from "@/lib/actions/signup";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/setup";

/** Organisation name, e-mail and password; on success the new owner is signed in and lands on the overview. */
export function SignUpForm() {
  const t = useTranslations("auth.signUpForm");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ organizationId: string; email: string }> | null>(null);
  const [pending, start] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => failed?.fieldErrors?.[name];

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start(async () => {
      const r = await signUpAction(null, form);
      setResult(r);
      if (!r.ok) return;
      const signedIn = await signIn("credentials", { email: r.data.email, password: String(form.get("password") ?? ""), redirect: false });
      if (signedIn && !signedIn.error) {
        router.replace("/");
        router.refresh();
      } else router.replace("/login");
    });
  }

  return (
    <Card className="p-6">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("label")}>
        <Field label={t("organization")} htmlFor="su-org" error={fieldError("organization")}>
          <Input id="su-org" name="organization" autoComplete="organization" required aria-invalid={Boolean(fieldError("organization"))} />
        </Field>
        <Field label={t("email")} htmlFor="su-email" error={fieldError("email")}>
          <Input id="su-email" name="email" type="email" autoComplete="username" required aria-invalid={Boolean(fieldError("email"))} />
        </Field>
        <Field label={t("password")} htmlFor="su-password" error={fieldError("password")} hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}>
          <Input id="su-password" name="password" type="password" autoComplete="new-password" required aria-invalid={Boolean(fieldError("password"))} />
        </Field>
        <FormMessage result={result} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
