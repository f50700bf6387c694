/**
 * The time range to chart an incident over: its start to its resolution (or `now` while open),
 * padded on both sides by a quarter of its length, at least 30 minutes and at most 6 hours, so the
 * SLI before and after is visible. Pure; milliseconds.
 */
const MIN_PAD = 30 * 60_000;
const MAX_PAD = 6 * 3_600_000;

export type ChartWindow = { from: number; to: number; incident: { from: number; to: number } };

export function incidentChartWindow(startedMs: number, resolvedMs: number | null, now: number): ChartWindow {
  const end = Math.min(resolvedMs ?? now, now);
  const start = Math.min(startedMs, end);
  const pad = Math.min(Math.max((end - start) / 4, MIN_PAD), MAX_PAD);
  return { from: start - pad, to: Math.min(end + pad, now), incident: { from: start, to: end } };
}
