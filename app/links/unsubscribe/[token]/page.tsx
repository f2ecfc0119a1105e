import type { Metadata } from "next";
import { LinkPage } from "@/components/alerts/link-page";
import { LINK_PROBLEMS } from "@/lib/alerts/links";
import { tokenFromPath, verifyLink } from "@/lib/alerts/link-tokens";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unsubscribe from the daily digest", robots: { index: false, follow: false } };

export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const raw = tokenFromPath(token);
  const check = verifyLink(getEnv().NEXTAUTH_SECRET, raw, "unsubscribe", new Date());
  if (!check.ok) return <LinkPage testId={`unsubscribe-${check.problem}`} title="This link cannot be used" body={LINK_PROBLEMS[check.problem]} />;
  if (done)
    return (
      <LinkPage
        testId="unsubscribe-done"
        title="Unsubscribed"
        body="You will no longer receive the daily digest. Alerts about single items still come; change both on your account page."
      />
    );
  return (
    <LinkPage
      testId="unsubscribe-confirm"
      title="Stop the daily digest?"
      body="You will no longer receive the daily digest e-mail. Alerts about single items are not affected."
      form={{ action: "/api/alerts/unsubscribe", token: raw, label: "Unsubscribe" }}
    />
  );
}
