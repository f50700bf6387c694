/**
 * Holt-Winters with a damped additive trend and an additive season: ETS(A,Ad,A) in the error
 * correction form of Hyndman et al., "Forecasting with Exponential Smoothing" (2008):
 *
 *   ŷ(t)  = ℓ + φb + s(t−m)              e = y(t) − ŷ(t)
 *   ℓ    ← ℓ + φb + αe     b ← φb + βe     s(t) = s(t−m) + γe
 *   ŷ(n+h) = ℓ + (φ + φ² + … + φʰ) b + s(n+h−m⌈h/m⌉)
 *
 * Missing points (NaN) update nothing: the state coasts on its own forecast. Parameters are fitted
 * by Nelder–Mead on the mean squared one-step error plus the mean squared error a day ahead (the
 * one-step error alone barely constrains β and φ, which decide the long-range trend). Pure.
 *
 * Damping is expressed per day, so that it means the same at any step: with φ per day between
 * 0.8 and 0.999, the trend of today still counts at 0.8³⁰ … 0.97 of its weight a month out.
 */
import { fitLine } from "./linear";
import type { FittedModel, ModelId } from "./model";
import { minimise } from "./nelder-mead";

export type HwParams = { alpha: number; beta: number; gamma: number; phi: number };
export type HwState = { level: number; trend: number; season: Float64Array };

const PHI_DAY_MIN = 0.8;
const PHI_DAY_MAX = 0.999;

/**
 * The state before the first point, from a classical decomposition of the whole training window:
 * the trend is the least-squares line through the means of the complete seasons (a mean over a
 * whole season has no seasonal part, so the line is not bent by where the season happens to peak),
 * taken back to the step before the first point; the seasonal indices are the mean deviations from
 * that line per position in the season (centred on zero; 0 where a position has no data). With
 * small smoothing parameters the model then stays close to "line + fixed season", which is what a
 * long, steady history supports; larger ones let it adapt.
 */
export function initialState(y: Float64Array, m: number): HwState {
  if (y.length < 2 * m) throw new RangeError(`A season of ${m} points needs at least ${2 * m} points of history, not ${y.length}.`);
  const seasons = Math.floor(y.length / m);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < seasons; k++) {
    let sum = 0;
    let sumX = 0;
    let count = 0;
    for (let i = k * m; i < (k + 1) * m; i++) {
      if (Number.isNaN(y[i])) continue;
      sum += y[i];
      sumX += i;
      count++;
    }
    if (count >= m / 2) {
      xs.push(sumX / count);
      ys.push(sum / count);
    }
  }
  let intercept: number;
  let slope: number;
  if (xs.length >= 2) {
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxx = 0;
    let sxy = 0;
    xs.forEach((x, k) => {
      sxx += (x - mx) ** 2;
      sxy += (x - mx) * (ys[k] - my);
    });
    slope = sxx > 0 ? sxy / sxx : 0;
    intercept = my - slope * mx;
  } else {
    ({ intercept, slope } = fitLine(y)); // too few complete seasons with data: a line through all points
  }
  const sum = new Float64Array(m);
  const count = new Uint32Array(m);
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    sum[i % m] += y[i] - intercept - slope * i;
    count[i % m]++;
  }
  const season = new Float64Array(m);
  let mean = 0;
  let filled = 0;
  for (let j = 0; j < m; j++) {
    if (count[j]) {
      season[j] = sum[j] / count[j];
      mean += season[j];
      filled++;
    }
  }
  mean = filled ? mean / filled : 0;
  for (let j = 0; j < m; j++) if (count[j]) season[j] -= mean;
  return { level: intercept - slope, trend: slope, season };
}

type RunResult = { mse1: number; mseH: number; level: number; trend: number; season: Float64Array };

