import { useLocale, useTranslations } from "@/lib/i18n/server";
import type { ExposureSummary } from "@/lib/data/exposure";
import { BandBadge } from "./band-badge";
import { lineIn, percentIn } from "./format";

/**
 * One line per store for /stores: each rate with its band colour, and the worst band. Feed it
 * the rows of getExposureSummaries(scope, now). Not async: one per store (see BandBadge).
 */
export function StoreExposureLine({ summary }: { summary: ExposureSummary }) {
  const t = useTranslations("exposure.line");
  const locale = useLocale();
  if (summary.channel !== "TIKTOK_SHOP") return <span className="text-xs text-slate-500">{t("brandSite")}</span>;
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
        <span key={m.key} title={t("title", { short: m.short, line: lineIn(m.direction, m.threshold, locale) })} data-band={m.band}>
          <span className="text-slate-500">{m.short}</span> <span className={`tabular-nums ${tone[m.band]}`}>{percentIn(m.value, 1, locale)}</span>
        </span>
      ))}
    </span>
  );
}
