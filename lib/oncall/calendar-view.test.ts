import { describe, expect, it } from "vitest";
import { anchorDay, calendarDays, dateOf, stepAnchor, viewDays, viewRange } from "./calendar-view";
import { finalShifts } from "./final";
import { newLayer } from "./layer";
import type { Schedule } from "./types";
import { parseLocalDate } from "./zone";

const day = (s: string) => parseLocalDate(s)!;

describe("calendar view", () => {
  it("shows the Monday-to-Sunday week, and the whole weeks of a month", () => {
    expect(viewDays("week", day("2026-03-04")).days.map(dateOf)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
    const m = viewDays("month", day("2026-03-18")).days.map(dateOf);
    // March 2026 starts on a Sunday and ends on a Tuesday.
    expect([m[0], m.at(-1), m.length]).toEqual(["2026-02-23", "2026-04-05", 42]);
    expect(dateOf(stepAnchor("month", day("2026-01-31"), 1))).toBe("2026-02-01");
    expect(dateOf(stepAnchor("week", day("2026-01-31"), -1))).toBe("2026-01-24");
    expect(dateOf(anchorDay("nonsense", "Pacific/Auckland", Date.UTC(2026, 0, 1, 12)))).toBe("2026-01-02");
  });

  it("places a day's pieces on a bar by elapsed time, 23 hours on spring-forward day", () => {
    const schedule: Schedule = {
      id: "s",
      timeZone: "Europe/London",
      layers: [newLayer("p", "Primary", { rotation: { type: "daily", length: 1, handoffTime: "12:00", start: "2026-03-01", participants: ["ana", "ben"] } })],
    };
    const { days, month } = viewDays("week", day("2026-03-29"));
    const range = viewRange(days, schedule.timeZone);
    const grid = calendarDays(finalShifts(schedule, [], range.fromMs, range.toMs), ["p"], days, schedule.timeZone, month);
    const sunday = grid.at(-1)!; // 29 March 2026: the clocks go forward at 01:00 UTC
    expect(sunday.endMs - sunday.startMs).toBe(23 * 3_600_000);
    // 00:00 GMT → 12:00 BST is 11 elapsed hours of 23.
    expect(sunday.final.map((p) => [p.userIds[0], +p.leftPct.toFixed(3), +p.widthPct.toFixed(3), p.continues])).toEqual([
      ["ben", 0, +((11 / 23) * 100).toFixed(3), true], // turn 27 (from 1 March) is ben's, turn 28 ana's
      ["ana", +((11 / 23) * 100).toFixed(3), +((12 / 23) * 100).toFixed(3), false],
    ]);
    expect(sunday.layers.p).toHaveLength(2);
  });
});
