"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConvertedTrendChartProps } from "./converted-trend-chart";

// Recharts in its own chunk, loaded after the page is interactive (as the other trend charts).
const Chart = dynamic(() => import("./converted-trend-chart").then((m) => m.ConvertedTrendChart), {
  ssr: false,
  loading: () => <Skeleton className="h-56 sm:h-64" />,
});

export function LazyConvertedTrendChart(props: ConvertedTrendChartProps) {
  return <Chart {...props} />;
}
