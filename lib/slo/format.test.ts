import { describe, expect, it } from "vitest";
import { burnText, durationText, percent, targetText } from "./format";

describe("SLO number formatting", () => {
  it("never rounds an SLI up to the next nine", () => {
    expect(percent(0.99999)).toBe("99.999 %");
    expect(percent(0.9999999)).toBe("99.999 %");
    expect(percent(0.9995)).toBe("99.95 %");
    expect(percent(1)).toBe("100 %");
    expect(targetText(0.999)).toBe("99.9 %");
    expect(targetText(0.9995)).toBe("99.95 %");
  });
  it("writes durations in words", () => {
    expect(durationText(43.2 * 60_000)).toBe("43 min 12 s");
    expect(durationText(25 * 3_600_000)).toBe("25 h");
    expect(durationText(5 * 86_400_000)).toBe("5.0 days");
    expect(durationText(-90_000)).toBe("−1 min 30 s");
    expect(burnText(14.4)).toBe("14.4×");
    expect(burnText(0.2)).toBe("0.20×");
    expect(burnText(null)).toBe("–");
  });
});
