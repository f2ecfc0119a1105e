"use client";

import { useLocale } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendChartProps = {
  label: string;
  threshold: number;
  direction: "max" | "min";
  points: { week: string; value: number | null; numerator: number; denominator: number }[];
  /** The chart's accessible name, in the viewer's language ("LDR per week for the last 8 weeks, line at 4%"). */
  ariaLabel: string;
  /** Each week's tooltip title ("Week of 2 Mar"), keyed by the point's `week`. */
  weekTitles: Record<string, string>;
  /** The line's label on the chart ("4%", "2,5%"), in the viewer's number format. */
  thresholdLabel: string;
};

/** One rate per ISO week with its line drawn in (dashed red). */
export function TrendChartImpl({ label, threshold, direction, points, ariaLabel, weekTitles, thresholdLabel }: TrendChartProps) {
  const locale = useLocale();
  // English as it always was ("4.5%"); other languages with their own decimal sign ("4,5%").
  const oneDecimal = (v: number) =>
    locale === "en" ? v.toFixed(1) : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const domain: [number, number] =
    direction === "max" ? [0, Math.ceil(Math.max(threshold * 2, ...values, 1))] : [Math.floor(Math.min(threshold - 10, ...values)), 100];
  return (
    <div className="h-40 w-full" role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 10, fill: "#64748b" }} interval="preserveStartEnd" tickLine={false} axisLine={false} />
          <YAxis domain={domain} tick={{ fontSize: 10, fill: "#64748b" }} tickFormatter={(v: number) => `${v}%`} width={40} tickLine={false} axisLine={false} />
          <Tooltip
            formatter={(value, _name, item) => {
              const p = item.payload as TrendChartProps["points"][number];
              return [value === null || value === undefined ? "—" : `${oneDecimal(Number(value))}% (${p.numerator}/${p.denominator})`, label];
            }}
            labelFormatter={(week) => weekTitles[String(week)] ?? String(week)}
          />
          <ReferenceLine
            y={threshold}
            stroke="#e11d48"
            strokeDasharray="4 3"
            ifOverflow="extendDomain"
            label={{ value: thresholdLabel, position: "insideTopRight", fontSize: 10, fill: "#be123c" }}
          />
          <Line type="linear" dataKey="value" stroke="#0f172a" strokeWidth={2} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
