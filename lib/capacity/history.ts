import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { PromQueryFailed, rangeQuery } from "@/lib/prometheus/server-query";
import type { Sample } from "./types";

/**
 * A query's history for a forecast, through Keel's Prometheus layer. Prometheus answers at most
 * 11,000 points per series, so a long lookback is asked in consecutive windows of at most
 * CHUNK_STEPS steps (aligned to the step, so each window's answer is cached on its own and the
 * settled ones are kept long). The query must give one series; several are an error, as at saving.
 */
export const CHUNK_STEPS = 10_000;

export type HistoryWindow = { startMs: number; endMs: number; stepMs: number };

/** The step-aligned window ending at `now`, `lookbackMs` long. */
export function historyWindow(now: number, lookbackMs: number, stepMs: number): HistoryWindow {
  const endMs = Math.floor(now / stepMs) * stepMs;
  return { startMs: endMs - Math.floor(lookbackMs / stepMs) * stepMs, endMs, stepMs };
}

/**
 * Consecutive sub-windows of at most `chunk` points, oldest first. Their edges sit on a fixed grid
 * (multiples of `chunk` steps since the epoch), so as the window moves on, the settled windows in
 * the middle keep their exact bounds and are answered from the proxy's cache.
 */
export function chunks(w: HistoryWindow, chunk = CHUNK_STEPS): HistoryWindow[] {
  const span = chunk * w.stepMs;
  const out: HistoryWindow[] = [];
  for (let s = w.startMs; s <= w.endMs; ) {
    const next = (Math.floor(s / span) + 1) * span;
    out.push({ startMs: s, endMs: Math.min(w.endMs, next - w.stepMs), stepMs: w.stepMs });
    s = next;
  }
  return out;
}

export async function fetchHistory(actor: Principal, datasource: string, query: string, w: HistoryWindow, what: "usage" | "limit"): Promise<Sample[]> {
  const parts = await Promise.all(chunks(w).map((c) => rangeQuery(actor, datasource, query, c)));
  const samples: Sample[] = [];
  for (const series of parts) {
    if (series.length > 1) throw new PromQueryFailed(`The ${what} query returns ${series.length} series; a capacity resource follows exactly one (aggregate it, e.g. with sum(…)).`, 400);
    for (const [t, v] of series[0]?.values ?? []) samples.push({ t, v });
  }
  return samples;
}
