"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { ChartSkeleton } from "@/components/charts/chart-states";
import type { FairnessRow } from "./fairness-bars";

// Recharts loads only here and after the tables are drawn.
const FairnessBars = dynamic(() => import("./fairness-bars").then((m) => m.FairnessBars), { ssr: false, loading: () => <ChartSkeleton height={240} /> });

/** Who carries the on-call load: hours per person by part of day against an equal share; the table below holds the numbers. */
export function FairnessChart({ data }: { data: FairnessRow[] }) {
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
  const total = data.reduce((a, d) => a + d.business + d.offHours + d.night, 0);
  const fairShare = data.length ? total / data.length : 0;
  const summary = data.map((d) => `${d.name}: ${(d.business + d.offHours + d.night).toFixed(1)} h, ${d.night.toFixed(1)} at night`).join("; ");
  return (
    <figure>
      <figcaption className="mb-2 text-sm text-muted">Hours on call per person; the dashed line is an equal share ({fairShare.toFixed(1)} h).</figcaption>
      <div ref={ref} role="img" aria-label={`Hours on call per person. ${summary}`}>
        {width > 0 ? <FairnessBars data={data} fairShare={fairShare} width={width} /> : <ChartSkeleton height={240} />}
      </div>
    </figure>
  );
}
