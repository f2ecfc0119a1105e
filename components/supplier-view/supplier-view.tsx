import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";
import type { SupplierOrder, SupplierOrdersPage, SupplierScorecard } from "@/lib/data/supplier-view";
import { formatInstant } from "@/lib/format";
import { formatTimeLeft } from "@/lib/policy/duration";

const DISPATCH: Partial<Record<SupplierOrder["dispatch"], { label: string; tone: BadgeTone }>> = {
  on_track: { label: "On track", tone: "success" },
  due_soon: { label: "Due soon", tone: "warning" },
  critical: { label: "Critical", tone: "critical" },
  overdue: { label: "Overdue", tone: "critical" },
  dispatched_on_time: { label: "Dispatched on time", tone: "success" },
  dispatched_late: { label: "Dispatched late", tone: "warning" },
};

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
const oneDecimal = (n: number | null, unit: string) => (n === null ? "—" : `${Math.round(n * 10) / 10} ${unit}`);

export function SupplierScorecardCard({ card }: { card: SupplierScorecard }) {
  const late = card.tiktokDispatched30d ? card.tiktokLate30d / card.tiktokDispatched30d : null;
  const items = [
    { label: "Orders (30 days)", value: String(card.orders30d) },
    { label: "Median outbound", value: oneDecimal(card.medianOutboundHours, "h"), note: `promise ${card.promisedOutboundHours} h` },
    { label: "Outbound within promise", value: percent(card.outboundWithinPromise) },
    { label: "TikTok dispatched late", value: percent(late), note: `${card.tiktokLate30d} of ${card.tiktokDispatched30d}` },
    { label: "Median delivery", value: oneDecimal(card.medianDeliveryDays, "days"), note: `promise ${card.promisedDeliveryDays} days` },
    { label: "Delivered within promise", value: percent(card.deliveredWithinPromise) },
    { label: "Tracking problems", value: String(card.trackingProblems) },
  ];
  return (
    <Card data-testid="supplier-scorecard">
      <CardHeader title={`${card.supplierName} · SLA scorecard`} description="Last 30 days, against your own promises" />
      <dl className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-4 lg:grid-cols-7">
        {items.map((item) => (
          <div key={item.label}>
            <dt className="text-xs text-slate-500">{item.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{item.value}</dd>
            {item.note ? <dd className="text-xs text-slate-500">{item.note}</dd> : null}
          </div>
        ))}
      </dl>
    </Card>
  );
}

export function SupplierOrdersList({ orders, now }: { orders: SupplierOrder[]; now: Date }) {
  if (orders.length === 0)
    return <EmptyState title="No orders assigned">Orders assigned to you in the last 30 days and every open one appear here.</EmptyState>;
  return (
    <ul className="space-y-3" aria-label="Assigned orders">
      {orders.map((o) => {
        const state = DISPATCH[o.dispatch];
        return (
          <li key={o.id}>
            <Card className="p-4" data-testid="supplier-order">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="font-mono text-sm font-semibold">{o.externalId}</p>
                  <p className="text-xs text-slate-500">
                    {o.storeName} · placed {formatInstant(o.placedAt, o.timeZone)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Badge>{o.status.replaceAll("_", " ").toLowerCase()}</Badge>
                  {state ? <Badge tone={state.tone}>{state.label}</Badge> : null}
                </div>
              </div>
              {o.dispatchDueAt && (o.dispatch === "on_track" || o.dispatch === "due_soon" || o.dispatch === "critical" || o.dispatch === "overdue") ? (
                <p className="mt-2 text-sm">
                  Carrier scan due by <strong>{formatInstant(o.dispatchDueAt, o.timeZone)}</strong> · {formatTimeLeft(o.dispatchDueAt, now)}
                </p>
              ) : null}
              <div className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
                <div>
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Items</p>
                  <ul>
                    {o.lines.map((l, i) => (
                      <li key={`${l.sku}-${i}`}>
                        {l.quantity} × {l.productName} <span className="font-mono text-xs text-slate-500">{l.sku}</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Ship to</p>
                  <p>{[o.shipTo.city, o.shipTo.region, o.shipTo.postcode, o.shipTo.country].filter(Boolean).join(", ") || "—"}</p>
                </div>
                <div>
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Tracking</p>
                  {o.trackingNumber ? (
                    <p>
                      {o.carrier ?? "Unknown carrier"} <span className="font-mono text-xs">{o.trackingNumber}</span>
                      <br />
                      <span className={o.tracking?.valid ? "text-emerald-700" : "text-rose-700"}>{o.tracking?.reasonText}</span>
                    </p>
                  ) : (
                    <p className="text-slate-500">No tracking yet</p>
                  )}
                </div>
              </div>
              {o.flags.length ? (
                <ul className="mt-3 space-y-1">
                  {o.flags.map((f) => (
                    <li key={f.rule} className="flex gap-2 text-sm">
                      <Badge tone={f.severity === "CRITICAL" ? "critical" : f.severity === "WARNING" ? "warning" : "info"}>{f.severity.toLowerCase()}</Badge>
                      <span>{f.reasonText}</span>
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
export function SupplierOrdersPager({
  list,
  basePath,
  params = {},
}: {
  list: Omit<SupplierOrdersPage, "orders">;
  basePath: string;
  params?: Record<string, string>;
}) {
  if (list.pages <= 1) return null;
  const href = (page: number) => {
    const search = new URLSearchParams({ ...params, ...(page > 1 ? { page: String(page) } : {}) }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-200 hover:bg-slate-50";
  return (
    <nav aria-label="Pages of assigned orders" className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="supplier-pager">
      <p className="text-slate-500">
        Orders {first}–{last} of {list.total} · page {list.page} of {list.pages}
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link className={link} href={href(list.page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {list.page < list.pages ? (
          <Link className={link} href={href(list.page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
