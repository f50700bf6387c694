import { describe, expect, it } from "vitest";
import { aggregate, interpolate, modelStepFactor } from "./aggregate";
import { MINUTE_MS } from "./types";

describe("model step", () => {
  it("is 30 minutes for finer resolutions and the resolution otherwise", () => {
    expect(modelStepFactor(5 * MINUTE_MS)).toBe(6);
    expect(modelStepFactor(15_000)).toBe(120);
    expect(modelStepFactor(30 * MINUTE_MS)).toBe(1);
    expect(modelStepFactor(3_600_000)).toBe(1);
  });

  it("averages groups aligned to the clock and centres each mean on its points", () => {
    // 5-minute points from 00:10: the first 30-minute group (00:00–00:30) holds 00:10, 00:15, 00:20, 00:25.
    const s = { start: 10 * MINUTE_MS, stepMs: 5 * MINUTE_MS, values: Float64Array.from([1, 2, 3, 4, 10, NaN, 20, 30, 40, 50, NaN, 60]) };
    const a = aggregate(s, 6);
    expect(a.stepMs).toBe(30 * MINUTE_MS);
    expect(Array.from(a.values)).toEqual([2.5, (10 + 20 + 30 + 40 + 50) / 5, 60]);
    expect(a.start).toBe(12.5 * MINUTE_MS); // centre of 00:00 … 00:25
    const none = aggregate({ start: 0, stepMs: 1, values: Float64Array.from([NaN, NaN, 1, 1]) }, 2);
    expect(Number.isNaN(none.values[0])).toBe(true);
  });

  it("interpolates linearly and clamps outside", () => {
    const s = { start: 100, stepMs: 10, values: Float64Array.from([0, 10, 30]) };
    expect(interpolate(s, 105)).toBe(5);
    expect(interpolate(s, 115)).toBe(20);
    expect(interpolate(s, 0)).toBe(0);
    expect(interpolate(s, 95, true)).toBe(-5);
    expect(interpolate(s, 1000)).toBe(30);
  });
});
