import { getTranslations } from "@/lib/i18n/server";
import { formatRate } from "@/components/overview/kpi-format";
import { getDurationFormat } from "@/components/stores/durations";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SupplierScorecard } from "@/lib/data/suppliers";
import { formatCount, numberFormat } from "@/lib/format";

/** Promise against reality for one supplier. Nothing here is money or buyer data. */
export async function Scorecard({ card }: { card: SupplierScorecard }) {
  const [t, duration] = await Promise.all([getTranslations("suppliers.scorecard"), getDurationFormat()]);
  const count = (n: number) => formatCount(n, duration.locale);
  const rate = (part: number, whole: number) => formatRate(part, whole, duration.locale);
  const outboundOver = card.medianOutboundHours !== null && card.medianOutboundHours > card.promisedOutboundHours;
  const deliveryOver = card.medianDeliveryDays !== null && card.medianDeliveryDays > card.promisedDeliveryDays;
  const oneDecimal = (value: number) => numberFormat(duration.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(value);
  return (
    <Card data-testid={`supplier-${card.id}`}>
      <CardHeader
        title={card.name}
        description={t("description", { country: card.shipFromCountry, orders: count(card.orders) })}
        action={
          card.openOrders > 0 ? <Badge tone="warning">{t("open", { count: count(card.openOrders) })}</Badge> : <Badge tone="success">{t("nothingOpen")}</Badge>
        }
      />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-4 px-4 py-4">
        <Stat
          label={t("outbound")}
          value={card.medianOutboundHours === null ? "—" : t("hours", { value: oneDecimal(card.medianOutboundHours) })}
          hint={t("outboundHint", { hours: card.promisedOutboundHours })}
          bad={outboundOver}
          testId="outbound"
        />
        <Stat
          label={t("delivery")}
          value={duration.days(card.medianDeliveryDays)}
          hint={t("deliveryHint", { days: card.promisedDeliveryDays })}
          bad={deliveryOver}
          testId="delivery"
        />
        <Stat
          label={t("deadlineLate")}
          value={rate(card.deadlineLate, card.deadlineDue)}
          hint={t("deadlineLateHint", { late: count(card.deadlineLate), due: count(card.deadlineDue) })}
          bad={card.deadlineDue > 0 && card.deadlineLate / card.deadlineDue > 0.04}
          testId="deadline-late"
        />
        <Stat
          label={t("promiseBreached")}
          value={rate(card.promiseBreached, card.promiseDue)}
          hint={t("promiseBreachedHint", { breached: count(card.promiseBreached), due: count(card.promiseDue), hours: card.promisedOutboundHours })}
          bad={card.promiseDue > 0 && card.promiseBreached / card.promiseDue > 0.1}
          testId="promise-breached"
        />
        <Stat label={t("openOrders")} value={count(card.openOrders)} hint={t("openOrdersHint")} testId="open-orders" />
        <Stat
          label={t("invalidTracking")}
          value={rate(card.invalidTracking, card.withTracking)}
          hint={t("invalidTrackingHint", { invalid: count(card.invalidTracking), total: count(card.withTracking) })}
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
