"use client";

import { useEffect, useState } from "react";
import { PromChart } from "@/components/charts/prom-chart";
import type { TimeRange } from "@/lib/prometheus/time-range";
import { chartUnit } from "./chart-unit";

const RANGE: TimeRange = { kind: "preset", preset: "7d" };
const DEBOUNCE_MS = 700;

function useDebounced<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setShown(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return shown;
}

/** The usage query as typed, over the last 7 days, with a constant limit drawn; the forecast itself appears once saved. */
export function UsagePreview({ datasourceId, query, unit, limit }: { datasourceId: string; query: string; unit: string; limit: number | null }) {
  const shown = useDebounced(JSON.stringify({ datasourceId, query: query.trim() }), DEBOUNCE_MS);
  const { datasourceId: ds, query: q } = JSON.parse(shown) as { datasourceId: string; query: string };
  if (!q) return <p className="text-sm text-muted">A chart of the usage over the last 7 days appears here once there is a query.</p>;
  return <PromChart datasourceId={ds} query={q} title="Usage preview (last 7 days)" range={RANGE} unit={chartUnit(unit)} thresholds={limit === null ? undefined : [{ value: limit, label: "Limit", tone: "danger" }]} height={200} />;
}
