import { describe, expect, it } from "vitest";
import { finalShifts } from "./final";
import { newLayer } from "./layer";
import { onCallAt, ON_CALL_HORIZON_MS } from "./on-call-at";
import type { FinalShift, Override, Schedule } from "./types";

const H = 3_600_000;
const DAY = 24 * H;
const MON = Date.UTC(2026, 5, 1); // Monday 1 June 2026, 00:00 UTC
const iso = (ms: number) => new Date(ms).toISOString().slice(5, 16);
const rows = (shifts: FinalShift[]) => shifts.map((s) => `${iso(s.startMs)}–${iso(s.endMs)} ${s.userIds.join("+") || "—"} [${s.layers.map((l) => l.userIds.join("+") || "—").join(" | ")}]${s.overridden ? " *" : ""}`);

/** Two layers in UTC: a 24/7 daily "base" (ana, ben) and, on top, a business-hours "day" layer (cy, dan). */
const schedule: Schedule = {
  id: "s",
  timeZone: "UTC",
  layers: [
    newLayer("base", "Base", { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2026-06-01", participants: ["ana", "ben"] } }),
    newLayer("day", "Day", { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2026-06-01", participants: ["cy", "dan"] }, restrictions: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "09:00", end: "17:00" }] }),
  ],
};
const o = (id: string, kind: Override["kind"], userId: string, fromH: number, toH: number, layerId?: string): Override => ({ id, kind, userId, startMs: MON + fromH * H, endMs: MON + toH * H, layerId });

describe("final shifts", () => {
  it("a higher layer overrides the lower ones where it has someone; gaps before the layers start", () => {
    expect(rows(finalShifts(schedule, [], MON, MON + 2 * DAY))).toEqual([
      "06-01T00:00–06-01T09:00 — [— | —]",
      "06-01T09:00–06-01T17:00 cy [ana | cy]",
      "06-01T17:00–06-02T09:00 ana [ana | —]",
      "06-02T09:00–06-02T17:00 dan [ben | dan]",
      "06-02T17:00–06-03T00:00 ben [ben | —]",
    ]);
  });

  it("applies each kind of override, on a layer and on the schedule", () => {
    const overrides = [
      o("r1", "replace", "eve", 10, 12, "day"), // eve instead of cy on the day layer
      o("x1", "remove", "ana", 20, 22), // ana off every layer: nobody left
      o("a1", "add", "fay", 33, 35), // Tue 09–11: added to the top covered layer (day)
      o("r2", "replace", "gus", 41, 43), // Tue 17–19: the day layer is off, so base is on top
      o("x2", "remove", "dan", 35, 36, "day"), // Tue 11–12: day layer emptied, base shows through
    ];
    expect(rows(finalShifts(schedule, overrides, MON + 9 * H, MON + 44 * H))).toEqual([
      "06-01T09:00–06-01T10:00 cy [ana | cy]",
      "06-01T10:00–06-01T12:00 eve [ana | eve] *",
      "06-01T12:00–06-01T17:00 cy [ana | cy]",
      "06-01T17:00–06-01T20:00 ana [ana | —]",
      "06-01T20:00–06-01T22:00 — [— | —] *",
      "06-01T22:00–06-02T09:00 ana [ana | —]",
      "06-02T09:00–06-02T11:00 dan+fay [ben | dan+fay] *",
      "06-02T11:00–06-02T12:00 ben [ben | —] *",
      "06-02T12:00–06-02T17:00 dan [ben | dan]",
      "06-02T17:00–06-02T19:00 gus [gus | —] *",
      "06-02T19:00–06-02T20:00 ben [ben | —]",
    ]);
  });

  it("coalesces one person's consecutive turns and keeps pieces that only differ by an override apart", () => {
    const solo: Schedule = { id: "solo", timeZone: "UTC", layers: [newLayer("l", "L", { rotation: { type: "hourly", length: 1, handoffTime: "00:00", start: "2026-06-01", participants: ["ana"] } })] };
    expect(rows(finalShifts(solo, [], MON, MON + DAY))).toEqual(["06-01T00:00–06-02T00:00 ana [ana]"]);
    // An override that changes nothing still shows which override was in effect.
    const shifts = finalShifts(solo, [o("noop", "remove", "ben", 5, 6)], MON, MON + DAY);
    expect(shifts.map((s) => [iso(s.startMs), s.overrideIds, s.overridden])).toEqual([
      ["06-01T00:00", [], false],
      ["06-01T05:00", ["noop"], false],
      ["06-01T06:00", [], false],
    ]);
  });

  it("onCallAt names the people per layer and the stretch they are on, with null beyond the horizon", () => {
    const now = onCallAt(schedule, [o("r1", "replace", "eve", 10, 12, "day")], MON + 11 * H);
    expect(now.final).toEqual({ userIds: ["eve"], startMs: MON + 10 * H, endMs: MON + 12 * H, sourceLayerId: "day" });
    expect(now.layers).toEqual([
      { layerId: "base", name: "Base", userIds: ["ana"], startMs: MON + 9 * H, endMs: MON + 33 * H },
      { layerId: "day", name: "Day", userIds: ["eve"], startMs: MON + 10 * H, endMs: MON + 12 * H },
    ]);
    // Before the layers start: nobody since always (null), until the first hand-off.
    const early = onCallAt(schedule, [], MON - 3 * DAY);
    expect(early.final).toEqual({ userIds: [], startMs: null, endMs: MON + 9 * H, sourceLayerId: null });
    const solo: Schedule = { id: "solo", timeZone: "UTC", layers: [newLayer("l", "L", { rotation: { type: "weekly", length: 1, handoffTime: "00:00", start: "2026-06-01", participants: ["ana"] } })] };
    expect(onCallAt(solo, [], MON + 100 * DAY).final).toMatchObject({ userIds: ["ana"], startMs: null, endMs: null });
    expect(onCallAt(solo, [o("x", "replace", "ben", 24 * 120, 24 * 121)], MON + 100 * DAY).final).toMatchObject({ endMs: MON + 120 * DAY });
    expect(ON_CALL_HORIZON_MS).toBe(35 * DAY);
  });

  it("refuses an unknown zone and an overlong range", () => {
    expect(() => finalShifts({ ...schedule, timeZone: "Europe/Londn" }, [], MON, MON + DAY)).toThrow('Unknown time zone "Europe/Londn"');
    expect(() => finalShifts(schedule, [], MON, MON + 6 * 366 * DAY)).toThrow(/five years/);
    expect(() => finalShifts({ ...schedule, layers: [schedule.layers[0], schedule.layers[0]] }, [], MON, MON + DAY)).toThrow('Two layers have the id "base".');
    expect(() => finalShifts({ ...schedule, layers: [] }, [], MON, MON + DAY)).toThrow(/at least one layer/);
    expect(finalShifts(schedule, [], MON, MON)).toEqual([]);
  });
});
