import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { StoreExposureLine } from "@/components/exposure/store-exposure-line";
import { StoreList } from "@/components/stores/store-list";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { listStoreHealth } from "@/lib/data/connection-health";
import { listStoreSummaries } from "@/lib/data/stores";
import { getExposureSummaries } from "@/lib/performance/queries";

export const metadata: Metadata = { title: "Stores" };

export default async function StoresPage() {
  // Suppliers never see store pages: they go back to the overview with a notice.
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Stores</h1>
        <p className="text-sm text-slate-500">Service figures over the last 30 days and the flags open right now, per store.</p>
      </div>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <StoresSection scope={scope} />
      </Suspense>
    </div>
  );
}

async function StoresSection({ scope }: { scope: DataScope }) {
  const now = new Date();
  const [stores, exposure, health] = await Promise.all([listStoreSummaries(scope, now), getExposureSummaries(scope, now), listStoreHealth(scope, now)]);
  if (stores.length === 0) return <EmptyState title="No stores yet">Connect a TikTok Shop or your brand website to see it here.</EmptyState>;
  const tiktok = exposure.filter((e) => e.channel === "TIKTOK_SHOP");
  return (
    <div className="space-y-4">
      <StoreList stores={stores} now={now} health={health} />
      {tiktok.length ? (
        <Card>
          <CardHeader title="Performance-score exposure" description="Each TikTok store's rates against the platform's lines; open a store for headroom and the what-if" />
          <ul className="divide-y divide-slate-100">
            {tiktok.map((e) => (
              <li key={e.storeId} className="flex flex-col gap-1 px-4 py-2 sm:flex-row sm:items-center sm:justify-between">
                <Link href={`/stores/${e.storeId}`} className="text-sm font-medium text-slate-800 hover:underline">
                  {e.name}
                </Link>
                <StoreExposureLine summary={e} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
