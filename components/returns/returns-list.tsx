"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { describeDue, formatZoned, useNow } from "@/components/risk/clock";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTimeLeft } from "@/components/ui/time-left";
import { cn } from "@/components/ui/cn";
import type { ReturnListItem } from "@/lib/data/returns";
import { formatMoney } from "@/lib/format";
import { moneyLocale } from "@/lib/i18n/intl-locale";
import { DecisionForm } from "./decision-form";
import { SEVERITY_TONE } from "@/components/ui/tones";

const STATUS_TONE: Record<ReturnListItem["status"], BadgeTone> = { PENDING: "warning", APPROVED: "success", REFUSED: "neutral" };

export function ReturnsList({ items, now: serverNow, canDecide }: { items: ReturnListItem[]; now: string; canDecide: boolean }) {
  const now = useNow(serverNow);
  const t = useTranslations("returns.list");
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {notice ? (
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200" data-testid="returns-notice">
            {notice}
          </p>
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="returns-list">
          {items.map((item) => (
            <ReturnRow key={item.id} item={item} now={now} canDecide={canDecide} onDone={setNotice} />
          ))}
        </ol>
      )}
    </div>
  );
}

function ReturnRow({ item, now, canDecide, onDone }: { item: ReturnListItem; now: Date; canDecide: boolean; onDone: (message: string) => void }) {
  const [deciding, setDeciding] = useState(false);
  const t = useTranslations("returns");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  const timeLeft = useTimeLeft();
  const zone = item.store.timeZone;
  const due = item.respondBy ? describeDue(new Date(item.respondBy), now, zone, item.criticalHours, { locale, timeLeft }) : null;
  const money = formatMoney(item.refundMinor, item.currency, moneyLocale(item.currency, locale));
  const zoned = (instant: string) => formatZoned(new Date(instant), zone, now, locale);
  // "Approved 6 Nov 14:05 PST by ops@… · Parts missing · “note”": the decision, then what was recorded with it.
  const decision =
    item.status === "PENDING"
      ? null
      : [
          t("list.decision", {
            approved: String(item.status === "APPROVED"),
            hasAt: String(Boolean(item.decidedAt)),
            at: item.decidedAt ? zoned(item.decidedAt) : "",
            hasBy: String(Boolean(item.decidedBy)),
            by: item.decidedBy ?? "",
          }),
          item.refusalJustification ? t(`justification.${item.refusalJustification}`) : item.status === "REFUSED" ? t("list.noJustification") : null,
          item.decisionNote ? t("list.note", { note: item.decisionNote }) : null,
        ]
          .filter(Boolean)
          .join(" · ");
  // Pending requests can be decided; a refusal can be corrected (an imported one may lack a justification).
  const decidable = canDecide && item.status !== "APPROVED";

  return (
    <li
      id={`return-${item.id}`}
      className="scroll-mt-24 px-4 py-3 target:bg-amber-50/60"
      data-testid="return-item"
      data-status={item.status}
      data-reason={item.reason}
      data-channel={item.order.channel}
    >
      <div className="grid gap-2 md:grid-cols-[minmax(0,1.3fr)_minmax(0,1.4fr)_12rem_8rem] md:items-start md:gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-1.5">
            <Badge tone={STATUS_TONE[item.status]}>{t(`status.${item.status}`)}</Badge>
            <Badge tone={item.reason === "CHANGE_OF_MIND" ? "info" : "neutral"}>{t(`reason.${item.reason}`)}</Badge>
          </div>
          <Link
            href={`/orders/${item.order.id}`}
            className="mt-1 inline-block font-mono text-sm font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900"
          >
            {item.order.externalId}
          </Link>
          <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <Badge tone={item.order.channel === "TIKTOK_SHOP" ? "tiktok" : "brand"}>
              {item.order.channel === "TIKTOK_SHOP" ? t("list.tiktok") : tv("channel.BRAND_SITE")}
            </Badge>
            {item.store.name}
          </span>
        </div>
        <div className="min-w-0 text-sm">
          {item.buyerComment ? (
            <p className="text-slate-700">{t("list.comment", { comment: item.buyerComment })}</p>
          ) : (
            <p className="text-slate-400">{t("list.noComment")}</p>
          )}
          <p className="mt-0.5 text-xs text-slate-500">{t("list.requested", { at: zoned(item.requestedAt) })}</p>
          {decision ? <p className="mt-1 text-xs text-slate-600">{decision}</p> : null}
          {item.flags.map((f) => (
            <p key={f.rule} className="mt-1 flex items-start gap-1.5 text-xs text-rose-800">
              <Badge tone={SEVERITY_TONE[f.severity]}>{tv(`severity.${f.severity}`)}</Badge>
              <span>{f.reason}</span>
            </p>
          ))}
        </div>
        <div className="text-sm" data-testid="return-due">
          {due ? (
            <>
              <span className={cn("font-semibold", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-700")}>
                {due.overdue ? t("list.missedAutoApproved") : due.text}
              </span>
              <span className="block text-xs text-slate-500">{t("list.respondBy", { at: due.at })}</span>
            </>
          ) : item.status === "PENDING" ? (
            <span className="text-xs text-slate-500">{t("list.noDeadline")}</span>
          ) : (
            <span className="text-xs text-slate-400">{t("list.decided")}</span>
          )}
        </div>
        <div className="flex items-center justify-between gap-2 md:block md:text-right">
          <span className="text-sm font-semibold tabular-nums" title={t("list.refund")}>
            <span className="mr-1 text-xs font-normal text-slate-500 md:hidden">{t("list.refund")}</span>
            {money}
          </span>
          {decidable ? (
            <Button
              variant={deciding ? "secondary" : item.status === "PENDING" ? "primary" : "secondary"}
              className="py-1.5 md:mt-2"
              aria-expanded={deciding}
              onClick={() => setDeciding((v) => !v)}
            >
              {item.status === "PENDING" ? t("list.decide") : t("list.changeDecision")}
            </Button>
          ) : null}
        </div>
      </div>
      {deciding ? (
        <DecisionForm
          returnId={item.id}
          reason={item.reason}
          onCancel={() => setDeciding(false)}
          onDone={(message) => {
            setDeciding(false);
            onDone(t("list.notice", { order: item.order.externalId, message }));
          }}
        />
      ) : null}
    </li>
  );
}
