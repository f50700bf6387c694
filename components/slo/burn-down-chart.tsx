"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { ChartEmpty } from "@/components/charts/chart-states";
import type { BurnPoint } from "@/lib/slo/burndown";
import { defaultPolicy } from "@/lib/slo/policy";

const series = (key: string, name: string, colorIndex: number, points: BurnPoint[]) => ({
  key,
  name,
  labels: {},
  colorIndex,
  infCount: 0,
  points: points.map((p) => ({ t: p.t, v: p.remaining })),
});

/** Budget left since the period began, against the even spend that reaches zero at its end. */
export function BurnDownChart({ points, ideal, startMs, endMs, title }: { points: BurnPoint[]; ideal: BurnPoint[]; startMs: number; endMs: number; title: string }) {
  if (!points.some((p) => p.remaining !== null)) return <ChartEmpty height={240} />;
  return (
    <section aria-label={title} className="rounded-lg border border-line bg-surface p-4">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <TimeSeriesChart
        series={[series("remaining", "budget left", 0, points), series("ideal", "even spend", 9, ideal)]}
        unit="ratio"
        xDomain={[startMs, endMs]}
        thresholds={[
          { value: defaultPolicy.warningBelow, label: "warning", tone: "warn" },
          { value: defaultPolicy.exhaustedBelow, label: "exhausted", tone: "danger" },
        ]}
        ariaLabel={title}
      />
    </section>
  );
}
