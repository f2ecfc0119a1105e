import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ChannelKpis, Money } from "@/lib/data/overview";
import { formatCount, formatMoney } from "@/lib/format";
import { formatHours, formatRate, localeOf } from "./kpi-format";
import { CHANNEL_LABEL } from "@/lib/vocabulary";
import { ConvertedFigure } from "@/components/currency/converted-figure";
import type { ConvertedKpis } from "@/lib/data/reporting-currency";

/**
 * Both channels side by side. Money is shown per currency (a US and a UK store are never added
 * together); a supplier's cards carry no money, returns or buyer figures at all (the data layer
 * leaves them out).
 */
export function ChannelKpiGrid({ kpis, converted }: { kpis: ChannelKpis[]; converted?: ConvertedKpis | null }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {kpis.map((k) => (
        <Card key={k.channel} className="p-4 sm:p-5" data-testid={`channel-${k.channel}`}>
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-800">{CHANNEL_LABEL[k.channel]}</h2>
            <Badge tone={k.channel === "TIKTOK_SHOP" ? "tiktok" : "brand"}>{k.channel === "TIKTOK_SHOP" ? "Acquisition" : "Home of the brand"}</Badge>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-5">
            <Figure label="Orders" testId="orders" big>
              {formatCount(k.orders)}
            </Figure>
            {k.revenue ? (
              <Figure label="Revenue" testId="revenue" big>
                <MoneyList values={k.revenue} />
                <ConvertedFigure figure={converted?.channels.find((c) => c.channel === k.channel)?.revenue} testId="revenue-converted" />
              </Figure>
            ) : null}
            {k.aov ? (
              <Figure label="Avg. order value" testId="aov">
                <MoneyList values={k.aov} />
                <ConvertedFigure figure={converted?.channels.find((c) => c.channel === k.channel)?.aov} testId="aov-converted" />
              </Figure>
            ) : null}
            <Figure label="Median time to dispatch" testId="median-dispatch" hint={`${formatCount(k.dispatched)} dispatched · placed → first carrier scan`}>
              {formatHours(k.medianDispatchHours)}
            </Figure>
            <Figure
              label="Late dispatch"
              testId="late-rate"
              hint={
                k.lateDispatch.basis === "DEADLINE"
                  ? `${formatCount(k.lateDispatch.late)} of ${formatCount(k.lateDispatch.total)} deadlines in the period missed`
                  : `${formatCount(k.lateDispatch.late)} of ${formatCount(k.lateDispatch.total)} over 48 h (our brand-site standard)`
              }
              tone={k.lateDispatch.basis === "DEADLINE" && k.lateDispatch.total > 0 && k.lateDispatch.late / k.lateDispatch.total > 0.04 ? "bad" : undefined}
            >
              <span data-late={k.lateDispatch.late} data-total={k.lateDispatch.total}>
                {formatRate(k.lateDispatch.late, k.lateDispatch.total)}
              </span>
            </Figure>
            {k.returns ? (
              <Figure
                label="Return rate"
                testId="return-rate"
                hint={`${formatCount(k.returns.returned)} of ${formatCount(k.returns.delivered)} delivered orders`}
              >
                {formatRate(k.returns.returned, k.returns.delivered)}
              </Figure>
            ) : null}
            {k.repeat ? (
              <Figure
                label="Repeat customers"
                testId="repeat-rate"
                hint={`${formatCount(k.repeat.repeatBuyers)} of ${formatCount(k.repeat.buyers)} buyers had ordered before`}
              >
                {formatRate(k.repeat.repeatBuyers, k.repeat.buyers)}
              </Figure>
            ) : k.repeatPending ? (
              <Figure label="Repeat customers" testId="repeat-rate-pending" hint="Still being computed: shown when you next open or refresh this page">
                …
              </Figure>
            ) : null}
          </dl>
        </Card>
      ))}
    </div>
  );
}

function Figure({
  label,
  testId,
  hint,
  big,
  tone,
  children,
}: {
  label: string;
  testId: string;
  hint?: string;
  big?: boolean;
  tone?: "bad";
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd
        className={`mt-1 font-semibold tabular-nums ${big ? "text-2xl" : "text-lg"} ${tone === "bad" ? "text-rose-700" : "text-slate-900"}`}
        data-testid={testId}
      >
        {children}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

function MoneyList({ values }: { values: Money[] }) {
  if (values.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <>
      {values.map((r) => (
        <span key={r.currency} className="block" data-currency={r.currency} data-minor={r.minor.toString()}>
          {formatMoney(r.minor, r.currency, localeOf(r.currency))}
        </span>
      ))}
    </>
  );
}
