import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DeliveryRow } from "@/lib/data/alerts";
import { formatInstant } from "@/lib/format";

const STATUS: Record<DeliveryRow["status"], { label: string; tone: BadgeTone }> = {
  SENT: { label: "sent", tone: "success" },
  STORED: { label: "stored, not sent", tone: "warning" },
  HELD: { label: "held (quiet hours)", tone: "info" },
  PENDING: { label: "pending", tone: "neutral" },
  FAILED: { label: "failed, will retry", tone: "critical" },
  UNDELIVERABLE: { label: "undeliverable", tone: "critical" },
  CANCELLED: { label: "not needed", tone: "neutral" },
};
const CHANNEL = { EMAIL: "E-mail", SLACK: "Slack", WEBHOOK: "Webhook" } as const;

function leadLabel(lead: string): string {
  if (/^\d+h$/.test(lead)) return `${lead.slice(0, -1)} h before`;
  if (lead === "escalation") return "escalation";
  if (lead === "event") return "on the event";
  if (lead === "due") return "at the due instant";
  return lead;
}

export function DeliveryLog({ rows, timeZone, showRecipient }: { rows: DeliveryRow[]; timeZone: string; showRecipient: boolean }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="delivery-log">
      {rows.map((d) => {
        const status = STATUS[d.status];
        return (
          <li key={d.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-4" data-testid="delivery-row">
            <div className="shrink-0 text-xs text-slate-500 sm:w-44">
              <p>{formatInstant(d.createdAt, timeZone)}</p>
              <p>
                {CHANNEL[d.channel]} · {leadLabel(d.lead)}
              </p>
            </div>
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium break-words text-slate-800">{d.subject}</p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                {showRecipient ? <span className="break-all">to {d.to}</span> : null}
                {d.order ? (
                  <Link href={`/orders/${d.order.id}`} className="text-teal-700 underline-offset-2 hover:underline">
                    order {d.order.externalId}
                  </Link>
                ) : null}
                {d.hasHtml ? (
                  <Link href={`/alerts/${d.id}`} className="text-teal-700 underline-offset-2 hover:underline">
                    view e-mail
                  </Link>
                ) : null}
              </p>
              {d.lastError && d.status !== "SENT" && d.status !== "STORED" ? <p className="mt-1 text-xs break-words text-slate-600">{d.lastError}</p> : null}
              {d.status === "HELD" || d.status === "FAILED" ? (
                <p className="mt-1 text-xs text-slate-500">Next attempt {formatInstant(d.nextAttemptAt, timeZone)}</p>
              ) : null}
            </div>
            <div className="shrink-0">
              <Badge tone={status.tone}>{status.label}</Badge>
              {d.attempts > 1 ? <span className="ml-2 text-xs text-slate-500">{d.attempts} attempts</span> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
