import type { ExposureSummary } from "@/lib/data/exposure";
import { formatPercent } from "@/lib/performance/metrics";
import { BandBadge } from "./band-badge";

/**
 * One line per store for /stores: each rate with its band colour, and the worst band. Feed it
 * the rows of getExposureSummaries(scope, now).
 */
export function StoreExposureLine({ summary }: { summary: ExposureSummary }) {
  if (summary.channel !== "TIKTOK_SHOP") return <span className="text-xs text-slate-500">No TikTok rates (brand website)</span>;
  const tone = {
    no_data: "text-slate-400",
    healthy: "text-emerald-700",
    at_risk: "text-amber-700",
    breached: "text-rose-700",
    enforcement: "text-rose-800 font-semibold",
  } as const;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid="exposure-line">
      <BandBadge band={summary.worstBand} />
      {summary.metrics.map((m) => (
        <span key={m.key} title={`${m.short} line ${m.thresholdText}`} data-band={m.band}>
          <span className="text-slate-500">{m.short}</span> <span className={`tabular-nums ${tone[m.band]}`}>{formatPercent(m.value, 1)}</span>
        </span>
      ))}
    </span>
  );
}
