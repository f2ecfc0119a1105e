import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DeliveryRow } from "@/lib/data/alerts";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";

const TONE: Record<DeliveryRow["status"], BadgeTone> = {
  SENT: "success",
  STORED: "warning",
  HELD: "info",
  PENDING: "neutral",
  FAILED: "critical",
  UNDELIVERABLE: "critical",
  CANCELLED: "neutral",
};

type LogT = Awaited<ReturnType<typeof getTranslations<"alerts.log">>>;

function leadLabel(t: LogT, lead: string): string {
  if (/^\d+h$/.test(lead)) return t("lead.hours", { hours: lead.slice(0, -1) });
  if (lead === "escalation") return t("lead.escalation");
  if (lead === "event") return t("lead.event");
  if (lead === "due") return t("lead.due");
  const digest = /^digest (\S+)$/.exec(lead);
  if (digest) return t("lead.digest", { date: digest[1] ?? "" });
  return lead;
}

/**
 * Why a delivery was held, cancelled or undeliverable, in the viewer's language. The alert pass
 * stores these reasons in English (lib/alerts/pass.ts: the CLI prints them, the log keeps them);
 * the known ones are worded here, anything else (a transport's own error) is shown as stored.
 */
// i18n-uses: alerts.status, alerts.log.reason
function reasonText(t: LogT, reason: string): string {
  const expired = /^expired after (\d+) attempts?; last: ([\s\S]*)$/.exec(reason);
  if (expired) return t("reason.expiredAfter", { count: Number(expired[1]), last: reasonText(t, expired[2] ?? "") });
  const superseded = /^superseded by the (.+) alert$/.exec(reason);
  if (superseded) return t("reason.superseded", { lead: superseded[1] === "later" ? t("reason.later") : (superseded[1] ?? "") });
  const known: Record<string, Parameters<LogT>[0]> = {
    "expired during quiet hours": "reason.expiredQuiet",
    "expired before it could be sent": "reason.expiredUnsent",
    "resolved before it was sent": "reason.resolved",
    "acknowledged before the escalation was sent": "reason.acknowledged",
    "the recipient's account is no longer active": "reason.inactive",
    "the channel was removed": "reason.channelRemoved",
    "Nothing open: no digest sent": "reason.nothingOpen",
    "SMTP_URL is not set: stored, not sent": "reason.stored",
  };
  const key = known[reason];
  return key ? t(key) : reason;
}

export async function DeliveryLog({ rows, timeZone, showRecipient }: { rows: DeliveryRow[]; timeZone: string; showRecipient: boolean }) {
  const [t, ta, locale] = await Promise.all([getTranslations("alerts.log"), getTranslations("alerts"), getLocale()]);
  const at = (instant: Date) => formatInstant(instant, timeZone, dateLocale(locale));
  return (
    <ul className="divide-y divide-slate-100" data-testid="delivery-log">
      {rows.map((d) => (
        <li key={d.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-4" data-testid="delivery-row">
          <div className="shrink-0 text-xs text-slate-500 sm:w-44">
            <p>{at(d.createdAt)}</p>
            <p>
              {ta(`kind.${d.channel}`)} · {leadLabel(t, d.lead)}
            </p>
          </div>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium break-words text-slate-800">{d.subject}</p>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              {showRecipient ? <span className="break-all">{t("to", { to: d.to })}</span> : null}
              {d.order ? (
                <Link href={`/orders/${d.order.id}`} className="text-teal-700 underline-offset-2 hover:underline">
                  {t("order", { order: d.order.externalId })}
                </Link>
              ) : null}
              {d.hasHtml ? (
                <Link href={`/alerts/${d.id}`} className="text-teal-700 underline-offset-2 hover:underline">
                  {t("viewEmail")}
                </Link>
              ) : null}
            </p>
            {d.lastError && d.status !== "SENT" && d.status !== "STORED" ? (
              <p className="mt-1 text-xs break-words text-slate-600">{reasonText(t, d.lastError)}</p>
            ) : null}
            {d.status === "HELD" || d.status === "FAILED" ? (
              <p className="mt-1 text-xs text-slate-500">{t("nextAttempt", { at: at(d.nextAttemptAt) })}</p>
            ) : null}
          </div>
          <div className="shrink-0">
            <Badge tone={TONE[d.status]}>{t(`status.${d.status}`)}</Badge>
            {d.attempts > 1 ? <span className="ml-2 text-xs text-slate-500">{t("attempts", { count: d.attempts })}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
