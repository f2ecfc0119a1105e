"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import type { RiskItemJson } from "@/lib/data/risk";
import { RISK_PAGE_SIZE } from "@/lib/validations/risk";
import { CHANNEL_TONE, SEVERITY_TONE } from "@/components/ui/tones";
import { useTimeLeft } from "@/components/ui/time-left";
import { describeDue, useNow } from "./clock";
import { LabelSourceForm } from "./label-source-form";
import { TrackingFixForm } from "./tracking-fix-form";

export type RiskQueueData = { items: RiskItemJson[]; total: number; now: string };

export const riskQueryKey = (params: string) => ["risk", params] as const;

async function fetchQueue(params: string, failed: (status: number) => string): Promise<RiskQueueData> {
  const response = await fetch(`/api/risk${params ? `?${params}` : ""}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as RiskQueueData & { message?: string };
  if (!response.ok) throw new Error(body.message ?? failed(response.status));
  return body;
}

/** A flag's reason in the viewer's language: the API's `reasonText` once it sends one, else the English `reason`. */
const reasonOf = (item: RiskItemJson & { reasonText?: string | null }) => item.reasonText ?? item.reason;

/** The queue, prefetched on the server and kept fresh by react-query after every fix. */
export function RiskQueue({ initial, params, page, canEdit }: { initial: RiskQueueData; params: string; page: number; canEdit: boolean }) {
  const t = useTranslations("risk.queue");
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: riskQueryKey(params),
    queryFn: () => fetchQueue(params, (status) => t("loadFailed", { status: String(status) })),
    initialData: initial,
  });
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
          {t("openFlags", { count: total })}
          <span className="ml-2 font-normal text-slate-500">{t("order")}</span>
        </h2>
        {query.isFetching ? <span className="text-xs text-slate-500">{t("refreshing")}</span> : null}
      </div>
      <div aria-live="polite">
        {notice ? (
          <p
            className="flex items-start justify-between gap-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
            data-testid="risk-notice"
          >
            <span>{notice}</span>
            <button type="button" className="text-xs underline" onClick={() => setNotice(null)}>
              {t("dismiss")}
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
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="risk-queue">
          {items.map((item) => (
            <RiskRow key={item.key} item={item} now={now} canEdit={canEdit} onDone={done} />
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center justify-between gap-2 text-sm">
          {page > 1 ? (
            <Link className={buttonClasses("secondary")} href={pageHref(page - 1)}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">{t("pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link className={buttonClasses("secondary")} href={pageHref(page + 1)}>
              {t("next")}
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
  const t = useTranslations("risk.queue");
  const tv = useTranslations("vocabulary");
  const tf = useTranslations("risk.fix");
  const locale = useLocale();
  const timeLeft = useTimeLeft();
  const zone = item.store?.timeZone ?? "UTC";
  // Urgency is the server's severity (the organisation's thresholds), the countdown only the words.
  const due = item.dueAt ? describeDue(new Date(item.dueAt), now, zone, 0, { locale, timeLeft }) : null;
  if (due && item.severity === "CRITICAL") due.urgent = true;
  const order = item.order;
  const isReturn = item.subjectType === "RETURN";
  const showTracking = canEdit && order && !isReturn && TRACKING_FIXABLE.test(item.rule);
  const showLabel = canEdit && order && !isReturn && order.channel === "TIKTOK_SHOP" && item.rule.startsWith("label.");

  return (
    <li className="px-4 py-3" data-testid="risk-item" data-rule={item.rule} data-order={order?.externalId ?? ""}>
      <div className="grid gap-2 md:grid-cols-[6.5rem_minmax(0,1fr)_13rem_14rem] md:items-start md:gap-4">
        <div className="flex items-center gap-2 md:block">
          <Badge tone={SEVERITY_TONE[item.severity]}>{tv(`severity.${item.severity}`)}</Badge>
          {/* On a phone the countdown sits next to the badge, where the eye starts. */}
          {due ? (
            <span className={cn("text-xs font-semibold md:hidden", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-600")}>
              {due.text}
            </span>
          ) : null}
        </div>
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-900">{item.title}</p>
          <p className="mt-0.5 text-sm text-slate-600">{reasonOf(item)}</p>
        </div>
        <div className="text-sm" data-testid="risk-due">
          {due ? (
            <>
              <span className={cn("hidden font-semibold md:inline", due.overdue ? "text-rose-700" : due.urgent ? "text-amber-800" : "text-slate-700")}>
                {due.text}
              </span>
              <span className="block text-xs text-slate-500">
                {t.rich("dueAt", { at: due.at, phone: (chunks) => <span className="md:hidden">{chunks}</span> })}
              </span>
            </>
          ) : (
            <span className="text-xs text-slate-500">{t("noDeadline")}</span>
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
                <Badge tone={CHANNEL_TONE[order.channel]}>{tv(`channel.${order.channel}`)}</Badge>
                {item.store?.name}
              </span>
              {order.trackingNumber ? (
                <span className="mt-0.5 block truncate font-mono text-xs text-slate-500" title={`${order.carrier ?? "?"} ${order.trackingNumber}`}>
                  {order.carrier ?? t("noCarrier")} · {order.trackingNumber}
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
            {order.trackingNumber ? t("correctTracking") : t("addTracking")}
          </Button>
        ) : null}
        {isReturn ? (
          <Link className={buttonClasses("primary", "py-1.5")} href={`/returns?status=PENDING#return-${item.subjectId}`}>
            {t("decideReturn")}
          </Link>
        ) : null}
        {order ? (
          <Link className={buttonClasses("secondary", "py-1.5")} href={`/orders/${order.id}`}>
            {t("openOrder")}
          </Link>
        ) : null}
        {showLabel ? (
          <LabelSourceForm orderId={order.id} externalId={order.externalId} current={order.labelSource} onDone={onDone} />
        ) : order && order.labelSource !== "UNKNOWN" && !isReturn ? (
          <span className="text-xs text-slate-500">{t("label", { source: labelSourceWord(tv, order.labelSource) })}</span>
        ) : null}
      </div>
      {fixing && showTracking ? (
        <TrackingFixForm
          orderId={order.id}
          externalId={order.externalId}
          carrier={order.carrier}
          trackingNumber={order.trackingNumber}
          warning={order.channel === "TIKTOK_SHOP" && order.trackingNumber ? tf("editWarning") : null}
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

const LABEL_SOURCES = ["TIKTOK_SHIPPING", "SELLER", "UNKNOWN"] as const;

/** The label source's word, or the stored value itself if it is one the vocabulary does not know. */
function labelSourceWord(tv: ReturnType<typeof useTranslations<"vocabulary">>, source: string): string {
  const known = LABEL_SOURCES.find((s) => s === source);
  return known ? tv(`labelSource.${known}`) : source;
}
