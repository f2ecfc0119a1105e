import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/security/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only this app's own paths: anything else would be an open redirect (lib/security/safe-redirect.ts).
  const next = safeCallbackPath(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold uppercase tracking-widest text-teal-700">Seller dashboard</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">TikTok Shop and your brand site, side by side.</p>
        </div>
        <SignInForm callbackUrl={next} />
      </div>
    </main>
  );
}
