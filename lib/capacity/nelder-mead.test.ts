import { describe, expect, it } from "vitest";
import { minimise } from "./nelder-mead";

describe("Nelder–Mead", () => {
  it("finds the minimum of a shifted quadratic", () => {
    const m = minimise((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + 5, [0, 0], { tolerance: 1e-14, maxEvaluations: 2000 });
    expect(m.x[0]).toBeCloseTo(3, 4);
    expect(m.x[1]).toBeCloseTo(-1, 4);
    expect(m.value).toBeCloseTo(5, 8);
  });

  it("follows Rosenbrock's valley to (1, 1)", () => {
    const m = minimise((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { tolerance: 1e-16, maxEvaluations: 5000 });
    expect(m.x[0]).toBeCloseTo(1, 3);
    expect(m.x[1]).toBeCloseTo(1, 3);
  });

  it("stops at the evaluation budget and treats NaN as +∞", () => {
    let calls = 0;
    const m = minimise((x) => (calls++, x[0] < 0 ? NaN : x[0] ** 2), [2], { maxEvaluations: 30 });
    expect(calls).toBeLessThanOrEqual(32); // the budget is checked once per iteration
    expect(m.x[0]).toBeGreaterThanOrEqual(0);
    expect(m.evaluations).toBe(calls);
  });
});
