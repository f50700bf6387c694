"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { toChartSeries, DEFAULT_MAX_SERIES } from "@/lib/prometheus/series";
import type { TimeRange } from "@/lib/prometheus/time-range";
import { usePromRange } from "@/lib/prometheus/use-prom";
import { ChartEmpty, ChartError, ChartSkeleton } from "./chart-states";
import type { ChartUnit } from "./format";
import type { ChartRegion, ChartThreshold, TimeSeriesChartProps } from "./time-series-chart";

// Recharts is most of a chart page's JavaScript: it loads in parallel with the first query instead of
// delaying the page.
const TimeSeriesChart = dynamic(() => import("./time-series-chart").then((m) => m.TimeSeriesChart), {
  ssr: false,
  loading: () => <ChartSkeleton />,
});

export type PromChartProps = {
  datasourceId: string;
  query: string;
  title: string;
  range: TimeRange;
  unit?: ChartUnit;
  /** Legend template, e.g. "{{service}} {{code}}". */
  legend?: string;
  thresholds?: ChartThreshold[];
  regions?: ChartRegion[];
  height?: number;
  maxPoints?: number;
  maxSeries?: number;
  stacked?: boolean;
  yDomain?: TimeSeriesChartProps["yDomain"];
  /** Draw the card frame (border, background, padding). Default true. */
  framed?: boolean;
  className?: string;
};

const WIDTH_BUCKET = 50;

/** The element's content width rounded to 50 px buckets (null until measured). */
function useBucketedWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Hidden elements measure 0: keep the last width rather than asking for a 50 px chart.
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.max(WIDTH_BUCKET, Math.round(w / WIDTH_BUCKET) * WIDTH_BUCKET));
    };
    measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

export function PromChart({
  datasourceId,
  query,
  title,
  range,
  unit,
  legend,
  thresholds,
  regions,
  height = 240,
  maxPoints,
  maxSeries = DEFAULT_MAX_SERIES,
  stacked,
  yDomain,
  framed = true,
  className = "",
}: PromChartProps) {
  const headingId = useId();
  const [ref, width] = useBucketedWidth();
  const q = usePromRange({ datasourceId, query, range, width: width ?? undefined, maxPoints, enabled: width !== null });
  const set = useMemo(() => (q.data ? toChartSeries(q.data.data, { legend, query, maxSeries }) : null), [q.data, legend, query, maxSeries]);
  const refreshing = q.isFetching && !!q.data;
  const hasPoints = !!set && set.series.some((s) => s.points.length > 0);

  let body;
  if (q.isError && !q.data) {
    body = <ChartError error={q.error} query={query} height={height} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  } else if (!q.data || !set) {
    body = <ChartSkeleton height={height} label={`Loading ${title}…`} />;
  } else if (!hasPoints) {
    body = <ChartEmpty height={height} />;
  } else {
    body = (
      <TimeSeriesChart
        series={set.series}
        omittedSeries={set.omitted}
        unit={unit}
        thresholds={thresholds}
        regions={regions}
        height={height}
        stacked={stacked}
        yDomain={yDomain}
        xDomain={[q.data.start, q.data.end]}
        ariaLabel={title}
      />
    );
  }

  return (
    <section aria-labelledby={headingId} className={`${framed ? "rounded-lg border border-line bg-surface p-4" : ""} ${className}`}>
      <header className="mb-2 flex items-center justify-between gap-2">
        <h3 id={headingId} className="truncate text-sm font-semibold">
          {title}
        </h3>
        <span role="status" className="flex items-center gap-1.5 text-xs text-muted">
          {refreshing && (
            <>
              <span aria-hidden="true" className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent" />
              {q.isPlaceholderData ? "Loading…" : "Refreshing…"}
            </>
          )}
        </span>
      </header>
      {q.isError && q.data && (
        <p role="alert" className="mb-2 text-xs text-danger">
          Could not refresh: {q.error.message} Showing earlier data.
        </p>
      )}
      {!!q.data?.warnings.length && (
        <ul className="mb-2 space-y-0.5 text-xs text-warn">
          {q.data.warnings.map((w, i) => (
            <li key={i}>Warning: {w}</li>
          ))}
        </ul>
      )}
      {!!set?.infCount && (
        <p className="mb-2 text-xs text-muted">
          {set.infCount} infinite {set.infCount === 1 ? "sample is" : "samples are"} not drawn.
        </p>
      )}
      <div ref={ref}>{body}</div>
    </section>
  );
}
