import { describe, expect, it } from "vitest";
import { burnDown, idealLine } from "./burndown";

describe("budget burn-down", () => {
  it("accumulates events from the start of the period", () => {
    // target 99 %: 1 % may fail. Step 1: 1 bad of 100 → budget used exactly (0 left). Step 2: 0 of 100 → 1 of 200 → half left.
    const points = burnDown(
      [
        { t: 1, bad: 1, total: 100 },
        { t: 2, bad: 0, total: 100 },
        { t: 3, bad: 0, total: 0 },
        { t: 4, bad: 6, total: 100 },
      ],
      0.99,
    );
    const expected = [0, 0.5, 0.5, 1 - 7 / 3];
    points.forEach((p, i) => expect(p.remaining).toBeCloseTo(expected[i], 12));
  });

  it("has no value before any traffic", () => {
    expect(burnDown([{ t: 1, bad: 0, total: 0 }], 0.999)).toEqual([{ t: 1, remaining: null }]);
  });

  it("draws the ideal line from 1 at the start to 0 at the end", () => {
    expect(idealLine([0, 25, 50, 100, 120], 0, 100).map((p) => p.remaining)).toEqual([1, 0.75, 0.5, 0, 0]);
  });
});
