import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { SupplierOrder, SupplierScorecard } from "@/lib/data/supplier-view";
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
  if (orders.length === 0) return <EmptyState title="No orders assigned">Orders assigned to you in the last 30 days and every open one appear here.</EmptyState>;
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
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Items</p>
                  <ul>
                    {o.lines.map((l, i) => (
                      <li key={`${l.sku}-${i}`}>
                        {l.quantity} × {l.productName} <span className="font-mono text-xs text-slate-500">{l.sku}</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Ship to</p>
                  <p>{[o.shipTo.city, o.shipTo.region, o.shipTo.postcode, o.shipTo.country].filter(Boolean).join(", ") || "—"}</p>
                </div>
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Tracking</p>
                  {o.trackingNumber ? (
                    <p>
                      {o.carrier ?? "Unknown carrier"} <span className="font-mono text-xs">{o.trackingNumber}</span>
                      <br />
                      <span className={o.tracking?.valid ? "text-emerald-700" : "text-rose-700"}>{o.tracking?.reason}</span>
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
                      <span>{f.reason}</span>
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
