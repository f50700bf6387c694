"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { LazyPromqlEditor } from "@/components/promql/lazy-promql-editor";
import { PromChart } from "@/components/charts/prom-chart";
import { TimeRangePicker } from "@/components/charts/time-range-picker";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parseTimeRange } from "@/lib/prometheus/time-range";
import { SeriesTable } from "./series-table";
import { RuleSnippet } from "./rule-snippet";
import { PinChartForm } from "./pin-chart-form";

type Props = {
  datasources: { id: string; name: string; isDefault: boolean }[];
  services: { slug: string; name: string }[] | null;
  canCreateSlo: boolean;
};

/** An SLO query says where its range goes with $window; Explore's fixed ranges become that. */
function sloQueryFrom(query: string): string {
  return query.replace(/\[\s*\d+(ms|[smhdwy])(\d+(ms|[smhdwy]))*\s*\]/g, "[$window]");
}

/** Explore: pick a data source, type PromQL, see the chart and the series. The URL holds it all. */
export function ExploreView({ datasources, services, canCreateSlo }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = parseTimeRange(params);
  const fallback = datasources.find((d) => d.isDefault)?.id ?? datasources[0].id;
  const ds = datasources.some((d) => d.id === params.get("ds")) ? params.get("ds")! : fallback;
  const query = params.get("query") ?? "";
  const legend = params.get("legend") ?? "";
  const [draft, setDraft] = useState(query);
  const [draftLegend, setDraftLegend] = useState(legend);

  const navigate = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  };
  const run = (q = draft) => navigate({ query: q.trim(), legend: draftLegend.trim(), ds });
  const end = range.kind === "custom" ? range.to : undefined;

  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_1fr]">
          <div>
            <label htmlFor="explore-ds" className="block text-sm font-medium">
              Data source
            </label>
            <select id="explore-ds" className={inputClass} value={ds} onChange={(e) => navigate({ ds: e.target.value })}>
              {datasources.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.isDefault ? " (default)" : ""}
                </option>
              ))}
            </select>
          </div>
          <div>
            <span id="explore-query-label" className="block text-sm font-medium">
              PromQL query
            </span>
            <LazyPromqlEditor value={draft} onChange={setDraft} onSubmit={(q) => run(q)} datasourceId={ds} ariaLabel="PromQL query" placeholder='e.g. sum by (service) (rate(http_requests_total[5m]))' minLines={2} autoFocus />
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="explore-legend" className="block text-sm font-medium">
              Legend
            </label>
            <input id="explore-legend" className={inputClass} value={draftLegend} onChange={(e) => setDraftLegend(e.target.value)} placeholder="{{service}} {{code}}" />
          </div>
          <Button type="submit">Run query</Button>
          <span className="text-xs text-muted">Ctrl+Enter runs it from the editor.</span>
        </div>
      </form>
      <TimeRangePicker />
      {query ? (
        <>
          <PromChart datasourceId={ds} query={query} title="Result" range={range} legend={legend} height={320} />
          <SeriesTable datasourceId={ds} query={query} time={end} />
          <div className="grid gap-3 md:grid-cols-2">
            <RuleSnippet query={query} />
            {services && <PinChartForm query={query} legend={legend} datasourceId={ds} services={services} />}
          </div>
          {canCreateSlo && (
            <p className="text-sm">
              <Link href={`/slos/new?query=${encodeURIComponent(sloQueryFrom(query))}`} className="text-link underline">
                Use in an SLO
              </Link>{" "}
              <span className="text-muted">(as the total events query; ranges become [$window])</span>
            </p>
          )}
        </>
      ) : (
        <p className="rounded-md border border-dashed border-line p-6 text-center text-sm text-muted">Type a query and run it to see the chart and its series.</p>
      )}
    </div>
  );
}
