"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, ChartContainer, ChartLegend, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { dateFormat, formatMoney, minorUnitsToDecimalString, numberFormat } from "@/lib/format";
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

const CHANNELS: ChartConfig = {
  TIKTOK_SHOP: { label: "TikTok Shop", color: CHART_COLORS.tiktok },
  BRAND_SITE: { label: "Brand website", color: CHART_COLORS.brand },
};
const LATE: ChartConfig = { rate: { label: "Late-dispatch rate", color: CHART_COLORS.warning } };

const shortDay = (day: unknown) => {
  const [, m, d] = String(day).split("-");
  return `${Number(d)}/${Number(m)}`;
};
const longDay = (day: unknown) =>
  dateFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${String(day)}T00:00:00Z`));
const axis = { stroke: CHART_COLORS.axis, fontSize: 11, tickLine: false, axisLine: false } as const;

export function TrendCharts({ timeZone, orders, revenue, lateWeekly, lateThresholdPercent }: TrendChartsProps) {
  const [currency, setCurrency] = useState(revenue.find((r) => r.currency === "USD")?.currency ?? revenue[0]?.currency ?? null);
  const series = revenue.find((r) => r.currency === currency);
  const late = lateWeekly.map((w) => ({ ...w, rate: w.total > 0 ? (100 * w.late) / w.total : 0 }));
  const zoneNote = timeZone === null ? "Days: each store's local date (all stores)" : `Days in ${timeZone}`;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="trend-charts">
      <Card>
        <CardHeader title="Orders per day" description={zoneNote} action={<ChartLegend config={CHANNELS} />} />
        <CardBody>
          <ChartContainer config={CHANNELS} label="Line chart of orders per day for TikTok Shop and the brand website">
            <LineChart data={orders} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
              <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} {...axis} />
              <YAxis allowDecimals={false} width={48} {...axis} />
              <Tooltip content={(p) => <ChartTooltipContent active={p.active} payload={p.payload} label={p.label} config={CHANNELS} formatLabel={longDay} />} />
              <Line type="monotone" dataKey="TIKTOK_SHOP" stroke="var(--color-TIKTOK_SHOP)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line type="monotone" dataKey="BRAND_SITE" stroke="var(--color-BRAND_SITE)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ChartContainer>
        </CardBody>
      </Card>

      {revenue.length > 0 ? (
        <Card>
          <CardHeader
            title="Revenue per day"
            description={`${zoneNote} · one currency at a time, never converted`}
            action={
              <div role="group" aria-label="Currency" className="inline-flex rounded-lg bg-slate-100 p-0.5">
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
              <ChartContainer config={CHANNELS} label={`Line chart of ${series.currency} revenue per day for both channels`}>
                <LineChart data={series.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
                  <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} {...axis} />
                  <YAxis width={56} tickFormatter={(v: number) => compactMoney(v, series.currency)} {...axis} />
                  <Tooltip
                    content={(p) => (
                      <ChartTooltipContent
                        active={p.active}
                        payload={p.payload}
                        label={p.label}
                        config={CHANNELS}
                        formatLabel={longDay}
                        formatValue={(v) => formatMoney(Math.round(v), series.currency, localeOf(series.currency))}
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
        <CardHeader
          title="TikTok late-dispatch rate per week"
          description={`ISO weeks of the dispatch deadline (${timeZone ?? "each store's zone"}) · dashed line: TikTok's ${lateThresholdPercent}% limit`}
        />
        <CardBody>
          {late.length === 0 ? (
            <p className="py-8 text-center text-sm text-slate-500">No TikTok dispatch deadlines fell in this period.</p>
          ) : (
            <ChartContainer config={LATE} label="Bar chart of the TikTok late-dispatch rate per ISO week" className="h-48 sm:h-56">
              <BarChart data={late} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
                <XAxis dataKey="week" {...axis} />
                <YAxis width={48} tickFormatter={(v: number) => `${v}%`} {...axis} />
                <Tooltip
                  cursor={{ fill: "#f1f5f9" }}
                  content={(p) => (
                    <ChartTooltipContent
                      active={p.active}
                      payload={p.payload}
                      label={p.label}
                      config={LATE}
                      formatLabel={(l) => {
                        const w = late.find((x) => x.week === l);
                        return w ? `${w.week} · ${w.late} of ${w.total} late` : String(l);
                      }}
                      formatValue={(v) => `${v.toFixed(1)}%`}
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

/** Axis ticks: "$1.2K" from minor units (display only; the figures on the cards are exact). */
function compactMoney(minor: number, currency: string): string {
  return numberFormat(localeOf(currency), { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(
    minorUnitsToDecimalString(Math.round(minor), currency) as unknown as number,
  );
}
