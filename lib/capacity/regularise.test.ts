import { describe, expect, it } from "vitest";
import { cleanSamples, regularise } from "./regularise";

const MIN = 60_000;

describe("cleaning samples", () => {
  it("drops and counts what cannot be usage, and sorts the rest", () => {
    const now = 100 * MIN;
    const { samples, dropped } = cleanSamples(
      [
        { t: 50 * MIN, v: 2 },
        { t: 10 * MIN, v: 1 },
        { t: 20 * MIN, v: NaN },
        { t: 21 * MIN, v: Infinity },
        { t: NaN, v: 3 },
        { t: 30 * MIN, v: -4 },
        { t: 101 * MIN, v: 5 },
        { t: 1 * MIN, v: 6 },
      ],
      { now, from: 5 * MIN },
    );
    expect(samples).toEqual([
      { t: 10 * MIN, v: 1 },
      { t: 50 * MIN, v: 2 },
    ]);
    expect(dropped).toEqual({ notANumber: 3, negative: 1, future: 1, beforeLookback: 1 });
  });
});

describe("regularising", () => {
  it("puts bucket means on a grid aligned to the step, NaN where no sample fell", () => {
    // Irregular scrapes at :04, :06, :09, then nothing until :21.
    const s = regularise(
      [
        { t: 4 * MIN, v: 10 },
        { t: 6 * MIN, v: 20 },
        { t: 9 * MIN, v: 30 },
        { t: 21 * MIN, v: 7 },
      ],
      5 * MIN,
    );
    expect(s.start).toBe(0);
    expect(s.stepMs).toBe(5 * MIN);
    expect(Array.from(s.values)).toEqual([10, 25, NaN, NaN, 7]);
  });

  it("handles no samples and refuses a non-positive step", () => {
    expect(regularise([], 1000).values.length).toBe(0);
    expect(() => regularise([{ t: 0, v: 1 }], 0)).toThrow(RangeError);
  });
});
