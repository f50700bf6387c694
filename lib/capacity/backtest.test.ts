import { describe, expect, it } from "vitest";
import { backtest, betterThan, planOrigins } from "./backtest";
import { modelInput } from "./model-input";
import { MODEL_SPECS } from "./models";
import { gaussian, rng } from "./test-fixtures";
import { MINUTE_MS } from "./types";

const STEP = 5 * MINUTE_MS;

describe("backtest origins", () => {
  it("end one horizon before the data, stay after the minimum training length, at most a horizon apart", () => {
    const r = rng(3);
    for (let k = 0; k < 500; k++) {
      const steps = 10 + Math.floor(r() * 5_000);
      const minTrain = Math.floor(r() * steps);
      const horizon = 1 + Math.floor(r() * steps * 0.5);
      const count = 1 + Math.floor(r() * 8);
      const o = planOrigins(steps, minTrain, horizon, count);
      expect(o.length).toBeLessThanOrEqual(count);
      if (steps - horizon < minTrain) {
        expect(o).toEqual([]);
        continue;
      }
      expect(o.at(-1)).toBe(steps - horizon);
      for (let i = 0; i < o.length; i++) {
        expect(o[i]).toBeGreaterThanOrEqual(minTrain);
        if (i) {
          expect(o[i] - o[i - 1]).toBeGreaterThan(0);
          expect(o[i] - o[i - 1]).toBeLessThanOrEqual(horizon);
        }
      }
    }
  });
});

describe("backtest", () => {
  it("scores a perfect line as error-free", () => {
    const res = { start: 0, stepMs: STEP, values: Float64Array.from({ length: 6 * 288 }, (_, i) => 100 + i) };
    const input = modelInput(res, 6);
    const run = backtest(MODEL_SPECS.linear, input, [100, 150, 200], 48)!;
    expect(run.figures.origins).toBe(3);
    expect(run.figures.points).toBe(3 * 48 * 6);
    expect(run.figures.mape).toBeLessThan(1e-6);
    expect(run.figures.wape).toBeLessThan(1e-6);
  });

  it("calibrates bands that cover about 80 % and 95 % of unseen noise", () => {
    const z = gaussian(21);
    const res = { start: 0, stepMs: STEP, values: Float64Array.from({ length: 20 * 288 }, (_, i) => 500 + 0.05 * i + 20 * z()) };
    const input = modelInput(res, 6);
    const run = backtest(MODEL_SPECS.linear, input, planOrigins(input.agg.values.length, 48, 96, 6), 96)!;
    expect(run.figures.coverage80).toBeGreaterThan(0.74);
    expect(run.figures.coverage80).toBeLessThan(0.86);
    expect(run.figures.coverage95).toBeGreaterThan(0.9);
    expect(run.figures.coverage95).toBeLessThan(0.99);
    // MAPE of pure noise σ = 20 around ~600: about E|N(0,20)| / 600 ≈ 2.7 %.
    expect(run.figures.mape).toBeGreaterThan(2);
    expect(run.figures.mape).toBeLessThan(3.5);
  });

  it("skips MAPE over zero actuals, and compares by WAPE when MAPE is missing", () => {
    const res = { start: 0, stepMs: STEP, values: Float64Array.from({ length: 3 * 288 }, (_, i) => (i < 600 ? 5 : 0)) };
    const run = backtest(MODEL_SPECS.linear, modelInput(res, 6), [100], 44)!;
    expect(run.figures.mape).toBeNull();
    expect(run.figures.wape).toBeNull();
    expect(run.figures.coverage80).toBeNull(); // one origin: no honest coverage
    const a = { model: "linear" as const, origins: 2, points: 10, horizonMs: 1, mape: null, wape: 5, coverage80: null, coverage95: null };
    expect(betterThan(a, { ...a, wape: 6 })).toBe(true);
    expect(betterThan({ ...a, mape: 3 }, { ...a, mape: 4, wape: 1 })).toBe(true);
    expect(betterThan({ ...a, wape: null }, a)).toBe(false);
  });
});
