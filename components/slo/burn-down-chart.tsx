"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { ChartEmpty } from "@/components/charts/chart-states";
import type { BurnPoint } from "@/lib/slo/burndown";
import type { Interval } from "@/lib/slo/count-plan";
import { defaultPolicy, type Policy } from "@/lib/slo/policy";

const series = (key: string, name: string, colorIndex: number, points: BurnPoint[]) => ({
  key,
  name,
  labels: {},
  colorIndex,
  infCount: 0,
  points: points.map((p) => ({ t: p.t, v: p.remaining })),
});

/** Budget left since the period began, against the even spend that reaches zero at its end. */
type Props = {
  points: BurnPoint[];
  ideal: BurnPoint[];
  startMs: number;
  endMs: number;
  excluded?: Interval[];
  policy?: Pick<Policy, "warningBelow" | "exhaustedBelow">;
  title: string;
};

export function BurnDownChart({ points, ideal, startMs, endMs, excluded = [], policy = defaultPolicy, title }: Props) {
  if (!points.some((p) => p.remaining !== null)) return <ChartEmpty height={240} />;
  return (
    <section aria-label={title} className="rounded-lg border border-line bg-surface p-4">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <TimeSeriesChart
        series={[series("remaining", "budget left", 0, points), series("ideal", "even spend", 9, ideal)]}
        unit="ratio"
        xDomain={[startMs, endMs]}
        regions={excluded.map((i) => ({ from: i.startMs, to: i.endMs, label: "excluded", tone: "muted" }))}
        thresholds={[
          { value: policy.warningBelow, label: "warning", tone: "warn" },
          { value: policy.exhaustedBelow, label: "exhausted", tone: "danger" },
        ]}
        ariaLabel={title}
      />
    </section>
  );
}
