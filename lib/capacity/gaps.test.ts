import { describe, expect, it } from "vitest";
import { fillShortGaps, findGaps } from "./gaps";

const series = (values: number[]) => ({ start: 1000, stepMs: 10, values: Float64Array.from(values) });

describe("gaps", () => {
  it("lists every run of missing points with its extent", () => {
    expect(findGaps(series([1, NaN, 3, NaN, NaN, NaN, 7]))).toEqual([
      { from: 1010, to: 1020, points: 1, filled: false },
      { from: 1030, to: 1060, points: 3, filled: false },
    ]);
  });

  it("interpolates short gaps linearly and leaves long ones missing", () => {
    const { series: out, gaps } = fillShortGaps(series([1, NaN, 3, 4, NaN, NaN, NaN, 8, 9, NaN, NaN, 12]), 20);
    // 1-point gap: 2; 3-point gap (30 ms > 20 ms): kept; 2-point gap: 10, 11.
    expect(Array.from(out.values)).toEqual([1, 2, 3, 4, NaN, NaN, NaN, 8, 9, 10, 11, 12]);
    expect(gaps.map((g) => g.filled)).toEqual([false, false, true].map((_, i) => i !== 1));
    expect(gaps[1]).toMatchObject({ from: 1040, to: 1070, points: 3, filled: false });
  });

  it("does not touch the input", () => {
    const input = series([1, NaN, 3]);
    fillShortGaps(input, 100);
    expect(Number.isNaN(input.values[1])).toBe(true);
  });
});
