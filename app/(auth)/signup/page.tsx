import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth";
import { isSignUpAllowed } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}
// ALLOW_SIGNUP is read when the page is requested, not when it was built.
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (!isSignUpAllowed()) notFound();
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold tracking-widest text-teal-700 uppercase">{t("kicker")}</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("signUp.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("signUp.tagline")}</p>
        </div>
        <SignUpForm />
        <p className="mt-4 text-center text-sm text-slate-600">
          {t.rich("signUp.haveAccount", {
            link: (chunks) => (
              <Link href="/login" className="font-medium text-teal-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </main>
  );
}
