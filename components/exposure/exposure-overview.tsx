import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { DataScope } from "@/lib/data/scope";
import { exposureSummariesWithin } from "@/lib/data/exposure";
import type { Band } from "@/lib/performance/metrics";
import { WorstBandBadge } from "./band-badge";

/** How many stores the overview's card lists (worst first). */
export const WORST_BANDS_SHOWN = 8;
const BAND_RANK: Record<Band, number> = { enforcement: 4, breached: 3, at_risk: 2, healthy: 1, no_data: 0 };

/** For the overview: the worst shop-performance band of each TikTok store (async server component; staff only). */
export async function WorstBandsByStore({ scope, now }: { scope: DataScope; now?: Date }) {
  const all = await exposureSummariesWithin(scope, now ?? new Date());
  if (!all) return <ExposurePending />;
  const tiktok = all.filter((s) => s.channel === "TIKTOK_SHOP");
  if (tiktok.length === 0) return null;
  // The worst first, and a bounded list: the rest are on /stores.
  const summaries = [...tiktok].sort((a, b) => BAND_RANK[b.worstBand] - BAND_RANK[a.worstBand]).slice(0, WORST_BANDS_SHOWN);
  const t = await getTranslations("exposure.overview");
  return (
    <Card data-testid="worst-bands">
      <CardHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-100">
        {summaries.map((s) => (
          <li key={s.storeId} className="flex items-center justify-between px-4 py-2">
            <Link href={`/stores/${s.storeId}/exposure`} className="text-sm font-medium text-slate-800 hover:underline">
              {s.name}
            </Link>
            <WorstBandBadge band={s.worstBand} />
          </li>
        ))}
      </ul>
      {tiktok.length > summaries.length ? (
        <p className="border-t border-slate-100 px-4 py-2 text-sm">
          <Link href="/stores" className="text-teal-700 hover:underline">
            {t("more", { count: tiktok.length - summaries.length })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

/** The exposure section while its figures are still being computed (bounded per request). */
export async function ExposurePending() {
  const t = await getTranslations("exposure.overview");
  return (
    <Card data-testid="exposure-pending">
      <CardHeader title={t("title")} description={t("pending")} />
    </Card>
  );
}
