import type { Metadata } from "next";
import { LinkPage } from "@/components/alerts/link-page";
import { LINK_PROBLEMS } from "@/lib/alerts/links";
import { tokenFromPath, verifyLink } from "@/lib/alerts/link-tokens";
import { describeAlertItem } from "@/lib/data/alerts";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Acknowledge an alert", robots: { index: false, follow: false } };

// Opening the link changes nothing (mail scanners open links): the button posts the acknowledgement.
export default async function AcknowledgePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const check = verifyLink(getEnv().NEXTAUTH_SECRET, tokenFromPath(token), "ack", new Date());
  if (!check.ok) return <LinkPage testId={`ack-${check.problem}`} title="This link cannot be used" body={LINK_PROBLEMS[check.problem]} />;
  const item = await describeAlertItem(check.claims.o, check.claims.i);
  if (item.acknowledgedAt) {
    return (
      <LinkPage
        testId="ack-done"
        title={done ? "Acknowledged" : "Already acknowledged"}
        body={
          <>
            <p>{item.subject ?? "This item"}</p>
            <p className="mt-2">Acknowledged {formatInstant(item.acknowledgedAt, "UTC")}: it will not be escalated. Fixing it is still up to you.</p>
          </>
        }
      />
    );
  }
  return (
    <LinkPage
      testId="ack-confirm"
      title="Acknowledge this alert?"
      body={
        <>
          <p className="font-medium text-slate-800">{item.subject ?? "An alerted item"}</p>
          <p className="mt-2">Acknowledging tells the team someone is on it: it will not be escalated to the owner. It changes nothing else.</p>
        </>
      }
      form={{ action: "/api/alerts/ack", token: tokenFromPath(token), label: "Acknowledge" }}
    />
  );
}
