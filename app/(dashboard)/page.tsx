import type { Metadata } from "next";
import { Suspense } from "react";
import { ChannelTotalsGrid } from "@/components/overview/channel-totals";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { getChannelTotals } from "@/lib/data/overview";
import { type DataScope, scopeOf } from "@/lib/data/scope";

export const metadata: Metadata = { title: "Overview" };

const PERIOD_DAYS = 30;

export default async function OverviewPage() {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-500">Both channels side by side · last {PERIOD_DAYS} days · cancelled orders excluded</p>
      </div>
      <Suspense fallback={<TotalsSkeleton />}>
        <ChannelTotalsSection scope={scope} />
      </Suspense>
    </div>
  );
}

async function ChannelTotalsSection({ scope }: { scope: DataScope }) {
  const to = new Date();
  const from = new Date(to.getTime() - PERIOD_DAYS * 24 * 3600 * 1000);
  const totals = await getChannelTotals(scope, from, to);
  // Suppliers never see retail prices or revenue.
  return <ChannelTotalsGrid totals={totals} showRevenue={scope.role !== "SUPPLIER"} />;
}

function TotalsSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Skeleton className="h-32" />
      <Skeleton className="h-32" />
    </div>
  );
}
