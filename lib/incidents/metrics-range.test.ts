import { describe, expect, it } from "vitest";
import { metricRange } from "./metrics-range";

const now = Date.parse("2025-03-15T12:00:00Z");

describe("metricRange", () => {
  it("rolls back 30 or 90 days and ends just after now", () => {
    expect(metricRange("30d", now)).toEqual({ key: "30d", label: "Last 30 days", from: Date.parse("2025-02-13T12:00:00Z"), to: now + 1 });
    expect(metricRange("90d", now).from).toBe(Date.parse("2024-12-15T12:00:00Z"));
  });

  it("starts twelve months on the first of the month eleven months back, across the year", () => {
    expect(metricRange("12m", now)).toMatchObject({ key: "12m", from: Date.parse("2024-04-01T00:00:00Z"), to: now + 1 });
    expect(metricRange("12m", Date.parse("2025-12-31T23:59:59Z")).from).toBe(Date.parse("2025-01-01T00:00:00Z"));
  });

  it("falls back to 90 days for anything else", () => {
    expect(metricRange(undefined, now).key).toBe("90d");
    expect(metricRange("7y", now).key).toBe("90d");
    expect(metricRange("toString", now).key).toBe("90d");
  });
});
