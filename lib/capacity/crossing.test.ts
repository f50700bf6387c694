import { describe, expect, it } from "vitest";
import { crossing, firstCrossing, type ForecastPoint } from "./crossing";

/** A straight forecast: median v0 + slope·i, bands ± spread80/95 growing with i. */
function points(n: number, v0: number, slope: number): ForecastPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const m = v0 + slope * i;
    return { t: 1000 + i * 10, median: m, lower80: m - i, upper80: m + i, lower95: m - 2 * i, upper95: m + 2 * i };
  });
}

describe("crossings", () => {
  it("interpolates the first crossing between points", () => {
    const p = points(100, 0, 1);
    expect(firstCrossing(p, (x) => x.median, 42.5)).toBe(1000 + 425);
    expect(firstCrossing(p, (x) => x.median, 1e6)).toBeNull();
    expect(firstCrossing(p, (x) => x.median, -1)).toBe(1000);
  });

  it("orders the dates: pessimistic 95 ≤ pessimistic 80 ≤ median ≤ optimistic 80 ≤ optimistic 95", () => {
    // median = 10 + 2i, upper80 = 10 + 3i, upper95 = 10 + 4i, lower80 = 10 + i, lower95 = 10 (flat).
    const c = crossing(points(100, 10, 2), 90, 10, 0);
    expect(c.median).toBeCloseTo(1000 + 400, 9); // 10 + 2i = 90 at i = 40
    expect(c.earliest80).toBeCloseTo(1000 + (80 / 3) * 10, 9);
    expect(c.earliest95).toBeCloseTo(1000 + 200, 9);
    expect(c.latest80).toBeCloseTo(1000 + 800, 9);
    expect(c.latest95).toBeNull(); // the lower 95 % band never gets there: not within the horizon
    expect(c.reachedNow).toBe(false);
  });

  it("says 'now' when usage is already at the level, and never dates a crossing before now", () => {
    const c = crossing(points(10, 0, 1), 5, 7, 123);
    expect(c).toMatchObject({ reachedNow: true, median: 123, earliest95: 123, latest95: 123 });
    const late = crossing(points(100, 0, 1), 5, 0, 2000);
    expect(late.median).toBe(2000);
  });
});
