import { useTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Band } from "@/lib/performance/metrics";

// i18n-uses: exposure.band
const TONE: Record<Band, BadgeTone> = { no_data: "neutral", healthy: "success", at_risk: "warning", breached: "critical", enforcement: "critical" };

/**
 * One band as a badge; enforcement is drawn solid so it stands out from "breached". A plain
 * (not async) server component: lists render one per store, and every async component is a
 * separate chunk of the page's stream (docs/benchmarks.md).
 */
export function BandBadge({ band, className }: { band: Band; className?: string }) {
  const t = useTranslations("exposure.band");
  return (
    <Badge tone={TONE[band]} data-band={band} className={band === "enforcement" ? `bg-rose-700 text-white ring-rose-700 ${className ?? ""}` : className}>
      {t(band)}
    </Badge>
  );
}

/** The worst band of a store's rates, for the overview ("TikTok Shop US: Breached"). */
export function WorstBandBadge({ band, label }: { band: Band; label?: string }) {
  return (
    <span className="inline-flex items-center gap-2" data-testid="worst-band">
      {label ? <span className="text-sm text-slate-700">{label}</span> : null}
      <BandBadge band={band} />
    </span>
  );
}
