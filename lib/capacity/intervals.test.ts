import { describe, expect, it } from "vitest";
import { band, calibrate, NORMAL_CALIBRATION } from "./intervals";
import { gaussian } from "./test-fixtures";

describe("interval calibration", () => {
  it("finds the normal quantiles in normal errors", () => {
    const z = gaussian(17);
    const c = calibrate(Array.from({ length: 20_000 }, () => z()));
    expect(c.source).toBe("backtest");
    expect(c.q10).toBeCloseTo(-1.2816, 1);
    expect(c.q90).toBeCloseTo(1.2816, 1);
    expect(c.q025).toBeCloseTo(-1.96, 1);
    expect(c.q975).toBeCloseTo(1.96, 1);
  });

  it("widens for errors three times the model's own scale, and is asymmetric when they are", () => {
    const z = gaussian(5);
    const wide = calibrate(Array.from({ length: 5_000 }, () => 3 * z()));
    expect(wide.q90).toBeGreaterThan(3.5);
    const skewed = calibrate(Array.from({ length: 5_000 }, () => Math.exp(z()) - 1)); // a long upper tail
    expect(skewed.q975).toBeGreaterThan(-3 * skewed.q025);
  });

  it("falls back to the normal quantiles with too few errors, ignoring non-finite ones", () => {
    expect(calibrate([1, 2, NaN, Infinity], 50)).toEqual({ ...NORMAL_CALIBRATION, points: 2 });
  });

  it("keeps the median inside its bands and the bands above zero", () => {
    const biased = calibrate(Array.from({ length: 100 }, (_, i) => 1 + i / 100)); // every error positive
    expect(biased.q10).toBe(0);
    expect(biased.q025).toBe(0);
    const b = band(10, 20, NORMAL_CALIBRATION);
    expect(b.lower95).toBe(0);
    expect(b.lower80).toBe(0);
    expect(b.upper80).toBeCloseTo(10 + 1.281552 * 20, 6);
    expect(b.upper95).toBeCloseTo(10 + 1.959964 * 20, 6);
  });
});
