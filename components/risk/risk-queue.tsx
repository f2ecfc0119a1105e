"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import type { RiskItemJson } from "@/lib/data/risk";
import { RISK_PAGE_SIZE } from "@/lib/validations/risk";
import { CHANNEL_LABEL, LABEL_SOURCE_LABEL, SEVERITY_LABEL } from "@/lib/vocabulary";
import { CHANNEL_TONE, SEVERITY_TONE } from "@/components/ui/tones";
import { describeDue, useNow } from "./clock";
import { LabelSourceForm } from "./label-source-form";
import { TIKTOK_EDIT_WARNING, TrackingFixForm } from "./tracking-fix-form";

export type RiskQueueData = { items: RiskItemJson[]; total: number; now: string };

export const riskQueryKey = (params: string) => ["risk", params] as const;

async function fetchQueue(params: string): Promise<RiskQueueData> {
  const response = await fetch(`/api/risk${params ? `?${params}` : ""}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as RiskQueueData & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `The queue could not be loaded (${response.status}).`);
  return body;
}

/** The queue, prefetched on the server and kept fresh by react-query after every fix. */
export function RiskQueue({ initial, params, page, canEdit }: { initial: RiskQueueData; params: string; page: number; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: riskQueryKey(params), queryFn: () => fetchQueue(params), initialData: initial });
  const [notice, setNotice] = useState<string | null>(null);
  const now = useNow(query.data.now);
  const { items, total } = query.data;

  const done = (message: string) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: ["risk"] });
  };

  const pages = Math.max(1, Math.ceil(total / RISK_PAGE_SIZE));
  const pageHref = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete("page");
    else next.set("page", String(p));
    const qs = next.toString();
    return qs ? `/risk?${qs}` : "/risk";
  };

  return (
    <section aria-labelledby="queue-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="queue-heading" className="text-sm font-semibold text-slate-800">
          {total === 1 ? "1 open flag" : `${total.toLocaleString("en-US")} open flags`}
          <span className="ml-2 font-normal text-slate-500">overdue first, then least time left, then severity</span>
        </h2>
        {query.isFetching ? <span className="text-xs text-slate-500">Refreshing…</span> : null}
      </div>
      <div aria-live="polite">
        {notice ? (
          <p
            className="flex items-start justify-between gap-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
            data-testid="risk-notice"
          >
            <span>{notice}</span>
            <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      {query.isError ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
          {query.error.message}
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title="Nothing at risk here">No open flags match these filters. Orders are re-checked whenever they change.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="risk-queue">
          {items.map((item) => (
            <RiskRow key={item.key} item={item} now={now} canEdit={canEdit} onDone={done} />
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label="Queue pages" className="flex items-center justify-between gap-2 text-sm">
          {page > 1 ? (
            <Link className={buttonClasses("secondary")} href={pageHref(page - 1)}>
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link className={buttonClasses("secondary")} href={pageHref(page + 1)}>
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}

const TRACKING_FIXABLE = /^(tracking\.|fulfillment\.|label\.)/;

function RiskRow({ item, now, canEdit, onDone }: { item: RiskItemJson; now: Date; canEdit: boolean; onDone: (message: string) => void }) {
  const [fixing, setFixing] = useState(false);
  const zone = item.store?.timeZone ?? "UTC";
  // Urgency is the server's severity (the organisation's thresholds), the countdown only the words.
  const due = item.dueAt ? describeDue(new Date(item.dueAt), now, zone, 0) : null;
  if (due && item.severity === "CRITICAL") due.urgent = true;
  const order = item.order;
  const isReturn = item.subjectType === "RETURN";
  const showTracking = canEdit && order && !isReturn && TRACKING_FIXABLE.test(item.rule);
  const showLabel = canEdit && order && !isReturn && order.channel === "TIKTOK_SHOP" && item.rule.startsWith("label.");

  return (
    <li className="px-4 py-3" data-testid="risk-item" data-rule={item.rule} data-order={order?.externalId ?? ""}>
      <div className="grid gap-2 md:grid-cols-[6.5rem_minmax(0,1fr)_13rem_14rem] md:items-start md:gap-4">
        <div className="flex items-center gap-2 md:block">
          <Badge tone={SEVERITY_TONE[item.severity]}>{SEVERITY_LABEL[item.severity]}</Badge>
          {/* On a phone the countdown sits next to the badge, where the eye starts. */}
          {due ? (
            <span className={cn("text-xs font-semibold md:hidden", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-600")}>
              {due.text}
            </span>
          ) : null}
        </div>
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-900">{item.title}</p>
          <p className="mt-0.5 text-sm text-slate-600">{item.reasonText}</p>
        </div>
        <div className="text-sm" data-testid="risk-due">
          {due ? (
            <>
              <span className={cn("hidden font-semibold md:inline", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-700")}>
                {due.text}
              </span>
              <span className="block text-xs text-slate-500">
                <span className="md:hidden">Due </span>
                {due.at}
              </span>
            </>
          ) : (
            <span className="text-xs text-slate-500">No deadline</span>
          )}
        </div>
        <div className="min-w-0 text-sm">
          {order ? (
            <>
              <Link
                href={`/orders/${order.id}`}
                className="font-mono text-sm font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-slate-900"
              >
                {order.externalId}
              </Link>
              <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                <Badge tone={CHANNEL_TONE[order.channel]}>{CHANNEL_LABEL[order.channel]}</Badge>
                {item.store?.name}
              </span>
              {order.trackingNumber ? (
                <span className="mt-0.5 block truncate font-mono text-xs text-slate-500" title={`${order.carrier ?? "?"} ${order.trackingNumber}`}>
                  {order.carrier ?? "No carrier"} · {order.trackingNumber}
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-xs text-slate-500">{item.store?.name ?? "—"}</span>
          )}
        </div>
      </div>

      <div className="mt-2 flex flex-wrap items-center gap-2 md:pl-[7.5rem]">
        {showTracking ? (
          <Button variant={fixing ? "secondary" : "primary"} className="py-1.5" aria-expanded={fixing} onClick={() => setFixing((v) => !v)}>
            {order.trackingNumber ? "Correct tracking" : "Add tracking"}
          </Button>
        ) : null}
        {isReturn ? (
          <Link className={buttonClasses("primary", "py-1.5")} href={`/returns?status=PENDING#return-${item.subjectId}`}>
            Decide the return
          </Link>
        ) : null}
        {order ? (
          <Link className={buttonClasses("secondary", "py-1.5")} href={`/orders/${order.id}`}>
            Open order
          </Link>
        ) : null}
        {showLabel ? (
          <LabelSourceForm orderId={order.id} externalId={order.externalId} current={order.labelSource} onDone={onDone} />
        ) : order && order.labelSource !== "UNKNOWN" && !isReturn ? (
          <span className="text-xs text-slate-500">Label: {LABEL_SOURCE_LABEL[order.labelSource as keyof typeof LABEL_SOURCE_LABEL] ?? order.labelSource}</span>
        ) : null}
      </div>
      {fixing && showTracking ? (
        <TrackingFixForm
          orderId={order.id}
          externalId={order.externalId}
          carrier={order.carrier}
          trackingNumber={order.trackingNumber}
          warning={order.channel === "TIKTOK_SHOP" && order.trackingNumber ? TIKTOK_EDIT_WARNING : null}
          onCancel={() => setFixing(false)}
          onDone={(message) => {
            setFixing(false);
            onDone(message);
          }}
        />
      ) : null}
    </li>
  );
}
