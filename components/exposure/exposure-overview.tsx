import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import type { DataScope } from "@/lib/data/scope";
import { exposureSummariesWithin } from "@/lib/data/exposure";
import { WorstBandBadge } from "./band-badge";

/** For the overview: the worst shop-performance band of each TikTok store (async server component; staff only). */
export async function WorstBandsByStore({ scope, now }: { scope: DataScope; now?: Date }) {
  const all = await exposureSummariesWithin(scope, now ?? new Date());
  if (!all) return <ExposurePending />;
  const summaries = all.filter((s) => s.channel === "TIKTOK_SHOP");
  if (summaries.length === 0) return null;
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
