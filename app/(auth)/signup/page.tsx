import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth";
import { isSignUpAllowed } from "@/lib/env";

export const metadata: Metadata = { title: "Create your organisation" };
// ALLOW_SIGNUP is read when the page is requested, not when it was built.
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (!isSignUpAllowed()) notFound();
  if (await getSessionUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold tracking-widest text-teal-700 uppercase">Seller dashboard</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">Create your organisation</h1>
          <p className="mt-1 text-sm text-slate-500">You become its owner; add your stores and suppliers next.</p>
        </div>
        <SignUpForm />
        <p className="mt-4 text-center text-sm text-slate-600">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-teal-700 hover:underline">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
