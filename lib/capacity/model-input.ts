/**
 * The two views of one history that the models and the backtest share: the points at the
 * resolution (what forecasts are judged against) and their means at the model step (what the models
 * are fitted on). Pure.
 */
import { aggregate, interpolate } from "./aggregate";
import type { RegularSeries } from "./types";

export type ModelInput = {
  res: RegularSeries;
  agg: RegularSeries;
  /** Resolution points per model step. */
  factor: number;
  /** Resolution points that the first model step holds before `res.start` (its groups are aligned to the clock). */
  offset: number;
};

export function modelInput(res: RegularSeries, factor: number): ModelInput {
  const agg = aggregate(res, factor);
  const big = res.stepMs * factor;
  const offset = factor === 1 ? 0 : Math.round((res.start - Math.floor(res.start / big) * big) / res.stepMs);
  return { res, agg, factor, offset };
}

/** First resolution index of model step g (may be negative for the first step, or past the end). */
export const firstResIndex = (m: ModelInput, g: number) => g * m.factor - m.offset;

/**
 * Standard deviation of the resolution points around the interpolated model-step means, over the
 * first `steps` model steps: the part of each point's error no forecast of the means can remove.
 */
export function withinStepSd(m: ModelInput, steps: number): number {
  if (m.factor === 1) return 0;
  const train: RegularSeries = { ...m.agg, values: m.agg.values.subarray(0, steps) };
  const end = Math.min(m.res.values.length, firstResIndex(m, steps));
  let sum = 0;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const v = m.res.values[i];
    if (Number.isNaN(v)) continue;
    const d = v - interpolate(train, m.res.start + i * m.res.stepMs);
    if (Number.isNaN(d)) continue;
    sum += d * d;
    n++;
  }
  return n > 1 ? Math.sqrt(sum / (n - 1)) : 0;
}
