/**
 * Rolling-origin backtests. Pure.
 *
 * For each origin, the model is fitted on the model steps before it and forecasts the next
 * `horizon` steps; every resolution point in that stretch is compared with the forecast
 * interpolated to its time. MAPE is the mean of |error| / |actual| over points whose actual is not
 * zero, WAPE is Σ|error| / Σ|actual| (defined for series with zeros). Interval coverage is honest:
 * each origin's points are judged against bands calibrated on the other origins' errors only.
 */
import { interpolate } from "./aggregate";
import { band, calibrate, type Calibration } from "./intervals";
import type { FittedModel, ModelId } from "./model";
import { firstResIndex, withinStepSd, type ModelInput } from "./model-input";
import type { ModelSpec } from "./models";
import type { RegularSeries } from "./types";

export type BacktestFigures = {
  model: ModelId;
  origins: number;
  points: number;
  horizonMs: number;
  /** Percent; null when every actual was zero. */
  mape: number | null;
  /** Percent; null when the actuals sum to zero. */
  wape: number | null;
  /** Share (0..1) of held-out points inside the 80 % and 95 % bands; null with a single origin. */
  coverage80: number | null;
  coverage95: number | null;
};

export type BacktestRun = { figures: BacktestFigures; calibration: Calibration };

/**
 * Up to `count` origins (model-step indices), the last one `horizon` steps before the end, spread
 * back towards `minTrain` but never more than a horizon apart; oldest first.
 */
export function planOrigins(steps: number, minTrain: number, horizon: number, count = 5): number[] {
  const last = steps - horizon;
  if (last < minTrain || horizon < 1) return [];
  const spacing = count > 1 ? Math.min(horizon, Math.max(1, Math.floor((last - minTrain) / (count - 1)))) : horizon;
  const origins: number[] = [];
  for (let k = 0; k < count; k++) {
    const o = last - k * spacing;
    if (o < minTrain) break;
    origins.push(o);
  }
  return origins.reverse();
}

/** A fitted model's forecast for model steps from..from+h−1 (medians) and the error scale of each. */
export function forecastSteps(model: FittedModel, input: ModelInput, from: number, h: number, spread: number): { median: RegularSeries; sd: Float64Array } {
  const median = model.forecast(h);
  const sd = model.errorSd(h);
  for (let i = 0; i < h; i++) sd[i] = Math.sqrt(sd[i] * sd[i] + spread * spread);
  return { median: { start: input.agg.start + from * input.agg.stepMs, stepMs: input.agg.stepMs, values: median }, sd };
}

/** The held-out points of all origins, as parallel arrays (tens of thousands of points: no objects). */
type Held = { origin: number[]; y: number[]; yhat: number[]; sd: number[] };

function holdOut(held: Held, spec: ModelSpec, input: ModelInput, origin: number, horizon: number): number {
  let model: FittedModel;
  try {
    model = spec.fit(input.agg.values.subarray(0, origin), input.agg.stepMs);
  } catch {
    return 0; // too few points with data before this origin
  }
  // One step more than the horizon, so the raw points after the last step's centre interpolate too.
  const { median, sd } = forecastSteps(model, input, origin, horizon + 1, withinStepSd(input, origin));
  const from = Math.max(0, firstResIndex(input, origin));
  const to = Math.min(input.res.values.length, firstResIndex(input, origin + horizon));
  let count = 0;
  for (let i = from; i < to; i++) {
    const y = input.res.values[i];
    if (Number.isNaN(y)) continue;
    const g = Math.floor((i + input.offset) / input.factor) - origin;
    const yhat = Math.max(0, interpolate(median, input.res.start + i * input.res.stepMs, true));
    held.origin.push(origin);
    held.y.push(y);
    held.yhat.push(yhat);
    held.sd.push(Math.max(sd[g], 1e-9 * (1 + Math.abs(yhat))));
    count++;
  }
  return count;
}

export function backtest(spec: ModelSpec, input: ModelInput, origins: readonly number[], horizon: number): BacktestRun | null {
  const held: Held = { origin: [], y: [], yhat: [], sd: [] };
  const used: number[] = [];
  for (const o of origins) if (holdOut(held, spec, input, o, horizon) > 0) used.push(o);
  const n = held.y.length;
  if (n === 0) return null;
  const z = new Float64Array(n);
  let ape = 0;
  let apeN = 0;
  let absErr = 0;
  let absY = 0;
  for (let i = 0; i < n; i++) {
    const y = held.y[i];
    const e = y - held.yhat[i];
    z[i] = e / held.sd[i];
    absErr += Math.abs(e);
    absY += Math.abs(y);
    if (y !== 0) {
      ape += Math.abs(e) / Math.abs(y);
      apeN++;
    }
  }
  let in80 = 0;
  let in95 = 0;
  if (used.length > 1) {
    const others = new Float64Array(n);
    for (const o of used) {
      let m = 0;
      for (let i = 0; i < n; i++) if (held.origin[i] !== o) others[m++] = z[i];
      const c = calibrate(others.subarray(0, m));
      for (let i = 0; i < n; i++) {
        if (held.origin[i] !== o) continue;
        const b = band(held.yhat[i], held.sd[i], c);
        const y = held.y[i];
        if (y >= b.lower80 && y <= b.upper80) in80++;
        if (y >= b.lower95 && y <= b.upper95) in95++;
      }
    }
  }
  return {
    figures: {
      model: spec.id,
      origins: used.length,
      points: n,
      horizonMs: horizon * input.agg.stepMs,
      mape: apeN ? (100 * ape) / apeN : null,
      wape: absY > 0 ? (100 * absErr) / absY : null,
      coverage80: used.length > 1 ? in80 / n : null,
      coverage95: used.length > 1 ? in95 / n : null,
    },
    calibration: calibrate(z),
  };
}

/** Lower is better: MAPE where both have it, else WAPE; null figures lose. */
export function betterThan(a: BacktestFigures, b: BacktestFigures): boolean {
  const key = a.mape !== null && b.mape !== null ? "mape" : "wape";
  const x = a[key];
  const y = b[key];
  if (x === null) return false;
  if (y === null) return true;
  return x < y;
}
