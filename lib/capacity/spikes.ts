/**
 * Spikes: model steps far off their neighbours (a burst of traffic, a runaway query, a scrape
 * glitch). One such point squared outweighs weeks of ordinary errors in a least-squares fit, so
 * they are left out of the fit (and counted). They stay in the data the backtest judges forecasts
 * against, so the bands still learn how often bursts happen. Pure.
 *
 * A point is a spike when its distance from the median of the `window` points around it exceeds
 * `k` robust standard deviations of the local noise (each point's distance from the median of its
 * neighbours alone). The first and last `window / 2` points are never called spikes.
 */
import { median } from "./robust-stats";

export function screenSpikes(values: Float64Array, o: { window?: number; k?: number } = {}): { values: Float64Array; spikes: number } {
  const half = Math.floor((o.window ?? 5) / 2);
  const k = o.k ?? 8;
  const n = values.length;
  // Distance from the median of the window with the point (0 on a line, a step or a slope: only
  // isolated points stand out) and without it (its spread is the local noise, the scale).
  const dist = new Float64Array(n).fill(NaN);
  const spread: number[] = [];
  const w: number[] = [];
  for (let i = half; i < n - half; i++) {
    if (Number.isNaN(values[i])) continue;
    w.length = 0;
    for (let j = i - half; j <= i + half; j++) if (j !== i && !Number.isNaN(values[j])) w.push(values[j]);
    if (w.length < 2) continue;
    spread.push(values[i] - median(w));
    w.push(values[i]);
    dist[i] = values[i] - median(w);
  }
  if (spread.length < 10) return { values, spikes: 0 };
  const centre = median(spread);
  const deviations = spread.map((r) => Math.abs(r - centre));
  // The MAD is 0 when most points sit exactly between their neighbours (a clean line): then the mean deviation.
  const scale = 1.4826 * median(deviations) || 1.2533 * (deviations.reduce((a, b) => a + b, 0) / deviations.length);
  if (!(scale > 0)) return { values, spikes: 0 };
  const out = Float64Array.from(values);
  let spikes = 0;
  for (let i = 0; i < n; i++) {
    if (Math.abs(dist[i]) > k * scale) {
      out[i] = NaN;
      spikes++;
    }
  }
  return { values: out, spikes };
}
