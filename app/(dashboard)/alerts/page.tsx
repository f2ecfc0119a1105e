import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { emailIsSent } from "@/lib/alerts/config";
import { requirePageUser } from "@/lib/auth";
import { countDeliveries, getAccountSettings, getAlertChannels, getDeliveryLog } from "@/lib/data/alerts";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

const PAGE = 25;
const MORE = 200;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ more?: string }> }) {
  const user = await requirePageUser();
  const more = (await searchParams).more === "1";
  const viewer = { ...scopeOf(user), userId: user.id };
  const owner = user.role === "OWNER";
  const sending = emailIsSent();
  const [account, rows, counts, channels, stored] = await Promise.all([
    getAccountSettings(user.id),
    getDeliveryLog(viewer, { limit: more ? MORE : PAGE }),
    countDeliveries(viewer),
    owner ? getAlertChannels(user.organizationId) : Promise.resolve([]),
    sending ? Promise.resolve([]) : getDeliveryLog(viewer, { status: "STORED", limit: 3 }),
  ]);
  const broken = channels.filter((c) => c.brokenAt);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Alerts</h1>
          <p className="text-sm text-slate-500">
            {owner ? "Every alert your organisation sent, held or failed to send." : "The alerts sent to you."} Times in your zone ({account.timeZone}).
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/account" className={buttonClasses("secondary")}>
            Your preferences
          </Link>
          {owner ? (
            <Link href="/alerts/settings" className={buttonClasses("primary")}>
              Alert settings
            </Link>
          ) : null}
        </div>
      </div>

      {!sending ? (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="smtp-missing">
          <p className="font-semibold">E-mail is not set up: alert e-mails are stored here, not sent.</p>
          <p className="mt-1">
            SMTP_URL is not set ({counts.STORED} stored so far). Set <code>SMTP_URL</code> (e.g. <code>smtp://user:pass@host:587</code>) and{" "}
            <code>ALERTS_FROM</code> to send them; Slack and webhook channels work without it.
          </p>
        </div>
      ) : null}

      {broken.length ? (
        <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900" data-testid="broken-channels">
          <p className="font-semibold">{broken.length === 1 ? "A channel is broken" : `${broken.length} channels are broken`}</p>
          <ul className="mt-1 space-y-0.5">
            {broken.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.name}</span>: {c.brokenReason} (since {formatInstant(c.brokenAt as Date, account.timeZone)}). Fix the URL in{" "}
                <Link href="/alerts/settings" className="underline">
                  alert settings
                </Link>
                .
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2" aria-label="Deliveries by state">
        <Badge tone="success">{counts.SENT} sent</Badge>
        {counts.STORED ? <Badge tone="warning">{counts.STORED} stored</Badge> : null}
        <Badge tone="info">{counts.HELD} held</Badge>
        <Badge tone="critical">{counts.FAILED} failing</Badge>
        <Badge tone="critical">{counts.UNDELIVERABLE} undeliverable</Badge>
      </div>

      {!sending && stored.length ? (
        <Card>
          <CardHeader title="Stored e-mails" description="What would have been sent, newest first: open one to see it as rendered" />
          <CardBody className="p-0">
            <DeliveryLog rows={stored} timeZone={account.timeZone} showRecipient />
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title="Delivery log"
          description={`The latest ${more ? MORE : PAGE}; each item, lead time and recipient is alerted once`}
          action={
            !more && rows.length === PAGE ? (
              <Link href="/alerts?more=1" className="text-sm text-teal-700 hover:underline">
                Show {MORE}
              </Link>
            ) : null
          }
        />
        {rows.length ? (
          <DeliveryLog rows={rows} timeZone={account.timeZone} showRecipient={owner} />
        ) : (
          <CardBody>
            <EmptyState title="No alerts yet">
              Alerts appear here as items reach their lead times. {owner ? "Choose who hears of what in alert settings." : null}
            </EmptyState>
          </CardBody>
        )}
      </Card>
    </div>
  );
}
