import { describe, expect, it } from "vitest";
import { fitHoltWinters, initialState, runHw } from "./holt-winters";
import { gaussian } from "./test-fixtures";

/** 30-minute steps: 48 a day. */
const M = 48;
function synthetic(days: number, o: { level: number; slopePerDay: number; amplitude: number; noise: number; seed?: number }) {
  const z = gaussian(o.seed ?? 11);
  return Float64Array.from({ length: days * M }, (_, i) => o.level + (o.slopePerDay * i) / M + o.amplitude * Math.sin((2 * Math.PI * i) / M) + o.noise * z());
}

describe("Holt-Winters (damped trend, additive season)", () => {
  it("recovers the trend and the seasonal amplitude of a noisy series", () => {
    const y = synthetic(60, { level: 1_000, slopePerDay: 10, amplitude: 200, noise: 20 });
    const m = fitHoltWinters("seasonal-daily", y, M, M);
    const f = m.forecast(7 * M);
    // Growth: the mean of the forecast's last day minus that of its first day, over 6 days ≈ 10/day.
    const dayMean = (d: number) => f.slice(d * M, (d + 1) * M).reduce((a, b) => a + b, 0) / M;
    expect((dayMean(6) - dayMean(0)) / 6).toBeGreaterThan(8.5);
    expect((dayMean(6) - dayMean(0)) / 6).toBeLessThan(11.5);
    // The season: the detrended forecast's half-range ≈ 200.
    const detrended = Array.from(f.slice(0, M), (v, j) => v - (10 * j) / M);
    const amplitude = (Math.max(...detrended) - Math.min(...detrended)) / 2;
    expect(amplitude).toBeGreaterThan(180);
    expect(amplitude).toBeLessThan(220);
    // The level a day after the data ends: 1000 + 10 × 61 days; the phase continues the sine.
    const truth = Array.from({ length: M }, (_, j) => 1_000 + (10 * (60 * M + j)) / M + 200 * Math.sin((2 * Math.PI * j) / M));
    const mae = truth.reduce((a, v, j) => a + Math.abs(v - f[j]), 0) / M;
    expect(mae).toBeLessThan(15);
    expect(m.params.sigma).toBeGreaterThan(15);
    expect(m.params.sigma).toBeLessThan(25);
    expect(m.growth(30 * M) / 30).toBeGreaterThan(8);
    expect(m.growth(30 * M) / 30).toBeLessThan(11);
  });

  it("keeps its parameters in the admissible region", () => {
    const y = synthetic(20, { level: 50, slopePerDay: -1, amplitude: 5, noise: 3, seed: 4 });
    const { alpha, beta, gamma, phi } = fitHoltWinters("seasonal-daily", y, M, M).params;
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    expect(beta).toBeGreaterThan(0);
    expect(beta).toBeLessThan(alpha);
    expect(gamma).toBeGreaterThanOrEqual(0);
    expect(gamma).toBeLessThan(1 - alpha);
    expect(phi ** M).toBeGreaterThanOrEqual(0.8 - 1e-9); // damping per day
    expect(phi).toBeLessThan(1);
  });

  it("coasts over missing points instead of failing", () => {
    const y = synthetic(20, { level: 300, slopePerDay: 2, amplitude: 50, noise: 5, seed: 8 });
    for (let i = 5 * M; i < 6 * M; i++) y[i] = NaN; // a whole day missing
    const m = fitHoltWinters("seasonal-daily", y, M, M);
    const f = m.forecast(M);
    expect(f.every(Number.isFinite)).toBe(true);
    expect(Math.abs(f.reduce((a, b) => a + b, 0) / M - (300 + 2 * 20.5))).toBeLessThan(10);
  });

  it("starts from a decomposition whose season sums to zero", () => {
    const y = synthetic(4, { level: 10, slopePerDay: 0, amplitude: 3, noise: 0 });
    const s = initialState(y, M);
    expect(s.season.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    expect(s.season[12]).toBeCloseTo(3, 6); // sin peaks a quarter into the day
    expect(s.level).toBeCloseTo(10, 6);
    expect(() => initialState(y.subarray(0, M + 3), M)).toThrow(RangeError);
  });

  it("forecasts a constant series as that constant with zero error", () => {
    const y = new Float64Array(3 * M).fill(42);
    const m = fitHoltWinters("seasonal-daily", y, M, M);
    for (const v of m.forecast(2 * M)) expect(v).toBeCloseTo(42, 9);
    expect(m.params.sigma).toBeCloseTo(0, 9);
  });

  it("grows its error with the horizon, by the textbook variance", () => {
    const y = synthetic(20, { level: 500, slopePerDay: 3, amplitude: 60, noise: 10, seed: 2 });
    const m = fitHoltWinters("seasonal-daily", y, M, M);
    const sd = m.errorSd(3 * M);
    const { alpha, beta, gamma, phi, sigma } = m.params;
    // Independent: Var(h) = σ²(1 + Σ_{j<h} (α + β(φ+…+φ^j) + γ[j mod m = 0])²).
    const h = 2 * M + 5;
    let acc = 1;
    for (let j = 1; j < h; j++) {
      let ph = 0;
      for (let i = 1; i <= j; i++) ph += phi ** i;
      acc += (alpha + beta * ph + (j % M === 0 ? gamma : 0)) ** 2;
    }
    expect(sd[h - 1]).toBeCloseTo(sigma * Math.sqrt(acc), 8);
    expect(sd[0]).toBeCloseTo(sigma, 12);
    for (let i = 1; i < sd.length; i++) expect(sd[i]).toBeGreaterThanOrEqual(sd[i - 1]);
  });

  it("scores one-step and day-ahead errors in its run", () => {
    // With α = β = γ = 0 and φ ≈ 1 on an exact line + season, both errors are zero.
    const y = synthetic(4, { level: 10, slopePerDay: 1, amplitude: 3, noise: 0 });
    const r = runHw(y, M, { alpha: 0, beta: 0, gamma: 0, phi: 1 }, initialState(y, M), M);
    expect(r.mse1).toBeCloseTo(0, 12);
    expect(r.mseH).toBeCloseTo(0, 12);
  });
});
