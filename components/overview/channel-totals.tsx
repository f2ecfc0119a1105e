import { useLocale, useTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ChannelKpis, Money } from "@/lib/data/overview";
import { formatMoney, numberFormat } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { formatRate, localeOf } from "./kpi-format";
import { ConvertedFigure } from "@/components/currency/converted-figure";
import type { ConvertedKpis } from "@/lib/data/reporting-currency";

/**
 * Both channels side by side. Money is shown per currency (a US and a UK store are never added
 * together); a supplier's cards carry no money, returns or buyer figures at all (the data layer
 * leaves them out).
 */
export function ChannelKpiGrid({ kpis, converted }: { kpis: ChannelKpis[]; converted?: ConvertedKpis | null }) {
  const t = useTranslations("overview.kpi");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  const numbers = intlLocale(locale, "en-US");
  const count = (n: number) => numberFormat(numbers).format(n);
  const rate = (part: number, whole: number) => formatRate(part, whole, numbers);
  /** Hours as "31.2 h" (under two days) or "2.6 days", as kpi-format's formatHours, in words of the viewer's language. */
  const hours = (h: number | null) => {
    if (h === null || !Number.isFinite(h)) return "—";
    const n = (value: number) => numberFormat(numbers, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
    return h < 48 ? t("hours", { hours: n(h) }) : t("days", { days: n(h / 24) });
  };
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {kpis.map((k) => (
        <Card key={k.channel} className="p-4 sm:p-5" data-testid={`channel-${k.channel}`}>
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-800">{tv(`channel.${k.channel}`)}</h2>
            <Badge tone={k.channel === "TIKTOK_SHOP" ? "tiktok" : "brand"}>{k.channel === "TIKTOK_SHOP" ? t("acquisition") : t("homeOfTheBrand")}</Badge>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-5">
            <Figure label={t("orders")} testId="orders" big>
              {count(k.orders)}
            </Figure>
            {k.revenue ? (
              <Figure label={t("revenue")} testId="revenue" big>
                <MoneyList values={k.revenue} locale={locale} />
                <ConvertedFigure figure={converted?.channels.find((c) => c.channel === k.channel)?.revenue} testId="revenue-converted" />
              </Figure>
            ) : null}
            {k.aov ? (
              <Figure label={t("aov")} testId="aov">
                <MoneyList values={k.aov} locale={locale} />
                <ConvertedFigure figure={converted?.channels.find((c) => c.channel === k.channel)?.aov} testId="aov-converted" />
              </Figure>
            ) : null}
            <Figure label={t("medianDispatch")} testId="median-dispatch" hint={t("medianDispatchHint", { count: k.dispatched })}>
              {hours(k.medianDispatchHours)}
            </Figure>
            <Figure
              label={t("lateDispatch")}
              testId="late-rate"
              hint={
                k.lateDispatch.basis === "DEADLINE"
                  ? t("lateDispatchHintDeadline", { late: k.lateDispatch.late, total: k.lateDispatch.total })
                  : t("lateDispatchHintBrand", { late: k.lateDispatch.late, total: k.lateDispatch.total })
              }
              tone={k.lateDispatch.basis === "DEADLINE" && k.lateDispatch.total > 0 && k.lateDispatch.late / k.lateDispatch.total > 0.04 ? "bad" : undefined}
            >
              <span data-late={k.lateDispatch.late} data-total={k.lateDispatch.total}>
                {rate(k.lateDispatch.late, k.lateDispatch.total)}
              </span>
            </Figure>
            {k.returns ? (
              <Figure label={t("returnRate")} testId="return-rate" hint={t("returnRateHint", { returned: k.returns.returned, delivered: k.returns.delivered })}>
                {rate(k.returns.returned, k.returns.delivered)}
              </Figure>
            ) : null}
            {k.repeat ? (
              <Figure label={t("repeat")} testId="repeat-rate" hint={t("repeatHint", { repeat: k.repeat.repeatBuyers, buyers: k.repeat.buyers })}>
                {rate(k.repeat.repeatBuyers, k.repeat.buyers)}
              </Figure>
            ) : k.repeatPending ? (
              <Figure label={t("repeat")} testId="repeat-rate-pending" hint={t("repeatPending")}>
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
        className={`mt-1 font-semibold tabular-nums ${big ? "text-xl sm:text-2xl" : "text-lg"} ${tone === "bad" ? "text-rose-700" : "text-slate-900"}`}
        data-testid={testId}
      >
        {children}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

function MoneyList({ values, locale }: { values: Money[]; locale: string }) {
  if (values.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <>
      {values.map((r) => (
        <span key={r.currency} className="block" data-currency={r.currency} data-minor={r.minor.toString()}>
          {formatMoney(r.minor, r.currency, localeOf(r.currency, locale))}
        </span>
      ))}
    </>
  );
}
