"use client";

import { ResponsiveContainer } from "recharts";
import { cn } from "./cn";

// A thin shadcn-style wrapper around Recharts: one place for the size, the series colours (as
// CSS variables, so a series is styled by its key) and the tooltip's look. Import it only from
// components that are themselves loaded lazily: Recharts is heavy and charts are below the fold.

export type ChartConfig = Record<string, { label: string; color: string }>;

/** The shell's palette: TikTok in slate, the brand site in teal, warnings in amber. */
export const CHART_COLORS = {
  tiktok: "#0f172a",
  brand: "#0f766e",
  warning: "#d97706",
  grid: "#e2e8f0",
  axis: "#64748b",
} as const;

export function ChartContainer({
  config,
  label,
  className,
  children,
}: {
  config: ChartConfig;
  /** What the chart shows, for screen readers (the figures themselves are on the page as text). */
  label: string;
  className?: string;
  children: React.ReactElement;
}) {
  const vars = Object.fromEntries(Object.entries(config).map(([key, { color }]) => [`--color-${key}`, color])) as React.CSSProperties;
  return (
    <div role="img" aria-label={label} className={cn("h-56 w-full text-xs sm:h-64", className)} style={vars}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

type TooltipEntry = { dataKey?: unknown; value?: unknown; color?: string };

/** Tooltip body: the label, then one row per series with its colour, name and formatted value. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  config,
  formatValue = (v) => String(v),
  formatLabel = (l) => String(l),
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
  config: ChartConfig;
  formatValue?: (value: number, key: string) => string;
  formatLabel?: (label: unknown) => string;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="min-w-36 rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{formatLabel(label)}</p>
      <ul className="space-y-0.5">
        {payload.map((entry) => {
          const key = String(entry.dataKey ?? "");
          return (
            <li key={key} className="flex items-center justify-between gap-3">
              <span className="flex items-center gap-1.5 text-slate-600">
                <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: entry.color ?? config[key]?.color }} />
                {config[key]?.label ?? key}
              </span>
              <span className="font-medium text-slate-900 tabular-nums">{formatValue(Number(entry.value ?? 0), key)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A legend as plain HTML (keyboard- and screen-reader-friendly, wraps on a phone). */
export function ChartLegend({ config }: { config: ChartConfig }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {Object.entries(config).map(([key, { label, color }]) => (
        <li key={key} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2 w-3 rounded-sm" style={{ background: color }} />
          {label}
        </li>
      ))}
    </ul>
  );
}
