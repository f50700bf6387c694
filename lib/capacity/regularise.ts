/**
 * Raw samples → a regular grid at the resource's resolution. Pure.
 *
 * Samples that cannot be usage are dropped and counted (NaN/±Inf, negative values, samples after
 * `now` or before the lookback). Each grid point is the mean of the samples in its bucket
 * [start + i × step, start + (i + 1) × step); buckets are aligned to multiples of the step since the
 * epoch so that days and hours line up. Buckets with no sample are NaN: gaps are handled in gaps.ts.
 */
import type { RegularSeries, Sample } from "./types";

export type DroppedSamples = { notANumber: number; negative: number; future: number; beforeLookback: number };

export type Cleaned = { samples: Sample[]; dropped: DroppedSamples };

/** Valid samples in [from, now], sorted by time, and what was dropped. */
export function cleanSamples(samples: readonly Sample[], o: { now: number; from: number }): Cleaned {
  const dropped: DroppedSamples = { notANumber: 0, negative: 0, future: 0, beforeLookback: 0 };
  const kept: Sample[] = [];
  for (const s of samples) {
    if (!Number.isFinite(s.t) || !Number.isFinite(s.v)) dropped.notANumber++;
    else if (s.v < 0) dropped.negative++;
    else if (s.t > o.now) dropped.future++;
    else if (s.t < o.from) dropped.beforeLookback++;
    else kept.push(s);
  }
  kept.sort((a, b) => a.t - b.t);
  return { samples: kept, dropped };
}

/** Bucket means on the grid of `stepMs`, from the first sample's bucket to the last one's. */
export function regularise(sorted: readonly Sample[], stepMs: number): RegularSeries {
  if (!(stepMs > 0)) throw new RangeError(`The resolution must be positive, not ${stepMs}.`);
  if (sorted.length === 0) return { start: 0, stepMs, values: new Float64Array(0) };
  const start = Math.floor(sorted[0].t / stepMs) * stepMs;
  const n = Math.floor((sorted[sorted.length - 1].t - start) / stepMs) + 1;
  const sum = new Float64Array(n);
  const count = new Uint32Array(n);
  for (const s of sorted) {
    const i = Math.floor((s.t - start) / stepMs);
    sum[i] += s.v;
    count[i]++;
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = count[i] ? sum[i] / count[i] : NaN;
  return { start, stepMs, values };
}
