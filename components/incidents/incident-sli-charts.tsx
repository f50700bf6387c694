"use client";

import { PromChart } from "@/components/charts/prom-chart";
import { sliThresholds } from "@/components/slo/slo-charts";
import type { AlertLevels } from "@/lib/slo/definition";

export type IncidentSliChart = { id: string; name: string; datasourceId: string; sliQuery: string; target: number; slaTarget?: number; alertLevels?: AlertLevels };

/** Each affected SLO's 5-minute SLI around the incident, the incident's own window shaded. */
export function IncidentSliCharts({ charts, window, label }: { charts: IncidentSliChart[]; window: { from: number; to: number; incident: { from: number; to: number } }; label: string }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {charts.map((c) => (
        <PromChart
          key={c.id}
          datasourceId={c.datasourceId}
          query={c.sliQuery}
          title={c.name}
          unit="ratio"
          legend="SLI"
          range={{ kind: "custom", from: window.from, to: window.to }}
          yDomain={["dataMin", 1]}
          thresholds={sliThresholds(c.target, c.slaTarget, c.alertLevels)}
          regions={[{ ...window.incident, label, tone: "danger" }]}
          height={180}
        />
      ))}
    </div>
  );
}