/** Runs the recursions over y; errors a step and `h` steps ahead (h ≤ m). */
export function runHw(y: Float64Array, m: number, p: HwParams, init: HwState, h: number, scratch?: { season: Float64Array; ring: Float64Array }): RunResult {
  const n = y.length;
  const { alpha, beta, gamma, phi } = p;
  const season = scratch?.season ?? new Float64Array(m);
  season.set(init.season);
  const ring = scratch?.ring ?? new Float64Array(2 * h); // level and trend h steps back
  let phiH = 0;
  for (let i = 1, f = phi; i <= h; i++, f *= phi) phiH += f;
  let level = init.level;
  let trend = init.trend;
  let sse1 = 0;
  let n1 = 0;
  let sseH = 0;
  let nH = 0;
  let j = 0;
  let r = 0;
  for (let t = 0; t < n; t++) {
    const sj = season[j];
    const yt = y[t];
    const damped = phi * trend;
    let e = 0;
    if (yt === yt) {
      e = yt - (level + damped + sj);
      sse1 += e * e;
      n1++;
      if (t >= h) {
        const eh = yt - (ring[r] + phiH * ring[r + 1] + sj);
        sseH += eh * eh;
        nH++;
      }
    }
    level = level + damped + alpha * e;
    trend = damped + beta * e;
    season[j] = sj + gamma * e;
    ring[r] = level;
    ring[r + 1] = trend;
    r += 2;
    if (r === ring.length) r = 0;
    if (++j === m) j = 0;
  }
  return { mse1: n1 ? sse1 / n1 : 0, mseH: nH ? sseH / nH : 0, level, trend, season };
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** Unbounded coordinates → parameters inside the usual region 0 < β < α < 1, 0 < γ < 1 − α. */
function toParams(x: number[], stepsPerDay: number): HwParams {
  const alpha = 0.0005 + 0.999 * logistic(x[0]);
  const beta = alpha * logistic(x[1]);
  const gamma = (1 - alpha) * logistic(x[2]);
  const phiDay = PHI_DAY_MIN + (PHI_DAY_MAX - PHI_DAY_MIN) * logistic(x[3]);
  return { alpha, beta, gamma, phi: phiDay ** (1 / stepsPerDay) };
}

export type HwFitOptions = { maxEvaluations?: number };

export type HwFit = { params: HwParams; init: HwState; end: RunResult; sigma: number; evaluations: number };

/** Fits α, β, γ, φ on y (model steps) for a season of m steps, `stepsPerDay` steps a day. */
export function fitHw(y: Float64Array, m: number, stepsPerDay: number, o: HwFitOptions = {}): HwFit {
  const init = initialState(y, m);
  const h = Math.max(1, Math.min(m, Math.round(stepsPerDay)));
  const scratch = { season: new Float64Array(m), ring: new Float64Array(2 * h) };
  const objective = (x: number[]) => {
    const r = runHw(y, m, toParams(x, stepsPerDay), init, h, scratch);
    return r.mse1 + r.mseH;
  };
  const x0 = [logit(0.1), logit(0.05), logit(0.1), logit(0.75)];
  const best = minimise(objective, x0, { step: 1.5, maxEvaluations: o.maxEvaluations ?? 160, tolerance: 1e-6 });
  const params = toParams(best.x, stepsPerDay);
  const end = runHw(y, m, params, init, h);
  return { params, init, end, sigma: Math.sqrt(end.mse1), evaluations: best.evaluations };
}

/** Σ φ^i for i = 1..k. */
function phiSum(phi: number, k: number): number {
  return phi === 1 ? k : (phi * (1 - phi ** k)) / (1 - phi);
}

/** A fitted Holt-Winters model; forecasts continue after the last point of `y`. */
export function fitHoltWinters(id: ModelId, y: Float64Array, m: number, stepsPerDay: number, o: HwFitOptions = {}): FittedModel & { fit: HwFit } {
  const fit = fitHw(y, m, stepsPerDay, o);
  const { alpha, beta, gamma, phi } = fit.params;
  const { level, trend, season } = fit.end;
  const nextSlot = y.length % m;
  return {
    id,
    fit,
    forecast(h) {
      const out = new Float64Array(h);
      let damped = 0;
      for (let j = 1, f = phi; j <= h; j++, f *= phi) {
        damped += f;
        out[j - 1] = level + damped * trend + season[(nextSlot + j - 1) % m];
      }
      return out;
    },
    errorSd(h) {
      // Var(h) = σ² (1 + Σ_{j<h} c_j²), c_j = α + β(φ + … + φ^j) + γ[j ≡ 0 mod m] (Hyndman et al., table 6.1).
      const out = new Float64Array(h);
      let acc = 1;
      let damped = 0;
      for (let j = 1, f = phi; j <= h; j++, f *= phi) {
        out[j - 1] = fit.sigma * Math.sqrt(acc);
        damped += f;
        const c = alpha + beta * damped + (j % m === 0 ? gamma : 0);
        acc += c * c;
      }
      return out;
    },
    growth: (steps) => trend * phiSum(phi, steps),
    params: { alpha, beta, gamma, phi, period: m, level, trend, sigma: fit.sigma },
  };
}
