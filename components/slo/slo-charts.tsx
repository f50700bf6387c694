"use client";

import { useSearchParams } from "next/navigation";
import { PromChart } from "@/components/charts/prom-chart";
import { TimeRangePicker } from "@/components/charts/time-range-picker";
import { parseTimeRange } from "@/lib/prometheus/time-range";
import type { ChartRegion, ChartThreshold } from "@/components/charts/time-series-chart";
import type { AlertLevels } from "@/lib/slo/definition";
import { targetText } from "@/lib/slo/format";
import { defaultPolicy, type Policy } from "@/lib/slo/policy";

type Props = {
  datasourceId: string;
  /** 1 − errors/total over 5 minutes. */
  sliQuery: string;
  /** Remaining budget over the SLO's own window at each point (rolling windows only). */
  burnDownQuery: string | null;
  target: number;
  slaTarget?: number;
  alertLevels?: AlertLevels;
  /** Maintenance windows and corrections, shaded. */
  regions?: ChartRegion[];
  policy?: Pick<Policy, "warningBelow" | "exhaustedBelow">;
  windowLabel: string;
};

/** The target, the SLA and the SLO's alert levels as lines on the SLI chart. */
export function sliThresholds(target: number, slaTarget?: number, levels: AlertLevels = {}): ChartThreshold[] {
  const lines: ChartThreshold[] = [{ value: target, label: `target ${targetText(target)}`, tone: "warn" }];
  if (slaTarget) lines.push({ value: slaTarget, label: `SLA ${targetText(slaTarget)}`, tone: "danger" });
  if (levels.warning !== undefined) lines.push({ value: levels.warning, label: `warning ${targetText(levels.warning)}`, tone: "muted" });
  if (levels.critical !== undefined) lines.push({ value: levels.critical, label: `critical ${targetText(levels.critical)}`, tone: "warn" });
  if (levels.page !== undefined) lines.push({ value: levels.page, label: `page ${targetText(levels.page)}`, tone: "danger" });
  return lines;
}

/** The SLI against its target, and the remaining budget against the policy's thresholds. */
export function SloCharts({ datasourceId, sliQuery, burnDownQuery, target, slaTarget, alertLevels, regions, policy = defaultPolicy, windowLabel }: Props) {
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
          thresholds={sliThresholds(target, slaTarget, alertLevels)}
          regions={regions}
        />
        {burnDownQuery ? (
          <PromChart
            datasourceId={datasourceId}
            query={burnDownQuery}
            title={`Error budget remaining (${windowLabel})`}
            unit="ratio"
            legend="remaining"
            range={range}
            regions={regions}
            thresholds={[
              { value: policy.warningBelow, label: "warning", tone: "warn" },
              { value: policy.exhaustedBelow, label: "exhausted", tone: "danger" },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}
