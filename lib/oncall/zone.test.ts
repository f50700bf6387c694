import { describe, expect, it } from "vitest";
import { assertTimeZone, canonicalTimeZone, localDay, localInstant, parseLocalDate, parseTimeOfDay, toWallClock, weekdayIndex } from "./zone";
import { DAY, MIN, toWall, wallToInstant, type ZoneName } from "./testing/dst-model";

describe("wall clock in a zone", () => {
  it("places wall times of 2026–2027 like the independent zone model: every quarter hour near the changes, every 2 h elsewhere", () => {
    for (const z of ["America/Chicago", "Europe/London", "Australia/Lord_Howe"] as ZoneName[]) {
      const bad: string[] = [];
      const first = Date.UTC(2026, 0, 1) / DAY;
      const nearChange = (day: number) => toWall(z, (day - 2) * DAY) - (day - 2) * DAY !== toWall(z, (day + 3) * DAY) - (day + 3) * DAY;
      let quarterDays = 0;
      for (let day = first; day < first + 730; day++) {
        const step = nearChange(day) ? 15 : 120;
        if (step === 15) quarterDays++;
        for (let m = 0; m < 24 * 60; m += step) {
          const got = localInstant(day, m, z);
          const want = wallToInstant(z, day * DAY + m * MIN);
          if (got !== want) bad.push(`${new Date(day * DAY + m * MIN).toISOString()}: ${new Date(got).toISOString()} ≠ ${new Date(want).toISOString()}`);
        }
      }
      expect(bad, z).toEqual([]);
      expect(quarterDays, z).toBeGreaterThanOrEqual(4 * 5);
      // And back: the wall clock of every 15th minute of the two years.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 45 * MIN) if (toWallClock(t, z) !== toWall(z, t)) bad.push(new Date(t).toISOString());
      expect(bad, z).toEqual([]);
    }
  });

  it("parses dates and times strictly and knows the weekday", () => {
    expect(parseLocalDate("2026-03-08")).toBe(Date.UTC(2026, 2, 8) / DAY);
    expect([parseLocalDate("2026-02-29"), parseLocalDate("2026-3-8"), parseLocalDate("")]).toEqual([null, null, null]);
    expect([parseTimeOfDay("00:00"), parseTimeOfDay("23:59"), parseTimeOfDay("24:00"), parseTimeOfDay("9:00")]).toEqual([0, 1439, null, null]);
    expect(weekdayIndex(parseLocalDate("2026-03-09")!)).toBe(0); // a Monday
    expect(weekdayIndex(parseLocalDate("1969-12-28")!)).toBe(6); // a Sunday, before the epoch
    expect(localDay(Date.UTC(2026, 2, 8, 3), "America/Chicago")).toBe(parseLocalDate("2026-03-07"));
  });

  it("knows IANA zones, canonicalizes their case and refuses others", () => {
    expect(canonicalTimeZone("australia/lord_howe")).toBe("Australia/Lord_Howe");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const tz of ["Mars/Base", "+02:00", "", "Europe/"]) expect(canonicalTimeZone(tz), tz).toBeNull();
    expect(() => assertTimeZone("Mars/Base")).toThrow('Unknown time zone "Mars/Base": use an IANA name such as "Europe/London" or "America/Chicago".');
  });
});
