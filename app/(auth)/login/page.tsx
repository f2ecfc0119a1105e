import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth";
import { isSignUpAllowed } from "@/lib/env";
import { isFirstRun } from "@/lib/data/setup";
import { safeCallbackPath } from "@/lib/security/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only this app's own paths: anything else would be an open redirect (lib/security/safe-redirect.ts).
  const next = safeCallbackPath(callbackUrl);
  const [firstRun, t] = await Promise.all([isFirstRun(), getTranslations("auth")]);
  const signUpLink = (chunks: React.ReactNode) => (
    <Link href="/signup" className="font-medium underline">
      {chunks}
    </Link>
  );
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold tracking-widest text-teal-700 uppercase">{t("kicker")}</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("login.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("login.tagline")}</p>
        </div>
        {firstRun ? (
          <div role="status" className="mb-4 space-y-2 rounded-xl bg-teal-50 p-4 text-sm text-teal-950 ring-1 ring-teal-200" data-testid="first-run">
            <p className="font-semibold">{t("firstRun.title")}</p>
            {isSignUpAllowed() ? <p>{t.rich("firstRun.signUp", { link: signUpLink })}</p> : <p>{t("firstRun.cli")}</p>}
            <pre className="overflow-x-auto rounded-lg bg-white p-2 font-mono text-xs">
              npm run -s setup -- --org &quot;Your shop&quot; --owner you@example.com
            </pre>
            <p>{t("firstRun.then")}</p>
          </div>
        ) : null}
        <SignInForm callbackUrl={next} />
        {isSignUpAllowed() ? (
          <p className="mt-4 text-center text-sm text-slate-600">
            {t.rich("login.newHere", {
              link: (chunks) => (
                <Link href="/signup" className="font-medium text-teal-700 hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
      </div>
    </main>
  );
}
