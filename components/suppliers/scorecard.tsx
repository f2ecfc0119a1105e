import { formatDays, formatRate } from "@/components/overview/kpi-format";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SupplierScorecard } from "@/lib/data/suppliers";
import { formatCount } from "@/lib/format";

/** Promise against reality for one supplier. Nothing here is money or buyer data. */
export function Scorecard({ card }: { card: SupplierScorecard }) {
  const outboundOver = card.medianOutboundHours !== null && card.medianOutboundHours > card.promisedOutboundHours;
  const deliveryOver = card.medianDeliveryDays !== null && card.medianDeliveryDays > card.promisedDeliveryDays;
  return (
    <Card data-testid={`supplier-${card.id}`}>
      <CardHeader
        title={card.name}
        description={`Ships from ${card.shipFromCountry} · ${formatCount(card.orders)} orders in the last 90 days`}
        action={card.openOrders > 0 ? <Badge tone="warning">{formatCount(card.openOrders)} open</Badge> : <Badge tone="success">Nothing open</Badge>}
      />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-4 px-4 py-4">
        <Stat
          label="Outbound (median)"
          value={card.medianOutboundHours === null ? "—" : `${card.medianOutboundHours.toFixed(1)} h`}
          hint={`promised ${card.promisedOutboundHours} h`}
          bad={outboundOver}
          testId="outbound"
        />
        <Stat
          label="Delivery (median)"
          value={formatDays(card.medianDeliveryDays)}
          hint={`promised ${card.promisedDeliveryDays} days · scan → delivered`}
          bad={deliveryOver}
          testId="delivery"
        />
        <Stat
          label="Late vs TikTok deadline"
          value={formatRate(card.deadlineLate, card.deadlineDue)}
          hint={`${formatCount(card.deadlineLate)} of ${formatCount(card.deadlineDue)} TikTok orders`}
          bad={card.deadlineDue > 0 && card.deadlineLate / card.deadlineDue > 0.04}
          testId="deadline-late"
        />
        <Stat
          label="Broke own outbound promise"
          value={formatRate(card.promiseBreached, card.promiseDue)}
          hint={`${formatCount(card.promiseBreached)} of ${formatCount(card.promiseDue)} orders over ${card.promisedOutboundHours} h`}
          bad={card.promiseDue > 0 && card.promiseBreached / card.promiseDue > 0.1}
          testId="promise-breached"
        />
        <Stat label="Open orders" value={formatCount(card.openOrders)} hint="waiting for the first carrier scan" testId="open-orders" />
        <Stat
          label="Invalid tracking"
          value={formatRate(card.invalidTracking, card.withTracking)}
          hint={`${formatCount(card.invalidTracking)} of ${formatCount(card.withTracking)} tracking numbers fail their check`}
          bad={card.withTracking > 0 && card.invalidTracking / card.withTracking > 0.05}
          testId="invalid-tracking"
        />
      </dl>
    </Card>
  );
}

function Stat({ label, value, hint, bad, testId }: { label: string; value: string; hint: string; bad?: boolean; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`mt-1 text-lg font-semibold tabular-nums ${bad ? "text-rose-700" : "text-slate-900"}`} data-testid={testId}>
        {value}
      </dd>
      <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd>
    </div>
  );
}
