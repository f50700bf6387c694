"use client";

import { formatLabelSet, type PromData } from "@/lib/prometheus/series";
import { usePromInstant } from "@/lib/prometheus/use-prom";
import { ChartError } from "@/components/charts/chart-states";
import { formatFullTimestamp } from "@/components/charts/format";

const MAX_ROWS = 200;

function rows(data: PromData): { labels: string; name: string; value: string }[] {
  if (data.resultType === "vector") {
    return data.result.map((r) => ({ name: r.metric.__name__ ?? "", labels: formatLabelSet(r.metric), value: r.value[1] }));
  }
  if (data.resultType === "scalar" || data.resultType === "string") return [{ name: "", labels: "scalar", value: String(data.result[1]) }];
  return data.result.map((r) => ({ name: r.metric.__name__ ?? "", labels: formatLabelSet(r.metric), value: r.values.at(-1)?.[1] ?? "" }));
}

/** The query's series at one instant (the end of the chosen range), as Prometheus's table view shows them. */
export function SeriesTable({ datasourceId, query, time }: { datasourceId: string; query: string; time?: number }) {
  const q = usePromInstant({ datasourceId, query, time });
  if (!query) return null;
  if (q.isError) return <ChartError error={q.error} query={query} onRetry={() => q.refetch()} height={80} />;
  if (!q.data) return <p className="text-sm text-muted" aria-busy="true">Loading series…</p>;
  const all = rows(q.data.data);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="series-table">
        <caption className="pb-2 text-left text-sm text-muted">
          {all.length} series at {formatFullTimestamp(q.data.time)}
          {all.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown)` : ""}
        </caption>
        <thead>
          <tr className="border-b border-line text-muted">
            <th scope="col" className="py-1 pr-4 font-medium">
              Series
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {all.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i} className="border-b border-line/50">
              <td className="py-1 pr-4 font-mono text-xs break-all">
                {r.name}
                {r.labels === "{}" ? "" : r.labels}
              </td>
              <td className="py-1 text-right font-mono text-xs">{r.value || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
