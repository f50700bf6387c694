"use client";

import { useSearchParams } from "next/navigation";
import { PromChart } from "@/components/charts/prom-chart";
import { TimeRangePicker } from "@/components/charts/time-range-picker";
import { parseTimeRange } from "@/lib/prometheus/time-range";
import { defaultPolicy } from "@/lib/slo/policy";

type Props = {
  datasourceId: string;
  /** 1 − errors/total over 5 minutes. */
  sliQuery: string;
  /** Remaining budget over the SLO's own window at each point (rolling windows only). */
  burnDownQuery: string | null;
  target: number;
  slaTarget?: number;
  windowLabel: string;
};

/** The SLI against its target, and the remaining budget against the policy's thresholds. */
export function SloCharts({ datasourceId, sliQuery, burnDownQuery, target, slaTarget, windowLabel }: Props) {
  const range = parseTimeRange(useSearchParams());
  return (
    <div className="space-y-3">
      <TimeRangePicker />
      <div className="grid gap-4 lg:grid-cols-2">
        <PromChart
          datasourceId={datasourceId}
          query={sliQuery}
          title="SLI (5-minute)"
          unit="ratio"
          legend="SLI"
          range={range}
          yDomain={["dataMin", 1]}
          thresholds={[
            { value: target, label: `target ${(target * 100).toFixed(3).replace(/\.?0+$/, "")} %`, tone: "warn" },
            ...(slaTarget ? [{ value: slaTarget, label: "SLA", tone: "danger" as const }] : []),
          ]}
        />
        {burnDownQuery ? (
          <PromChart
            datasourceId={datasourceId}
            query={burnDownQuery}
            title={`Error budget remaining (${windowLabel})`}
            unit="ratio"
            legend="remaining"
            range={range}
            thresholds={[
              { value: defaultPolicy.warningBelow, label: "warning", tone: "warn" },
              { value: defaultPolicy.exhaustedBelow, label: "exhausted", tone: "danger" },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}
