import { describe, expect, it } from "vitest";
import { fullStamp, relativeText, shortStamp, spanText } from "./format";

describe("incident time formats", () => {
  it("write durations in whole units", () => {
    expect(spanText(30_000)).toBe("under 1 min");
    expect(spanText(90_000)).toBe("1 min");
    expect(spanText(60 * 60_000)).toBe("1 h");
    expect(spanText(125 * 60_000)).toBe("2 h 5 min");
    expect(spanText(49 * 3_600_000)).toBe("2 d 1 h");
    expect(spanText(-5)).toBe("under 1 min");
  });

  it("say how long ago, or how long until", () => {
    const now = Date.parse("2025-03-03T12:00:00Z");
    expect(relativeText("2025-03-03T11:59:30Z", now)).toBe("just now");
    expect(relativeText("2025-03-03T09:00:00Z", now)).toBe("3 h ago");
    expect(relativeText("2025-03-03T12:30:00Z", now)).toBe("in 30 min");
  });

  it("stamp times in UTC whatever the machine's zone", () => {
    expect(fullStamp("2025-03-03T09:05:07Z")).toBe("Mon 3 Mar 2025, 09:05:07 UTC");
    expect(shortStamp("2025-03-03T23:05:07Z")).toBe("3 Mar, 23:05:07 UTC");
  });
});
