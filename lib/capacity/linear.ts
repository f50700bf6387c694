/**
 * The baseline: a straight line by ordinary least squares over the whole window, which is what
 * PromQL's `predict_linear(v[90d], h)` and the seeds' linear regression do. Pure.
 *
 * x is the point index (time in steps), so gaps (NaN) are simply left out of the sums.
 */
import type { FittedModel } from "./model";

export type LinearFit = {
  intercept: number;
  /** Change per step. */
  slope: number;
  n: number;
  meanX: number;
  /** Σ (x − x̄)². */
  sxx: number;
  /** Residual standard deviation (n − 2 degrees of freedom; 0 with two points). */
  sigma: number;
};

export function fitLine(y: ArrayLike<number>): LinearFit {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    n++;
    sx += i;
    sy += y[i];
  }
  if (n < 2) throw new RangeError(`A line needs at least two points, not ${n}.`);
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    sxx += (i - meanX) ** 2;
    sxy += (i - meanX) * (y[i] - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) sse += (y[i] - intercept - slope * i) ** 2;
  return { intercept, slope, n, meanX, sxx, sigma: n > 2 ? Math.sqrt(sse / (n - 2)) : 0 };
}

/** The fitted line as a model; forecasts continue the index after the last point of `y`. */
export function fitLinear(y: ArrayLike<number>): FittedModel {
  const fit = fitLine(y);
  const last = y.length - 1;
  return {
    id: "linear",
    forecast(h) {
      const out = new Float64Array(h);
      for (let j = 1; j <= h; j++) out[j - 1] = fit.intercept + fit.slope * (last + j);
      return out;
    },
    errorSd(h) {
      // The OLS prediction error: residual noise plus the uncertainty of the line at that x.
      const out = new Float64Array(h);
      for (let j = 1; j <= h; j++) {
        const dx = last + j - fit.meanX;
        out[j - 1] = fit.sigma * Math.sqrt(1 + 1 / fit.n + (fit.sxx > 0 ? (dx * dx) / fit.sxx : 0));
      }
      return out;
    },
    growth: (steps) => fit.slope * steps,
    params: { intercept: fit.intercept, slope: fit.slope, sigma: fit.sigma },
  };
}
