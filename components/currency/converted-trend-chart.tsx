"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, ChartContainer, ChartLegend, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { formatMoney, minorUnitsToDecimalString, numberFormat } from "@/lib/format";

export type ConvertedTrendChartProps = {
  /** Minor units of `currency` per day and channel; null on a day without a rate (a gap in the line). */
  points: { day: string; TIKTOK_SHOP: number | null; BRAND_SITE: number | null }[];
  /** The tooltip's heading per day, naming the rate day it was converted at. */
  labels: Record<string, string>;
  currency: string;
  locale: string;
  channelLabels: { TIKTOK_SHOP: string; BRAND_SITE: string };
  chartLabel: string;
};

const axis = { stroke: CHART_COLORS.axis, fontSize: 11, tickLine: false, axisLine: false } as const;

const shortDay = (day: unknown) => {
  const [, m, d] = String(day).split("-");
  return `${Number(d)}/${Number(m)}`;
};

export function ConvertedTrendChart({ points, labels, currency, locale, channelLabels, chartLabel }: ConvertedTrendChartProps) {
  const config: ChartConfig = {
    TIKTOK_SHOP: { label: channelLabels.TIKTOK_SHOP, color: CHART_COLORS.tiktok },
    BRAND_SITE: { label: channelLabels.BRAND_SITE, color: CHART_COLORS.brand },
  };
  const compact = (minor: number) =>
    numberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(
      minorUnitsToDecimalString(Math.round(minor), currency) as unknown as number,
    );
  return (
    <div className="space-y-2">
      <ChartLegend config={config} />
      <ChartContainer config={config} label={chartLabel}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} {...axis} />
          <YAxis width={60} tickFormatter={(v: number) => compact(v)} {...axis} />
          <Tooltip
            content={(p) => (
              <ChartTooltipContent
                active={p.active}
                payload={p.payload}
                label={p.label}
                config={config}
                formatLabel={(day) => labels[String(day)] ?? String(day)}
                formatValue={(v) => formatMoney(Math.round(v), currency, locale)}
              />
            )}
          />
          <Line
            type="monotone"
            dataKey="TIKTOK_SHOP"
            stroke="var(--color-TIKTOK_SHOP)"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="BRAND_SITE"
            stroke="var(--color-BRAND_SITE)"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartContainer>
    </div>
  );
}
