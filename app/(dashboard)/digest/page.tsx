import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { CopySummary } from "@/components/digest/copy-summary";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { SEVERITY_LABEL } from "@/lib/vocabulary";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth";
import { getDigest } from "@/lib/data/digest";
import { scopeOf } from "@/lib/data/scope";
import { digestText } from "@/lib/digest-text";
import { formatCount, formatInstant } from "@/lib/format";
import { ruleTitle } from "@/lib/policy";
import { getSettings } from "@/lib/env";

export const metadata: Metadata = { title: "Daily digest" };

/** What ops must do today: the risk queue summed up, and the same as text to send. Staff only. */
export default async function DigestPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const now = new Date();
  const digest = await getDigest(scopeOf(user), now, await getLocale());
  const { totals } = digest;
  const queueUrl = new URL("/risk", getSettings().NEXTAUTH_URL ?? `http://localhost:${getSettings().PORT}`).toString();
  const tiles = [
    { label: "Open flags", value: totals.open, href: "/risk" },
    { label: "Overdue", value: totals.overdue, href: "/risk", tone: totals.overdue > 0 ? "text-rose-700" : "" },
    { label: `Due in ${digest.dueSoonHours} h`, value: totals.dueSoon, href: "/risk", tone: totals.dueSoon > 0 ? "text-amber-700" : "" },
    { label: "Critical", value: totals.critical, href: "/risk", tone: totals.critical > 0 ? "text-rose-700" : "" },
    {
      label: `Missed returns (${digest.missedReturns.days} d)`,
      value: digest.missedReturns.count,
      href: "/returns?status=PENDING",
      tone: digest.missedReturns.count > 0 ? "text-rose-700" : "",
    },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Daily digest</h1>
        <p className="text-sm text-slate-500">
          What needs doing today across every store, as of {formatInstant(now, "UTC")}. The same flags and order as the{" "}
          <Link className="underline" href="/risk">
            risk queue
          </Link>
          .
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="digest-totals">
        {tiles.map((t) => (
          <Link key={t.label} href={t.href} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300">
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${t.tone ?? ""}`} data-total={t.label}>
              {formatCount(t.value)}
            </dd>
          </Link>
        ))}
      </dl>

      <Card>
        <CardHeader
          title="Most urgent"
          description={`The first ${digest.urgent.length} of ${formatCount(totals.open)} open flags: overdue first, then least time left`}
        />
        {digest.urgent.length === 0 ? (
          <EmptyState title="Nothing is open">No flag needs action right now.</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="digest-urgent">
            {digest.urgent.map((item) => (
              <li key={item.key} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-3">
                <Badge tone={SEVERITY_TONE[item.severity]} className="self-start">
                  {SEVERITY_LABEL[item.severity]}
                </Badge>
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">
                    {ruleTitle(item.rule)}
                    {item.store ? <span className="font-normal text-slate-500"> · {item.store.name}</span> : null}
                    {item.order ? (
                      <>
                        {" · "}
                        <Link className="font-normal underline" href={`/orders/${item.order.id}`}>
                          {item.order.externalId}
                        </Link>
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600">{item.reasonText}</p>
                </div>
                <p className={`shrink-0 text-sm tabular-nums ${item.overdue ? "font-medium text-rose-700" : "text-slate-600"}`}>
                  {item.dueAt ? `${item.overdue ? "Overdue since" : "Due"} ${formatInstant(item.dueAt, item.store?.timeZone ?? "UTC")}` : "No deadline"}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="By rule" />
          <ul className="divide-y divide-slate-100">
            {digest.rules.map((r) => (
              <li key={r.rule} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                <Link className="min-w-0 truncate hover:underline" href={`/risk?rule=${encodeURIComponent(r.rule)}`}>
                  {r.title}
                </Link>
                <span className="shrink-0 text-slate-600 tabular-nums">
                  {formatCount(r.count)} · {formatCount(r.overdue)} overdue · {formatCount(r.critical)} critical
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title="By store" />
          <ul className="divide-y divide-slate-100">
            {digest.stores.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                <Link className="min-w-0 truncate hover:underline" href={`/risk?store=${encodeURIComponent(s.id)}`}>
                  {s.name}
                </Link>
                <span className="shrink-0 text-slate-600 tabular-nums">
                  {formatCount(s.open)} open · {formatCount(s.critical)} critical
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <Card>
        <CardHeader title="Send it" description="A plain-text summary for e-mail or chat" />
        <div className="px-4 py-3">
          <CopySummary text={digestText(digest, queueUrl)} subject={`Daily digest: ${digest.organization}`} />
        </div>
      </Card>
    </div>
  );
}
