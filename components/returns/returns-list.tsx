"use client";

import Link from "next/link";
import { useState } from "react";
import { describeDue, formatZoned, useNow } from "@/components/risk/clock";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import type { ReturnListItem } from "@/lib/data/returns";
import { formatMoney } from "@/lib/format";
import { JUSTIFICATION_LABEL, REASON_LABEL, STATUS_LABEL } from "@/lib/validations/returns";
import { DecisionForm } from "./decision-form";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { SEVERITY_LABEL } from "@/lib/vocabulary";

const STATUS_TONE: Record<ReturnListItem["status"], BadgeTone> = { PENDING: "warning", APPROVED: "success", REFUSED: "neutral" };

export function ReturnsList({ items, now: serverNow, canDecide }: { items: ReturnListItem[]; now: string; canDecide: boolean }) {
  const now = useNow(serverNow);
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
        <EmptyState title="No return requests here">Nothing matches these filters.</EmptyState>
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
  const zone = item.store.timeZone;
  const due = item.respondBy ? describeDue(new Date(item.respondBy), now, zone, item.criticalHours) : null;
  const money = formatMoney(item.refundMinor, item.currency, item.currency === "GBP" ? "en-GB" : "en-US");
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
            <Badge tone={STATUS_TONE[item.status]}>{STATUS_LABEL[item.status]}</Badge>
            <Badge tone={item.reason === "CHANGE_OF_MIND" ? "info" : "neutral"}>{REASON_LABEL[item.reason]}</Badge>
          </div>
          <Link
            href={`/orders/${item.order.id}`}
            className="mt-1 inline-block font-mono text-sm font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900"
          >
            {item.order.externalId}
          </Link>
          <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <Badge tone={item.order.channel === "TIKTOK_SHOP" ? "tiktok" : "brand"}>{item.order.channel === "TIKTOK_SHOP" ? "TikTok" : "Brand site"}</Badge>
            {item.store.name}
          </span>
        </div>
        <div className="min-w-0 text-sm">
          {item.buyerComment ? <p className="text-slate-700">“{item.buyerComment}”</p> : <p className="text-slate-400">No comment from the buyer</p>}
          <p className="mt-0.5 text-xs text-slate-500">Requested {formatZoned(new Date(item.requestedAt), zone, now)}</p>
          {item.status !== "PENDING" ? (
            <p className="mt-1 text-xs text-slate-600">
              {item.status === "APPROVED" ? "Approved" : "Refused"}
              {item.decidedAt ? ` ${formatZoned(new Date(item.decidedAt), zone, now)}` : ""}
              {item.decidedBy ? ` by ${item.decidedBy}` : ""}
              {item.refusalJustification
                ? ` · ${JUSTIFICATION_LABEL[item.refusalJustification]}`
                : item.status === "REFUSED"
                  ? " · no justification recorded"
                  : ""}
              {item.decisionNote ? ` · “${item.decisionNote}”` : ""}
            </p>
          ) : null}
          {item.flags.map((f) => (
            <p key={f.rule} className="mt-1 flex items-start gap-1.5 text-xs text-rose-800">
              <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABEL[f.severity]}</Badge>
              <span>{f.reason}</span>
            </p>
          ))}
        </div>
        <div className="text-sm" data-testid="return-due">
          {due ? (
            <>
              <span className={cn("font-semibold", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-700")}>
                {due.overdue ? "Missed — auto-approved by the platform" : due.text}
              </span>
              <span className="block text-xs text-slate-500">Respond by {due.at}</span>
            </>
          ) : item.status === "PENDING" ? (
            <span className="text-xs text-slate-500">No platform deadline (brand site)</span>
          ) : (
            <span className="text-xs text-slate-400">Decided</span>
          )}
        </div>
        <div className="flex items-center justify-between gap-2 md:block md:text-right">
          <span className="text-sm font-semibold tabular-nums" title="Refund">
            <span className="mr-1 text-xs font-normal text-slate-500 md:hidden">Refund</span>
            {money}
          </span>
          {decidable ? (
            <Button
              variant={deciding ? "secondary" : item.status === "PENDING" ? "primary" : "secondary"}
              className="py-1.5 md:mt-2"
              aria-expanded={deciding}
              onClick={() => setDeciding((v) => !v)}
            >
              {item.status === "PENDING" ? "Decide" : "Change decision"}
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
            onDone(`Order ${item.order.externalId}: ${message}`);
          }}
        />
      ) : null}
    </li>
  );
}
