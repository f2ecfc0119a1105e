"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, ChartContainer, ChartLegend, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { dateFormat, formatMoney, minorUnitsToDecimalString, numberFormat } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { localeOf } from "./kpi-format";

export type TrendChartsProps = {
  /** null: each store's days in its own zone (all stores). */
  timeZone: string | null;
  orders: { day: string; TIKTOK_SHOP: number; BRAND_SITE: number }[];
  revenue: { currency: string; points: { day: string; TIKTOK_SHOP: number; BRAND_SITE: number }[] }[];
  lateWeekly: { week: string; weekStart: string; late: number; total: number }[];
  /** TikTok's late-dispatch line in percent, drawn as a reference. */
  lateThresholdPercent: number;
};

/** Axis ticks: "5/11" in English (day/month), the viewer's own short date otherwise ("5-11", "11/5"). */
const shortDayIn = (locale: string) => (day: unknown) => {
  const [, m, d] = String(day).split("-");
  if (locale === "en") return `${Number(d)}/${Number(m)}`;
  return dateFormat(locale, { day: "numeric", month: "numeric", timeZone: "UTC" }).format(new Date(`${String(day)}T00:00:00Z`));
};
const longDayIn = (locale: string) => (day: unknown) =>
  dateFormat(intlLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${String(day)}T00:00:00Z`));
const axis = { stroke: CHART_COLORS.axis, fontSize: 11, tickLine: false, axisLine: false } as const;

export function TrendCharts({ timeZone, orders, revenue, lateWeekly, lateThresholdPercent }: TrendChartsProps) {
  const t = useTranslations("overview.charts");
  const locale = useLocale();
  const channels: ChartConfig = useMemo(
    () => ({
      TIKTOK_SHOP: { label: t("tiktok"), color: CHART_COLORS.tiktok },
      BRAND_SITE: { label: t("brandWebsite"), color: CHART_COLORS.brand },
    }),
    [t],
  );
  const lateConfig: ChartConfig = useMemo(() => ({ rate: { label: t("lateRate"), color: CHART_COLORS.warning } }), [t]);
  const shortDay = shortDayIn(locale);
  const longDay = longDayIn(locale);
  const percent = (v: number) =>
    locale === "en" ? `${v.toFixed(1)}%` : `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)}%`;
  const [currency, setCurrency] = useState(revenue.find((r) => r.currency === "USD")?.currency ?? revenue[0]?.currency ?? null);
  const series = revenue.find((r) => r.currency === currency);
  const late = lateWeekly.map((w) => ({ ...w, rate: w.total > 0 ? (100 * w.late) / w.total : 0 }));
  const zoneNote = timeZone === null ? t("zoneAll") : t("zoneOne", { zone: timeZone });

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="trend-charts">
      <Card>
        <CardHeader title={t("ordersTitle")} description={zoneNote} action={<ChartLegend config={channels} />} />
        <CardBody>
          <ChartContainer config={channels} label={t("ordersChart")}>
            <LineChart data={orders} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
              <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} {...axis} />
              <YAxis allowDecimals={false} width={48} {...axis} />
              <Tooltip content={(p) => <ChartTooltipContent active={p.active} payload={p.payload} label={p.label} config={channels} formatLabel={longDay} />} />
              <Line type="monotone" dataKey="TIKTOK_SHOP" stroke="var(--color-TIKTOK_SHOP)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="BRAND_SITE" stroke="var(--color-BRAND_SITE)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ChartContainer>
        </CardBody>
      </Card>

      {revenue.length > 0 ? (
        <Card>
          <CardHeader
            title={t("revenueTitle")}
            description={t("revenueDescription", { zoneNote })}
            action={
              <div role="group" aria-label={t("currency")} className="inline-flex rounded-lg bg-slate-100 p-0.5">
                {revenue.map((r) => (
                  <button
                    key={r.currency}
                    type="button"
                    aria-pressed={r.currency === currency}
                    onClick={() => setCurrency(r.currency)}
                    className={cn(
                      "rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-slate-900",
                      r.currency === currency ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                    )}
                  >
                    {r.currency}
                  </button>
                ))}
              </div>
            }
          />
          <CardBody>
            {series ? (
              <ChartContainer config={channels} label={t("revenueChart", { currency: series.currency })}>
                <LineChart data={series.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
                  <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} {...axis} />
                  <YAxis width={56} tickFormatter={(v: number) => compactMoney(v, series.currency, locale)} {...axis} />
                  <Tooltip
                    content={(p) => (
                      <ChartTooltipContent
                        active={p.active}
                        payload={p.payload}
                        label={p.label}
                        config={channels}
                        formatLabel={longDay}
                        formatValue={(v) => formatMoney(Math.round(v), series.currency, localeOf(series.currency, locale))}
                      />
                    )}
                  />
                  <Line type="monotone" dataKey="TIKTOK_SHOP" stroke="var(--color-TIKTOK_SHOP)" strokeWidth={2} dot={false} isAnimationActive={false} />
                  <Line type="monotone" dataKey="BRAND_SITE" stroke="var(--color-BRAND_SITE)" strokeWidth={2} dot={false} isAnimationActive={false} />
                </LineChart>
              </ChartContainer>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      <Card className={revenue.length > 0 ? "lg:col-span-2" : undefined}>
        <CardHeader title={t("lateTitle")} description={t("lateDescription", { zone: timeZone ?? t("eachStoresZone"), limit: lateThresholdPercent })} />
        <CardBody>
          {late.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-500">{t("lateEmpty")}</p>
          ) : (
            <ChartContainer config={lateConfig} label={t("lateChart")} className="h-48 sm:h-56">
              <BarChart data={late} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
                <XAxis dataKey="week" {...axis} />
                <YAxis width={48} tickFormatter={(v: number) => `${locale === "en" ? v : numberFormat(locale).format(v)}%`} {...axis} />
                <Tooltip
                  cursor={{ fill: "#f1f5f9" }}
                  content={(p) => (
                    <ChartTooltipContent
                      active={p.active}
                      payload={p.payload}
                      label={p.label}
                      config={lateConfig}
                      formatLabel={(l) => {
                        const w = late.find((x) => x.week === l);
                        return w ? t("lateTooltip", { week: w.week, late: w.late, total: w.total }) : String(l);
                      }}
                      formatValue={percent}
                    />
                  )}
                />
                <ReferenceLine y={lateThresholdPercent} stroke={CHART_COLORS.tiktok} strokeDasharray="4 4" />
                <Bar dataKey="rate" fill="var(--color-rate)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ChartContainer>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

/**
 * Axis ticks: "$1.2K" from minor units (display only; the figures on the cards are exact). The
 * narrow symbol ("$", not "US$"): the currency is named by the toggle above, and the ticks must fit.
 */
function compactMoney(minor: number, currency: string, locale: string): string {
  return numberFormat(localeOf(currency, locale), {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(minorUnitsToDecimalString(Math.round(minor), currency) as unknown as number);
}
