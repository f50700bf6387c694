import { describe, expect, it } from "vitest";
import { layerShifts, newLayer } from "./layer";
import { restrictionWindows } from "./restrictions";
import type { Restriction } from "./types";
import { at, DAY, dayOf, HOUR, localParts, type ZoneName } from "./testing/dst-model";

const WEEKDAYS_ONLY: Restriction[] = [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "09:00", end: "17:00" }];

describe("restrictions", () => {
  it("a business-hours layer over 2026 in Chicago is on exactly Monday–Friday 09:00–17:00 local, 261 days × 8 h", () => {
    const z: ZoneName = "America/Chicago";
    const from = at(z, dayOf("2026-01-01"), "00:00");
    const to = at(z, dayOf("2027-01-01"), "00:00");
    const layer = newLayer("b", "Business", { rotation: { type: "weekly", length: 1, handoffTime: "12:00", start: "2025-12-31", participants: ["ana", "ben"] }, restrictions: WEEKDAYS_ONLY });
    const shifts = layerShifts(layer, z, from, to);
    // Expected windows, from the independent zone model: every weekday of 2026.
    const expected: { startMs: number; endMs: number }[] = [];
    for (let d = dayOf("2026-01-01"); d < dayOf("2027-01-01"); d++) {
      if (localParts(z, d * DAY + 12 * HOUR + 6 * HOUR).weekday < 5) expected.push({ startMs: at(z, d, "09:00"), endMs: at(z, d, "17:00") });
    }
    expect(expected).toHaveLength(261);
    // Wednesday hand-offs at 12:00 split those days' windows in two; glue them back to compare.
    const glued: { startMs: number; endMs: number }[] = [];
    for (const s of shifts) {
      const last = glued.at(-1);
      if (last && last.endMs === s.startMs) last.endMs = s.endMs;
      else glued.push({ startMs: s.startMs, endMs: s.endMs });
    }
    expect(glued).toEqual(expected);
    expect(shifts.reduce((a, s) => a + s.endMs - s.startMs, 0)).toBe(261 * 8 * HOUR);
    // The Wednesday noon hand-off passes the turn mid-window.
    const wed = shifts.filter((s) => localParts(z, s.startMs).weekday === 2 && localParts(z, s.startMs).minute === 12 * 60);
    expect(wed.length).toBeGreaterThan(50);
  });

  it("a window crossing midnight belongs to the day it starts on and lasts 9 h / 7 h on DST nights (London), 8.5 h / 7.5 h on Lord Howe", () => {
    const nights: Restriction[] = [{ days: ["SA"], start: "22:00", end: "06:00" }];
    const cases: [ZoneName, string, number][] = [
      ["Europe/London", "2026-03-28", 7],
      ["Europe/London", "2026-10-24", 9],
      ["Europe/London", "2026-06-06", 8],
      ["Australia/Lord_Howe", "2026-10-03", 7.5],
      ["Australia/Lord_Howe", "2026-04-04", 8.5],
    ];
    for (const [z, saturday, hours] of cases) {
      const d = dayOf(saturday);
      const windows = restrictionWindows(nights, z, at(z, d, "00:00"), at(z, d + 2, "00:00"));
      expect(windows, `${z} ${saturday}`).toEqual([{ startMs: at(z, d, "22:00"), endMs: at(z, d + 1, "06:00") }]);
      expect((windows[0].endMs - windows[0].startMs) / HOUR).toBe(hours);
    }
  });

  it("start equal to end is a whole day; windows that meet on the wall clock meet in time (follow the sun)", () => {
    const z: ZoneName = "Europe/London";
    const d = dayOf("2026-03-28"); // Saturday; the clocks go forward on Sunday at 01:00
    const allSunday = restrictionWindows([{ days: ["SU"], start: "00:00", end: "00:00" }], z, at(z, d, "00:00"), at(z, d + 3, "00:00"));
    expect(allSunday).toEqual([{ startMs: at(z, d + 1, "00:00"), endMs: at(z, d + 2, "00:00") }]);
    expect((allSunday[0].endMs - allSunday[0].startMs) / HOUR).toBe(23);
    const sun: Restriction[] = [
      { start: "07:00", end: "15:00" },
      { start: "15:00", end: "23:00" },
      { start: "23:00", end: "07:00" },
    ];
    const from = at(z, d, "00:00");
    const to = at(z, d + 7, "00:00");
    expect(restrictionWindows(sun, z, from, to)).toEqual([{ startMs: at(z, d - 1, "23:00"), endMs: at(z, d + 7, "07:00") }]);
  });

  it("clips turns without moving hand-offs, and a layer outside its windows has nobody", () => {
    const z: ZoneName = "UTC";
    const layer = newLayer("n", "Nights", { rotation: { type: "daily", length: 1, handoffTime: "00:00", start: "2026-01-05", participants: ["ana", "ben"] }, restrictions: [{ start: "22:00", end: "06:00" }] });
    const shifts = layerShifts(layer, z, Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 7));
    expect(shifts.map((s) => [new Date(s.startMs).toISOString().slice(5, 16), new Date(s.endMs).toISOString().slice(5, 16), s.userId])).toEqual([
      ["01-05T00:00", "01-05T06:00", "ana"],
      ["01-05T22:00", "01-06T00:00", "ana"],
      ["01-06T00:00", "01-06T06:00", "ben"],
      ["01-06T22:00", "01-07T00:00", "ben"],
    ]);
    expect(shifts.every((s) => s.endMs - s.startMs <= 6 * HOUR)).toBe(true);
  });

  it("refuses bad windows and day codes", () => {
    expect(() => restrictionWindows([{ start: "9:00", end: "17:00" }], "UTC", 0, DAY)).toThrow(/Restriction start "9:00"/);
    expect(() => restrictionWindows([{ days: [], start: "09:00", end: "17:00" }], "UTC", 0, DAY)).toThrow(/at least one day/);
    expect(() => restrictionWindows([{ days: ["XX" as "MO"], start: "09:00", end: "17:00" }], "UTC", 0, DAY)).toThrow(/"XX" is not a weekday/);
  });
});
