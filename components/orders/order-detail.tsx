import { ArrowLeft, CircleAlert, CircleCheck, ExternalLink, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { PushState } from "@/lib/channels/push";
import type { OrderDetail } from "@/lib/data/orders";
import { formatInstant, formatMoney } from "@/lib/format";
import { type TrackingResult, buildTrackingUrl, validateTracking } from "@/lib/policy/tracking";
import { Countdown } from "./countdown";
import { CHANNEL_TONE, SEVERITY_TONE, STATUS_TONE } from "@/components/ui/tones";
import { CHANNEL_LABEL, LABEL_SOURCE_LABEL, SEVERITY_LABEL, STATUS_LABEL, ruleTitleFrom } from "@/lib/vocabulary";
import { awaitsDispatch, moneyLocale } from "./labels";

type Props = { order: OrderDetail; now: Date; ruleTitles: Record<string, string> };

const FULFILLMENT_LABEL = {
  SELLER_SHIPPING: "Seller shipping",
  UPGRADED_TIKTOK_SHIPPING: "Upgraded TikTok Shipping",
  COLLECTIONS_BY_TIKTOK: "Collections by TikTok",
  FULFILLED_BY_TIKTOK: "Fulfilled by TikTok",
} as const;

export function OrderHeader({ order, now }: Omit<Props, "ruleTitles">) {
  return (
    <div className="space-y-2">
      <Link
        href="/orders"
        className="inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900"
      >
        <ArrowLeft aria-hidden className="size-4" /> Orders
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold break-all">Order {order.externalId}</h1>
        <Badge tone={CHANNEL_TONE[order.channel]}>{CHANNEL_LABEL[order.channel]}</Badge>
        <Badge tone={STATUS_TONE[order.status]} data-testid="order-status">
          {STATUS_LABEL[order.status]}
        </Badge>
        {awaitsDispatch(order) && order.dispatchDueAt ? <Countdown deadline={order.dispatchDueAt} now={now} alert={order.dispatchAlertHours} /> : null}
        {order.fulfillmentType !== "SELLER_SHIPPING" ? (
          <Badge tone={order.fulfillmentType === "FULFILLED_BY_TIKTOK" ? "info" : "neutral"} data-testid="fulfillment-type">
            {FULFILLMENT_LABEL[order.fulfillmentType]}
          </Badge>
        ) : null}
      </div>
      {order.onHold?.active ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900" data-testid="on-hold">
          On Hold — do not ship yet: the buyer may cancel until {formatInstant(order.onHold.until, order.store.timeZone)}. The dispatch clock runs from the
          order time all the same.
        </p>
      ) : null}
      {order.fulfillmentType === "FULFILLED_BY_TIKTOK" ? (
        <p className="text-sm text-slate-600">
          Fulfilled by TikTok: TikTok dispatches this order, so it has no seller dispatch deadline, auto-cancel clock, label or tracking checks.
        </p>
      ) : null}
      <p className="text-sm text-slate-500">
        {order.store.name} · placed {formatInstant(order.placedAt, order.store.timeZone)}
        {order.money ? <> · {formatMoney(order.money.totalMinor, order.money.currency, moneyLocale(order.money.currency))}</> : null}
      </p>
    </div>
  );
}

