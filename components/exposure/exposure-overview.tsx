import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { DataScope } from "@/lib/data/scope";
import { cachedRead } from "@/lib/data/cache";
import { getExposureSummaries } from "@/lib/data/exposure";
import { WorstBandBadge } from "./band-badge";

/** For the overview: the worst shop-performance band of each TikTok store (async server component; staff only). */
export async function WorstBandsByStore({ scope, now }: { scope: DataScope; now?: Date }) {
  const all = await cachedRead(`exposure-summaries:${scope.organizationId}:${scope.role === "SUPPLIER" ? "supplier" : "staff"}`, () => getExposureSummaries(scope, now ?? new Date()));
  const summaries = all.filter((s) => s.channel === "TIKTOK_SHOP");
  if (summaries.length === 0) return null;
  return (
    <Card data-testid="worst-bands">
      <CardHeader title="Shop performance" description="Worst band of each TikTok store's rates (LDR, VTR, OTDR, SFCR)" />
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
