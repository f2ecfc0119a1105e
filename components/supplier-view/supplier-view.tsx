import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { timeLeftIn } from "@/components/ui/time-left";
import { PageLinks, rowRange } from "@/components/ui/page-links";
import type { SupplierOrder, SupplierOrdersPage, SupplierScorecard } from "@/lib/data/supplier-view";
import { formatInstant, numberFormat } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

// The supplier's view of their orders (their own sign-in on the overview, and a share link):
// in the viewer's language, which for a warehouse is often Chinese. No prices, no buyer contact:
// lib/data/supplier-view.ts never reads them.

type ShownDispatch = Exclude<SupplierOrder["dispatch"], "not_applicable" | "dispatched_unknown">;
const DISPATCH_TONE: Record<ShownDispatch, BadgeTone> = {
  on_track: "success",
  due_soon: "warning",
  critical: "critical",
  overdue: "critical",
  dispatched_on_time: "success",
  dispatched_late: "warning",
};

/** formatInstant's own English (en-GB: "25 Nov 2026, 14:05 PST") stays the English. */
const instantLocale = (locale: Locale) => (locale === "en" ? undefined : locale);

export async function SupplierScorecardCard({ card }: { card: SupplierScorecard }) {
  const [t, locale] = await Promise.all([getTranslations("supplierView.scorecard"), getLocale()]);
  const percent = (share: number | null) => (share === null ? "—" : numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share));
  const decimal = (n: number) => numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  const late = card.tiktokDispatched30d ? card.tiktokLate30d / card.tiktokDispatched30d : null;
  const items = [
    { label: t("orders30d"), value: numberFormat(locale).format(card.orders30d) },
    {
      label: t("medianOutbound"),
      value: card.medianOutboundHours === null ? "—" : t("hours", { value: decimal(card.medianOutboundHours) }),
      note: t("promiseHours", { hours: card.promisedOutboundHours }),
    },
    { label: t("outboundWithinPromise"), value: percent(card.outboundWithinPromise) },
    { label: t("tiktokLate"), value: percent(late), note: t("lateOf", { late: card.tiktokLate30d, dispatched: card.tiktokDispatched30d }) },
    {
      label: t("medianDelivery"),
      value: card.medianDeliveryDays === null ? "—" : t("days", { value: decimal(card.medianDeliveryDays) }),
      note: t("promiseDays", { days: card.promisedDeliveryDays }),
    },
    { label: t("deliveredWithinPromise"), value: percent(card.deliveredWithinPromise) },
    { label: t("trackingProblems"), value: numberFormat(locale).format(card.trackingProblems) },
  ];
  return (
    <Card data-testid="supplier-scorecard">
      <CardHeader title={t("title", { supplier: card.supplierName })} description={t("description")} />
      <dl className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-4 lg:grid-cols-7">
        {items.map((item) => (
          <div key={item.label} className="min-w-0">
            <dt className="text-xs break-words text-slate-500">{item.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{item.value}</dd>
            {item.note ? <dd className="text-xs text-slate-500">{item.note}</dd> : null}
          </div>
        ))}
      </dl>
    </Card>
  );
}

export async function SupplierOrdersList({ orders, now }: { orders: SupplierOrder[]; now: Date }) {
  const [t, tv, tu, locale] = await Promise.all([getTranslations("supplierView.orders"), getTranslations("vocabulary"), getTranslations("ui"), getLocale()]);
  // i18n-uses: supplierView.dispatch (td(state) below)
  const td = await getTranslations("supplierView.dispatch");
  if (orders.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  const when = (instant: Date, zone: string) => formatInstant(instant, zone, instantLocale(locale));
  return (
    <ul className="space-y-3" aria-label={t("listLabel")}>
      {orders.map((o) => {
        const shown = o.dispatch in DISPATCH_TONE ? (o.dispatch as ShownDispatch) : null;
        return (
          <li key={o.id}>
            <Card className="p-4" data-testid="supplier-order">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-mono text-sm font-semibold break-all">{o.externalId}</p>
                  <p className="text-xs text-slate-500">{t("placed", { store: o.storeName, date: when(o.placedAt, o.timeZone) })}</p>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Badge>{tv(`status.${o.status}`).toLocaleLowerCase(locale)}</Badge>
                  {shown ? <Badge tone={DISPATCH_TONE[shown]}>{td(shown)}</Badge> : null}
                </div>
              </div>
              {o.dispatchDueAt && (o.dispatch === "on_track" || o.dispatch === "due_soon" || o.dispatch === "critical" || o.dispatch === "overdue") ? (
                <p className="mt-2 text-sm">
                  {t.rich("scanDue", {
                    deadline: when(o.dispatchDueAt, o.timeZone),
                    timeLeft: timeLeftIn(tu, o.dispatchDueAt, now),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </p>
              ) : null}
              <div className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
                <div className="min-w-0">
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("items")}</p>
                  <ul>
                    {o.lines.map((l, i) => (
                      <li key={`${l.sku}-${i}`} className="break-words">
                        {l.quantity} × {l.productName} <span className="font-mono text-xs text-slate-500">{l.sku}</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="min-w-0">
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("shipTo")}</p>
                  <p className="break-words">{[o.shipTo.city, o.shipTo.region, o.shipTo.postcode, o.shipTo.country].filter(Boolean).join(", ") || "—"}</p>
                </div>
                <div className="min-w-0">
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("tracking")}</p>
                  {o.trackingNumber ? (
                    <p className="break-words">
                      {o.carrier ?? t("unknownCarrier")} <span className="font-mono text-xs break-all">{o.trackingNumber}</span>
                      <br />
                      <span className={o.tracking?.valid ? "text-emerald-700" : "text-rose-700"}>{o.tracking?.reasonText}</span>
                    </p>
                  ) : (
                    <p className="text-slate-500">{t("noTracking")}</p>
                  )}
                </div>
              </div>
              {o.flags.length ? (
                <ul className="mt-3 space-y-1">
                  {o.flags.map((f) => (
                    <li key={f.rule} className="flex gap-2 text-sm">
                      <Badge tone={f.severity === "CRITICAL" ? "critical" : f.severity === "WARNING" ? "warning" : "info"} className="shrink-0 self-start">
                        {tv(`severity.${f.severity}`).toLocaleLowerCase(locale)}
                      </Badge>
                      <span className="min-w-0">{f.reasonText}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Page links under the supplier's orders (server-rendered, no script): previous, next and where
 * one is. `params` are the page's other query parameters, kept on every link.
 */
export async function SupplierOrdersPager({
  list,
  basePath,
  params = {},
}: {
  list: Omit<SupplierOrdersPage, "orders">;
  basePath: string;
  params?: Record<string, string>;
}) {
  if (list.pages <= 1) return null;
  const t = await getTranslations("supplierView.pager");
  const href = (page: number) => {
    const search = new URLSearchParams({ ...params, ...(page > 1 ? { page: String(page) } : {}) }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const text = {
    label: t("label"),
    summary: t("summary", { ...rowRange(list), total: list.total, page: list.page, pages: list.pages }),
    previous: t("previous"),
    next: t("next"),
  };
  return <PageLinks list={list} href={href} text={text} testId="supplier-pager" />;
}
