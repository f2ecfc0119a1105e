"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import type { TrendChartsProps } from "./trend-charts";

// Recharts loads only after the page is interactive, in its own chunk: the overview's first-load
// JavaScript stays small and the figures (server-rendered text) show first.
const TrendCharts = dynamic(() => import("./trend-charts").then((m) => m.TrendCharts), { ssr: false, loading: () => <ChartsSkeleton /> });

export function LazyTrendCharts(props: TrendChartsProps) {
  return <TrendCharts {...props} />;
}

export function ChartsSkeleton() {
  const t = useTranslations("overview");
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-busy="true" aria-label={t("loadingCharts")}>
      <Skeleton className="h-72" />
      <Skeleton className="h-72" />
      <Skeleton className="h-64 lg:col-span-2" />
    </div>
  );
}
