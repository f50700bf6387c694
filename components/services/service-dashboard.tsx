"use client";

import { useSearchParams } from "next/navigation";
import { PromChart } from "@/components/charts/prom-chart";
import { TimeRangePicker } from "@/components/charts/time-range-picker";
import { ActionForm } from "@/components/ui/action-form";
import { parseTimeRange } from "@/lib/prometheus/time-range";
import { moveChartAction, removeChartAction } from "@/lib/service-charts/actions";
import type { ServiceChartDto } from "@/lib/service-charts/queries";

type Props = { service: string; charts: ServiceChartDto[]; canEdit: boolean };

/** A service's small dashboard: its pinned charts over one time range kept in the URL. */
export function ServiceDashboard({ service, charts, canEdit }: Props) {
  const range = parseTimeRange(useSearchParams());
  return (
    <div className="space-y-3">
      <TimeRangePicker />
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c, i) => (
          <div key={c.id} className="space-y-1">
            <PromChart datasourceId={c.datasourceId ?? "default"} query={c.query} title={c.title} unit={c.unit} legend={c.legend || undefined} range={range} height={200} />
            {canEdit && (
              <div className="flex flex-wrap gap-1">
                {i > 0 && <ActionForm action={moveChartAction} hidden={{ chartId: c.id, service, direction: "up" }} label="Move earlier" />}
                {i < charts.length - 1 && <ActionForm action={moveChartAction} hidden={{ chartId: c.id, service, direction: "down" }} label="Move later" />}
                <ActionForm action={removeChartAction} hidden={{ chartId: c.id, service }} label="Unpin" variant="danger" confirm={`Unpin "${c.title}"?`} />
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
