import type { Metadata } from "next";
import { Suspense } from "react";
import { StoreList } from "@/components/stores/store-list";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { listStoreSummaries } from "@/lib/data/stores";

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
  const stores = await listStoreSummaries(scope, now);
  if (stores.length === 0) return <EmptyState title="No stores yet">Connect a TikTok Shop or your brand website to see it here.</EmptyState>;
  return <StoreList stores={stores} now={now} />;
}