export function FlagsCard({ order, ruleTitles }: Omit<Props, "now">) {
  return (
    <Card>
      <CardHeader title="Flags" description="Open findings of the policy engine for this order" />
      <CardBody>
        {order.flags.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <CircleCheck aria-hidden className="size-4 text-emerald-600" /> No open flags.
          </p>
        ) : (
          <ul className="space-y-3" data-testid="order-flags">
            {order.flags.map((f) => (
              <li key={f.rule} className="flex gap-3">
                <Badge tone={SEVERITY_TONE[f.severity]} className="h-fit shrink-0">
                  {SEVERITY_LABEL[f.severity]}
                </Badge>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {ruleTitleFrom(f.rule, ruleTitles)}
                    {f.upcoming ? <span className="ml-2 text-xs font-normal text-amber-800">upcoming rule</span> : null}
                  </p>
                  <p className="text-slate-600">{f.reasonText}</p>
                  {f.dueAt ? <p className="text-xs text-slate-500">Due {formatInstant(f.dueAt, order.store.timeZone)}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

export function LinesCard({ order }: Pick<Props, "order">) {
  const money = order.money;
  const fmt = (minor: number) => (money ? formatMoney(minor, money.currency, moneyLocale(money.currency)) : "");
  return (
    <Card>
      <CardHeader title="Lines" description={`${order.lines.length} ${order.lines.length === 1 ? "line" : "lines"}`} />
      <Table label="Order lines">
        <thead>
          <tr>
            <Th className="hidden sm:table-cell">SKU</Th>
            <Th>Product</Th>
            <Th className="text-right">Qty</Th>
            {money ? <Th className="hidden text-right sm:table-cell">Unit price</Th> : null}
            {money ? <Th className="text-right">Line total</Th> : null}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.position}>
              <Td className="hidden font-mono text-xs whitespace-nowrap sm:table-cell">{l.sku}</Td>
              <Td>
                {l.productName}
                <span className="block font-mono text-xs text-slate-500 sm:hidden">{l.sku}</span>
              </Td>
              <Td className="text-right tabular-nums">{l.quantity}</Td>
              {money && l.unitPriceMinor !== undefined ? (
                <Td className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{fmt(l.unitPriceMinor)}</Td>
              ) : null}
              {money && l.unitPriceMinor !== undefined ? (
                <Td className="text-right whitespace-nowrap tabular-nums">{fmt(l.unitPriceMinor * l.quantity)}</Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {money ? (
        <div className="flex items-baseline justify-end gap-4 px-3 py-2 text-sm">
          <span className="text-slate-600">Order total (incl. shipping)</span>
          <span className="font-semibold tabular-nums" data-testid="order-total">
            {fmt(money.totalMinor)}
          </span>
        </div>
      ) : null}
    </Card>
  );
}

/** Alerts about the order (lib/data/alerts.ts getOrderAlerts), shown as "Alert sent to …" steps. */
export type TimelineAlert = { at: Date; to: string; stored: boolean };

const PUSH_LABEL = { PENDING: "Tracking write-back queued", SENT: "Tracking written back to the platform", FAILED: "Tracking write-back failed" } as const;

export function TimelineCard({ order, now, alerts = [], pushes }: Omit<Props, "ruleTitles"> & { alerts?: TimelineAlert[]; pushes?: PushState[] }) {
  const zone = order.store.timeZone;
  const deadline = order.dispatchDueAt;
  const steps: { label: string; at: Date | null; note?: string; tone?: "late" | "due" }[] = [
    { label: "Placed", at: order.placedAt },
    ...(order.onHold
      ? [{ label: "On Hold until (do not ship before)", at: order.onHold.until, tone: order.onHold.active ? ("due" as const) : undefined }]
      : []),
    { label: "Paid", at: order.paidAt },
  ];
  if (deadline) {
    const late = order.inTransitAt ? order.inTransitAt > deadline : deadline < now;
    steps.push({
      label: "Dispatch deadline",
      at: deadline,
      note: late ? (order.inTransitAt ? "dispatched late" : "passed") : undefined,
      tone: late ? "late" : "due",
    });
  }
  steps.push({ label: "In transit (first carrier scan)", at: order.inTransitAt }, { label: "Delivered", at: order.deliveredAt });
  if (order.cancelledAt || order.status === "CANCELLED") steps.push({ label: "Cancelled", at: order.cancelledAt });
  // The write-back's pushes, oldest first, after the order's own steps.
  for (const p of [...(pushes ?? [])].reverse()) {
    steps.push({
      label: PUSH_LABEL[p.status],
      at: p.sentAt ?? p.createdAt,
      note: p.status === "FAILED" ? (p.message ?? undefined) : undefined,
      tone: p.status === "FAILED" ? "late" : undefined,
    });
  }
  for (const a of alerts) steps.push({ label: a.stored ? `Alert stored for ${a.to} (e-mail not set up)` : `Alert sent to ${a.to}`, at: a.at });
  // Alerts and write-backs sit among the order's own events in time order; steps not yet reached stay last.
  if (alerts.length || pushes?.length) steps.sort((x, y) => (x.at && y.at ? x.at.getTime() - y.at.getTime() : x.at ? -1 : y.at ? 1 : 0));
  return (
    <Card>
      <CardHeader title="Timeline" description={`In the store's zone (${zone})`} />
      <CardBody>
        <ol className="relative space-y-3 border-l border-slate-200 pl-4" data-testid="order-timeline">
          {steps.map((s, i) => (
            <li key={`${i}-${s.label}`} className="relative">
              <span
                aria-hidden
                className={cn(
                  "absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full ring-2 ring-white",
                  s.tone === "late" ? "bg-rose-600" : s.tone === "due" ? "bg-amber-500" : s.at ? "bg-slate-900" : "bg-slate-300",
                )}
              />
              <p className="text-sm font-medium text-slate-800">{s.label}</p>
              <p className={cn("text-sm", s.at ? "text-slate-600" : "text-slate-400")}>
                {s.at ? formatInstant(s.at, zone) : "Not yet"}
                {s.note ? <span className="ml-2 font-medium text-rose-700">{s.note}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}

const TRACKING_TONE: Record<TrackingResult["status"], { tone: "success" | "critical" | "warning" | "neutral"; label: string }> = {
  valid: { tone: "success", label: "Valid" },
  invalid: { tone: "critical", label: "Invalid" },
  mismatch: { tone: "warning", label: "Carrier mismatch" },
  unverified: { tone: "neutral", label: "Not verifiable" },
};

export function TrackingCard({ order }: Pick<Props, "order">) {
  const number = order.trackingNumber;
  const result = number ? validateTracking(number, order.carrier) : null;
  // Link to the carrier the number really belongs to when the order names another one.
  const url = number ? buildTrackingUrl(result?.status === "mismatch" && result.carrier ? result.carrier : order.carrier, number) : null;
  const status = result ? TRACKING_TONE[result.status] : null;
  return (
    <Card>
      <CardHeader title="Shipping" />
      <CardBody className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
          <dt className="text-slate-500">Carrier</dt>
          <dd>{order.carrier ?? "—"}</dd>
          <dt className="text-slate-500">Tracking</dt>
          <dd className="font-mono text-xs leading-5 break-all" data-testid="tracking-number">
            {number ?? <span className="font-sans text-sm text-slate-400">None yet</span>}
          </dd>
          <dt className="text-slate-500">Label</dt>
          <dd>{LABEL_SOURCE_LABEL[order.labelSource]}</dd>
          <dt className="text-slate-500">Ships from</dt>
          <dd>{order.shipFromCountry ?? "—"}</dd>
          {order.supplier ? (
            <>
              <dt className="text-slate-500">Supplier</dt>
              <dd>{order.supplier.name}</dd>
            </>
          ) : null}
        </dl>
        {result && status ? (
          <div className={cn("flex gap-2 rounded-lg p-2", result.valid ? "bg-emerald-50" : "bg-amber-50")} data-testid="tracking-validity">
            {result.valid ? (
              <CircleCheck aria-hidden className="size-4 shrink-0 text-emerald-700" />
            ) : (
              <TriangleAlert aria-hidden className="size-4 shrink-0 text-amber-700" />
            )}
            <div>
              <Badge tone={status.tone}>{status.label}</Badge>
              <p className="mt-1 text-slate-700">{result.reason}</p>
            </div>
          </div>
        ) : order.channel === "TIKTOK_SHOP" && order.status !== "CANCELLED" ? (
          <p className="flex items-center gap-2 text-slate-600">
            <CircleAlert aria-hidden className="size-4 text-amber-600" /> No tracking number uploaded yet.
          </p>
        ) : null}
        {url ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 rounded font-medium text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-slate-900"
          >
            Track with {result?.status === "mismatch" && result.carrier ? result.carrier : order.carrier} <ExternalLink aria-hidden className="size-3.5" />
            <span className="sr-only">(opens the carrier&apos;s site)</span>
          </a>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function BuyerCard({ order }: Pick<Props, "order">) {
  const place = [order.shipTo.city, order.shipTo.region, order.shipTo.postcode, order.shipTo.country].filter(Boolean).join(", ");
  return (
    <Card>
      <CardHeader title={order.buyer ? "Buyer and ship-to" : "Ship-to"} description={order.buyer ? undefined : "Buyer details are not shared with suppliers"} />
      <CardBody className="text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5" data-testid="ship-to">
          {order.buyer ? (
            <>
              <dt className="text-slate-500">Name</dt>
              <dd>{order.buyer.name ?? "—"}</dd>
              <dt className="text-slate-500">E-mail</dt>
              <dd className="break-all">{order.buyer.email ?? "—"}</dd>
              <dt className="text-slate-500">Phone</dt>
              <dd>{order.buyer.phone ?? "—"}</dd>
              <dt className="text-slate-500">Street</dt>
              <dd>{[order.buyer.address1, order.buyer.address2].filter(Boolean).join(", ") || "—"}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Place</dt>
          <dd>{place || "—"}</dd>
        </dl>
      </CardBody>
    </Card>
  );
}
