import { describe, expect, it } from "vitest";
import { minutesBetween, minutesText, utcDay, utcMinute } from "./time-text";

describe("time text", () => {
  it("writes UTC minutes and days from strings, numbers and dates", () => {
    expect(utcMinute("2025-03-01T15:10:59+02:00")).toBe("2025-03-01 13:10 UTC");
    expect(utcMinute(Date.parse("2025-03-01T00:00:00Z"))).toBe("2025-03-01 00:00 UTC");
    expect(utcMinute(new Date("2024-12-31T23:59:00Z"))).toBe("2024-12-31 23:59 UTC");
    expect(utcMinute("nonsense")).toBe("nonsense");
    expect(utcDay("2025-03-01T23:30:00-02:00")).toBe("2025-03-02");
    expect(utcDay("nonsense")).toBe("nonsense");
  });

  it.each([
    [0, "under 1 min"],
    [0.4, "under 1 min"],
    [1, "1 min"],
    [59, "59 min"],
    [60, "1 h"],
    [72, "1 h 12 min"],
    [24 * 60, "1 d"],
    [25 * 60 + 5, "1 d 1 h"],
    [-5, "under 1 min"],
  ])("%d min → %s", (m, text) => expect(minutesText(m)).toBe(text));

  it("counts whole minutes, never negative", () => {
    expect(minutesBetween(0, 90_000)).toBe(2); // 1.5 min rounds to 2
    expect(minutesBetween(0, 89_999)).toBe(1);
    expect(minutesBetween(10, 0)).toBe(0);
  });
});
