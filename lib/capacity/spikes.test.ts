import { describe, expect, it } from "vitest";
import { screenSpikes } from "./spikes";
import { gaussian } from "./test-fixtures";

describe("spikes", () => {
  it("leaves out points far off their neighbours and keeps seasons, trends and steps", () => {
    const z = gaussian(6);
    const y = Float64Array.from({ length: 48 * 10 }, (_, i) => 1_000 + i + 300 * Math.sin((2 * Math.PI * i) / 48) + (i >= 300 ? 500 : 0) + 5 * z());
    y[100] = 50_000;
    y[200] = -20_000;
    y[250] = NaN;
    const { values, spikes } = screenSpikes(y);
    expect(spikes).toBe(2);
    expect(Number.isNaN(values[100])).toBe(true);
    expect(Number.isNaN(values[200])).toBe(true);
    expect(values[299]).toBe(y[299]);
    expect(values[300]).toBe(y[300]); // a lasting step is no spike
    expect(Number.isNaN(y[100])).toBe(false); // the input is untouched
  });

  it("does nothing to a constant or an exact line, and finds a spike on either", () => {
    expect(screenSpikes(new Float64Array(100).fill(7)).spikes).toBe(0);
    const flat = new Float64Array(100).fill(7);
    flat[40] = 70;
    expect(screenSpikes(flat).spikes).toBe(1);
    expect(screenSpikes(Float64Array.from({ length: 100 }, (_, i) => 2 * i)).spikes).toBe(0);
  });
});
