/**
 * The model step: forecasts for capacity look days and weeks ahead, so the models run on means over
 * a coarser step than the scrape resolution (30 minutes for anything finer): 90 days at 5 minutes is
 * 25,920 points, at 30 minutes 4,320 — six times less work, and seasonal indices that average six
 * points each instead of following every scrape's noise. Forecasts are interpolated back to the
 * resolution wherever they are compared with data. Pure.
 */
import { MINUTE_MS, type RegularSeries } from "./types";

export const MODEL_STEP_TARGET_MS = 30 * MINUTE_MS;

/** How many resolution points one model step holds (1 for resolutions of 30 minutes and more). */
export function modelStepFactor(resolutionMs: number, targetMs = MODEL_STEP_TARGET_MS): number {
  return resolutionMs >= targetMs ? 1 : Math.max(1, Math.round(targetMs / resolutionMs));
}

/**
 * Means of `factor` consecutive points (groups aligned to multiples of factor × step since the
 * epoch; NaN where a group has no data). Each mean is placed at the centre of the points it
 * averages, so interpolating between means is unbiased.
 */
export function aggregate(s: RegularSeries, factor: number): RegularSeries {
  if (factor === 1 || s.values.length === 0) return s;
  const big = s.stepMs * factor;
  const firstGroup = Math.floor(s.start / big);
  const offset = Math.round((s.start - firstGroup * big) / s.stepMs); // points of the first group before the series
  const n = Math.ceil((offset + s.values.length) / factor);
  const sum = new Float64Array(n);
  const count = new Uint32Array(n);
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (Number.isNaN(v)) continue;
    const g = Math.floor((i + offset) / factor);
    sum[g] += v;
    count[g]++;
  }
  const values = new Float64Array(n);
  for (let g = 0; g < n; g++) values[g] = count[g] ? sum[g] / count[g] : NaN;
  return { start: firstGroup * big + ((factor - 1) * s.stepMs) / 2, stepMs: big, values };
}

/**
 * The series' value at time t by linear interpolation; clamped to the last point after the end.
 * Before the first point it is clamped too, or with `extendStart` continued along the first segment:
 * a forecast's first point is the centre of the first model step, and the raw points between the
 * end of the data and that centre are forecast by the same straight piece.
 */
export function interpolate(s: RegularSeries, t: number, extendStart = false): number {
  const n = s.values.length;
  if (n === 0) return NaN;
  const x = (t - s.start) / s.stepMs;
  if (x <= 0) return extendStart && n > 1 ? s.values[0] + (s.values[1] - s.values[0]) * x : s.values[0];
  if (x >= n - 1) return s.values[n - 1];
  const i = Math.floor(x);
  const f = x - i;
  return s.values[i] + (s.values[i + 1] - s.values[i]) * f;
}
