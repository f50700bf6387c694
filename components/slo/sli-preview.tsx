"use client";

import { useEffect, useMemo, useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { PromChart } from "@/components/charts/prom-chart";
import { fetchPromInstant, promKeys, type PromData, type PromInstantResult } from "@/lib/prometheus/use-prom";
import type { TimeRange } from "@/lib/prometheus/time-range";
import { ratioToPercent, seriesProblem, sliPreview, type SeriesCheck, type SliPreview as Preview, type SloFormValues } from "@/lib/slo/form";

const TITLE = "SLI preview (last 7 days)";
const RANGE: TimeRange = { kind: "preset", preset: "7d" };
const DEBOUNCE_MS = 600;

function useDebounced(value: string, ms: number): string {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setShown(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}

function seriesCount(data: PromData): number {
  return data.resultType === "vector" || data.resultType === "matrix" ? data.result.length : 1;
}

/** Runs each check as an instant query and says when one is not exactly one series. */
function SeriesChecks({ datasourceId, checks }: { datasourceId: string; checks: SeriesCheck[] }) {
  const results = useQueries({
    queries: checks.map((c) => ({
      queryKey: promKeys.instant(datasourceId, c.query),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPromInstant({ datasourceId, query: c.query, signal }),
      staleTime: 60_000,
      retry: false,
      refetchOnWindowFocus: false,
    })),
  });
  const problems: string[] = [];
  const failures: string[] = [];
  checks.forEach((c, i) => {
    const r = results[i];
    if (r.error) failures.push(`Could not check the ${c.label} query: ${r.error.message}`);
    const data = r.data as PromInstantResult | undefined;
    if (!data) return;
    const problem = seriesProblem(c, seriesCount(data.data));
    if (problem && (!c.derived || problems.length === 0)) problems.push(problem);
  });
  const loading = results.some((r) => r.isPending);
  return (
    <div aria-live="polite" className="space-y-1 text-sm">
      {problems.map((p) => (
        <p key={p} className="text-danger">
          {p}
        </p>
      ))}
      {failures.map((f) => (
        <p key={f} className="text-warn">
          {f}
        </p>
      ))}
      {loading && <p className="text-muted">Checking that each query returns one series…</p>}
      {!loading && !problems.length && !failures.length && <p className="text-ok">Each query returns exactly one series.</p>}
    </div>
  );
}

type Props = {
  /** A data source id, or "default". */
  datasourceId: string;
  values: Pick<SloFormValues, "sliKind" | "ratioMode" | "eventsQuery" | "totalQuery" | "metric" | "selector" | "thresholdSeconds">;
  /** The SLO target as a ratio, drawn as a threshold line; null while it is not a valid number. */
  target: number | null;
};

/** The SLI as currently typed, charted over the last 7 days (5 m windows), updated as the user types. */
export function SliPreview({ datasourceId, values, target }: Props) {
  const live = JSON.stringify({ datasourceId, preview: sliPreview(values) });
  const shown = useDebounced(live, DEBOUNCE_MS);
  const { datasourceId: ds, preview } = useMemo(() => JSON.parse(shown) as { datasourceId: string; preview: Preview }, [shown]);

  if (preview.kind !== "ok") {
    return (
      <section aria-label={TITLE} className="rounded-lg border border-line bg-surface p-4">
        <h3 className="mb-2 text-sm font-semibold">{TITLE}</h3>
        <p aria-live="polite" className={`text-sm ${preview.kind === "invalid" ? "text-danger" : "text-muted"}`}>
          {preview.message}
        </p>
      </section>
    );
  }
  return (
    <div className="space-y-2">
      <PromChart
        datasourceId={ds}
        query={preview.query}
        title={TITLE}
        range={RANGE}
        unit="ratio"
        legend="SLI"
        thresholds={target === null ? undefined : [{ value: target, label: `Target ${ratioToPercent(target)} %`, tone: "danger" }]}
      />
      <SeriesChecks datasourceId={ds} checks={preview.checks} />
    </div>
  );
}
