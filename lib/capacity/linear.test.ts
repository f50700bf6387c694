import { describe, expect, it } from "vitest";
import { fitLine, fitLinear } from "./linear";
import { gaussian } from "./test-fixtures";

describe("linear trend", () => {
  it("recovers an exact line, skipping missing points", () => {
    const y = Float64Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? NaN : 4 + 0.5 * i));
    const fit = fitLine(y);
    expect(fit.slope).toBeCloseTo(0.5, 12);
    expect(fit.intercept).toBeCloseTo(4, 10);
    expect(fit.sigma).toBeCloseTo(0, 10);
    const m = fitLinear(y);
    expect(Array.from(m.forecast(3))).toEqual([4 + 0.5 * 50, 4 + 0.5 * 51, 4 + 0.5 * 52].map((v) => expect.closeTo(v, 9)));
    expect(m.growth(10)).toBeCloseTo(5, 10);
  });

  it("matches the closed-form least squares on noisy data", () => {
    const z = gaussian(3);
    const y = Array.from({ length: 400 }, (_, i) => 100 - 0.2 * i + 5 * z());
    // Independent computation: slope = cov(x, y) / var(x).
    const n = y.length;
    const mx = (n - 1) / 2;
    const my = y.reduce((a, b) => a + b, 0) / n;
    const cov = y.reduce((a, v, i) => a + (i - mx) * (v - my), 0);
    const vx = y.reduce((a, _, i) => a + (i - mx) ** 2, 0);
    const fit = fitLine(y);
    expect(fit.slope).toBeCloseTo(cov / vx, 10);
    expect(fit.slope).toBeCloseTo(-0.2, 1);
    expect(fit.sigma).toBeGreaterThan(4.5);
    expect(fit.sigma).toBeLessThan(5.5);
  });

  it("widens its error further from the data", () => {
    const z = gaussian(5);
    const m = fitLinear(Float64Array.from({ length: 100 }, (_, i) => i + z()));
    const sd = m.errorSd(200);
    for (let h = 1; h < 200; h++) expect(sd[h]).toBeGreaterThanOrEqual(sd[h - 1]);
    expect(() => fitLine([1, NaN, NaN])).toThrow(RangeError);
  });
});
