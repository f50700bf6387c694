/**
 * What the forecast chart needs of a forecast, small enough to send to the browser: the history
 * thinned to each bucket's lowest and highest mean (so daily peaks, which decide when a level is
 * reached, survive), the forecast every few steps. Pure.
 */
import type { CapacityForecast } from "./forecast";

export type ForecastChartData = {
  /** [t, value | null]; null breaks the line at a gap. */
  history: [number, number | null][];
  /** [t, median, lower80, upper80, lower95, upper95]. */
  forecast: [number, number, number, number, number, number][];
  warning: number;
  limit: number;
  now: number;
  end: number;
};

export const MAX_HISTORY_POINTS = 1000;
export const MAX_FORECAST_POINTS = 600;

export function thinHistory(points: readonly { t: number; v: number | null }[], max = MAX_HISTORY_POINTS): [number, number | null][] {
  if (points.length <= max) return points.map((p) => [p.t, p.v]);
  const size = Math.ceil(points.length / Math.floor(max / 2));
  const out: [number, number | null][] = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size).filter((p) => p.v !== null) as { t: number; v: number }[];
    if (!bucket.length) {
      out.push([points[i].t, null]);
      continue;
    }
    let lo = bucket[0];
    let hi = bucket[0];
    for (const p of bucket) {
      if (p.v < lo.v) lo = p;
      if (p.v > hi.v) hi = p;
    }
    if (lo === hi) out.push([lo.t, lo.v]);
    else for (const p of lo.t < hi.t ? [lo, hi] : [hi, lo]) out.push([p.t, p.v]);
  }
  return out;
}

export function forecastChartData(f: CapacityForecast): ForecastChartData {
  const stride = Math.max(1, Math.ceil(f.series.length / MAX_FORECAST_POINTS));
  const forecast: ForecastChartData["forecast"] = [];
  for (let i = 0; i < f.series.length; i++) {
    if (i % stride !== 0 && i !== f.series.length - 1) continue;
    const p = f.series[i];
    forecast.push([p.t, p.median, p.lower80, p.upper80, p.lower95, p.upper95]);
  }
  return {
    history: thinHistory(f.history),
    forecast,
    warning: f.warningLevel * f.limit.value,
    limit: f.limit.value,
    now: f.now,
    end: f.now + f.horizonMs,
  };
}
