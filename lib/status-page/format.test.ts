import { describe, expect, it } from "vitest";
import { formatDay, formatDuration, formatShare, formatUtc, formatWindowUtc } from "./format";

describe("status page formats", () => {
  it("writes times in UTC", () => {
    expect(formatUtc(Date.parse("2025-03-03T04:05:59Z"))).toBe("3 Mar 2025, 04:05 UTC");
    expect(formatDay(Date.parse("2025-12-31T23:59:00Z"))).toBe("31 Dec 2025");
  });

  it("writes durations in the largest two units", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(3 * 3_600_000)).toBe("3 h");
    expect(formatDuration((2 * 60 + 14) * 60_000)).toBe("2 h 14 min");
    expect(formatDuration((3 * 24 + 4) * 3_600_000 + 59_000)).toBe("3 d 4 h");
  });

  it("never shows 0% for some impact nor 100% for less than a whole day", () => {
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(0.001)).toBe("1%");
    expect(formatShare(0.999)).toBe("99%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(0.374)).toBe("37%");
  });

  it("writes a window with its length, the date once when it fits in one UTC day", () => {
    expect(formatWindowUtc(Date.parse("2025-03-03T14:00:00Z"), Date.parse("2025-03-03T16:30:00Z"))).toBe("3 Mar 2025, 14:00 to 16:30 UTC (2 h 30 min)");
    expect(formatWindowUtc(Date.parse("2025-03-03T23:00:00Z"), Date.parse("2025-03-04T01:00:00Z"))).toBe("3 Mar 2025, 23:00 UTC to 4 Mar 2025, 01:00 UTC (2 h)");
  });
});
