/**
 * Resolution of range queries: the step a chart needs and the aligned window. Pure.
 *
 * A chart wants about one point per 2 px, never finer than the data source's scrape interval (finer
 * steps only repeat samples) and never more than Prometheus's limit of 11,000 points per series.
 * The step is rounded up to a "nice" value and start/end are floored to multiples of it, so charts
 * opened a few seconds apart ask for the same window and share cache entries.
 */
export const MAX_POINTS = 11_000;
export const DEFAULT_WIDTH_PX = 1_000;
const PX_PER_POINT = 2;

const NICE_STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_200, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
].map((s) => s * 1000);

export type StepInput = {
  startMs: number;
  endMs: number;
  /** An explicit step from the caller; used as given (after the point limit check). */
  stepMs?: number;
  /** The chart's width in CSS pixels, used when no step is given. */
  widthPx?: number;
  scrapeIntervalMs: number;
};

export type StepResult = { ok: true; startMs: number; endMs: number; stepMs: number; points: number } | { ok: false; message: string };

function niceStep(ms: number): number {
  for (const s of NICE_STEPS_MS) if (s >= ms) return s;
  return Math.ceil(ms / 86_400_000) * 86_400_000;
}

export function pointsIn(startMs: number, endMs: number, stepMs: number): number {
  return Math.floor((endMs - startMs) / stepMs) + 1;
}

export function resolveStep(input: StepInput): StepResult {
  const { startMs, endMs } = input;
  if (!(endMs >= startMs)) return { ok: false, message: "end timestamp must not be before start time" };
  let stepMs: number;
  if (input.stepMs !== undefined) {
    if (!(input.stepMs > 0)) return { ok: false, message: "zero or negative query resolution step widths are not accepted. Try a positive integer" };
    stepMs = input.stepMs;
    if (pointsIn(startMs, endMs, stepMs) > MAX_POINTS) {
      return { ok: false, message: `exceeded maximum resolution of ${MAX_POINTS} points per timeseries. Try decreasing the query resolution (?step=XX)` };
    }
  } else {
    const width = Math.max(10, Math.min(input.widthPx ?? DEFAULT_WIDTH_PX, 20_000));
    const wanted = (endMs - startMs) / Math.max(1, width / PX_PER_POINT);
    stepMs = niceStep(Math.max(wanted, input.scrapeIntervalMs, 1_000));
    while (pointsIn(startMs, endMs, stepMs) > MAX_POINTS) stepMs = niceStep(stepMs + 1);
  }
  const alignedStart = Math.floor(startMs / stepMs) * stepMs;
  const alignedEnd = Math.max(alignedStart, Math.floor(endMs / stepMs) * stepMs);
  return { ok: true, startMs: alignedStart, endMs: alignedEnd, stepMs, points: pointsIn(alignedStart, alignedEnd, stepMs) };
}
