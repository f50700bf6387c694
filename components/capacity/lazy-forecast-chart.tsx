"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/components/charts/chart-states";

/** Recharts is most of the page's JavaScript: it loads after the page, with the same height reserved meanwhile. */
export const LazyForecastChart = dynamic(() => import("./forecast-chart").then((m) => m.ForecastChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={300} label="Loading the forecast chart…" />,
});
