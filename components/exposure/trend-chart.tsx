"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Recharts is loaded in the browser only, after the numbers are on screen.
export const TrendChart = dynamic(() => import("./trend-chart-impl").then((m) => m.TrendChartImpl), {
  ssr: false,
  loading: () => <Skeleton className="h-40 w-full" />,
});
