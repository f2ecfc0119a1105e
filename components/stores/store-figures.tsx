import { Badge } from "@/components/ui/badge";
import { formatHours, formatRate } from "@/components/overview/kpi-format";
import type { FlagCounts, StoreFigures } from "@/lib/data/stores";
import { formatCount } from "@/lib/format";

export const MARKET_KIND = (market: string, kind: string | null) => `${market}${kind ? ` · ${kind === "CROSS_BORDER" ? "cross-border" : "local"}` : ""}`;

export function lateLabel(f: StoreFigures): string {
  return f.lateBasis === "DEADLINE" ? "missed TikTok dispatch deadlines" : "dispatched after 48 h (brand-site standard)";
}

/** Open flags as severity badges; "None" when the store is clear. */
export function FlagBadges({ flags }: { flags: FlagCounts }) {
  if (flags.total === 0) return <span className="text-sm text-slate-500">None</span>;
  return (
    <span className="flex flex-wrap items-center gap-1" data-testid="flag-badges" data-total={flags.total}>
      {flags.critical > 0 ? <Badge tone="critical">{formatCount(flags.critical)} critical</Badge> : null}
      {flags.warning > 0 ? <Badge tone="warning">{formatCount(flags.warning)} warning</Badge> : null}
      {flags.info > 0 ? <Badge tone="info">{formatCount(flags.info)} info</Badge> : null}
    </span>
  );
}

/** The store's service figures over the last 30 days, as a definition list. */
export function StoreFigureList({ figures, large }: { figures: StoreFigures; large?: boolean }) {
  const value = large ? "text-2xl" : "text-base";
  const items = [
    { label: "Orders (30 days)", value: formatCount(figures.orders), hint: "cancelled excluded", testId: "store-orders" },
    {
      label: "Dispatched",
      value: formatRate(figures.dispatched, figures.orders),
      hint: `${formatCount(figures.dispatched)} handed to the carrier`,
      testId: "store-dispatched",
    },
    { label: "Median time to dispatch", value: formatHours(figures.medianDispatchHours), hint: "placed → first carrier scan", testId: "store-median" },
    {
      label: "Late dispatch",
      value: formatRate(figures.late, figures.lateBase),
      hint: `${formatCount(figures.late)} of ${formatCount(figures.lateBase)} ${lateLabel(figures)}`,
      testId: "store-late",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      {items.map((i) => (
        <div key={i.label} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{i.label}</dt>
          <dd className={`mt-1 font-semibold text-slate-900 tabular-nums ${value}`} data-testid={i.testId}>
            {i.value}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-500">{i.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
