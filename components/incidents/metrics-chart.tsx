"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { ChartSkeleton } from "@/components/charts/chart-states";
import type { MetricsBar } from "./metrics-bar-chart";

// Recharts loads only on this page and after it is drawn: the tables come first.
const MetricsBarChart = dynamic(() => import("./metrics-bar-chart").then((m) => m.MetricsBarChart), { ssr: false, loading: () => <ChartSkeleton height={200} /> });

/** A titled bar chart sized to its box; described in words for assistive technology (the tables hold the numbers). */
export function MetricsChart({ title, data, unit }: { title: string; data: MetricsBar[]; unit: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const summary = data.map((d) => `${d.label}: ${d.value === null ? "no data" : `${d.value.toFixed(1)} ${unit}`}`).join("; ");
  return (
    <figure className="rounded-lg border border-line bg-surface p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div ref={ref} role="img" aria-label={`${title}. ${summary}`}>
        {width > 0 ? <MetricsBarChart data={data} unit={unit} width={width} /> : <ChartSkeleton height={200} />}
      </div>
    </figure>
  );
}
