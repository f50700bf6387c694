/**
 * Prediction intervals calibrated on backtest errors. Pure.
 *
 * Each model gives the shape of its uncertainty over the horizon (its analytic error standard
 * deviation sd(h), plus the spread of the raw points around the model step's mean). The width comes
 * from the backtest: every held-out point gives a standardised error z = (actual − forecast) / sd(h),
 * and the 2.5/10/90/97.5 % quantiles of those z, pooled over the origins, scale the bands. So an 80 %
 * band covers what 80 % of the model's own past misses fell into, however well or badly the
 * textbook variance fits the data. With fewer than `minPoints` errors the normal quantiles are used.
 */
import { quantileSorted } from "./robust-stats";

export type Calibration = {
  /** Quantiles of the standardised errors. */
  q025: number;
  q10: number;
  q90: number;
  q975: number;
  source: "backtest" | "normal";
  points: number;
};

export const NORMAL_CALIBRATION: Calibration = { q025: -1.959964, q10: -1.281552, q90: 1.281552, q975: 1.959964, source: "normal", points: 0 };

export function calibrate(z: ArrayLike<number>, minPoints = 50): Calibration {
  const s = new Float64Array(z.length);
  let n = 0;
  for (let i = 0; i < z.length; i++) if (Number.isFinite(z[i])) s[n++] = z[i];
  if (n < minPoints) return { ...NORMAL_CALIBRATION, points: n };
  s.subarray(0, n).sort();
  const sorted = s.subarray(0, n);
  // The median forecast stays inside its bands even if the backtest says it was biased.
  return {
    q025: Math.min(0, quantileSorted(sorted, 0.025)),
    q10: Math.min(0, quantileSorted(sorted, 0.1)),
    q90: Math.max(0, quantileSorted(sorted, 0.9)),
    q975: Math.max(0, quantileSorted(sorted, 0.975)),
    source: "backtest",
    points: n,
  };
}

export type Band = { lower95: number; lower80: number; upper80: number; upper95: number };

/** The bands around a median with error scale `sd`; usage cannot be negative, so they stop at 0. */
export function band(median: number, sd: number, c: Calibration): Band {
  return {
    lower95: Math.max(0, median + c.q025 * sd),
    lower80: Math.max(0, median + c.q10 * sd),
    upper80: Math.max(0, median + c.q90 * sd),
    upper95: Math.max(0, median + c.q975 * sd),
  };
}
