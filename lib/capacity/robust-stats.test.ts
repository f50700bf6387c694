import { describe, expect, it } from "vitest";
import { median, quantile, quantileSorted, robustSd } from "./robust-stats";
import { gaussian, rng } from "./test-fixtures";

describe("order statistics", () => {
  it("agrees with sorting on random inputs, ties and all", () => {
    const r = rng(9);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(r() * 60);
      const values = Array.from({ length: n }, () => Math.floor(r() * 10) * (r() < 0.5 ? 1 : 0.5));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.025, 0.1, 0.5, 0.9, 0.975, 1, r()]) {
        // Independent type-7 quantile.
        const pos = p * (n - 1);
        const lo = Math.floor(pos);
        const expected = sorted[lo] + ((sorted[Math.min(n - 1, lo + 1)] ?? sorted[lo]) - sorted[lo]) * (pos - lo);
        expect(quantile(values, p)).toBeCloseTo(expected, 12);
        expect(quantileSorted(sorted, p)).toBeCloseTo(expected, 12);
      }
    }
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it("estimates a normal standard deviation robustly, ignoring a few wild points", () => {
    const z = gaussian(4);
    const v = Array.from({ length: 20_000 }, () => 3 * z());
    for (let i = 0; i < 200; i++) v[i * 100] = 1e9;
    expect(robustSd(v)).toBeGreaterThan(2.85);
    expect(robustSd(v)).toBeLessThan(3.2);
  });
});
