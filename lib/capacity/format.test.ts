import { describe, expect, it } from "vitest";
import { dateTimeText, dayText, percentText, spanText, valueText } from "./format";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./types";

describe("capacity wording", () => {
  it("writes dates in the given time zone", () => {
    const t = Date.UTC(2026, 11, 2, 23, 30);
    expect(dayText(t)).toBe("2 Dec");
    expect(dayText(t, "Europe/Berlin")).toBe("3 Dec");
    expect(dateTimeText(t)).toBe("2 Dec 23:30");
    expect(dateTimeText(t, "Asia/Tokyo")).toBe("3 Dec 08:30");
  });

  it("rounds spans to the largest unit that fits", () => {
    expect(spanText(23 * DAY_MS + 5 * HOUR_MS)).toBe("23 days");
    expect(spanText(DAY_MS + HOUR_MS)).toBe("1 day");
    expect(spanText(6 * HOUR_MS)).toBe("6 h");
    expect(spanText(6 * HOUR_MS + 20 * MINUTE_MS)).toBe("6 h 20 min");
    expect(spanText(40 * MINUTE_MS)).toBe("40 min");
  });

  it("writes bytes in binary multiples and other units as given", () => {
    expect(valueText(2 ** 40, "bytes")).toBe("1 TiB");
    expect(valueText(1.5 * 2 ** 30, "bytes")).toBe("1.5 GiB");
    expect(valueText(512, "bytes")).toBe("512 B");
    expect(valueText(184.4, "connections")).toBe("184 connections");
    expect(valueText(12_345, "")).toBe("12,300");
    expect(percentText(0.8)).toBe("80%");
    expect(percentText(0.0345)).toBe("3.5%");
  });
});
