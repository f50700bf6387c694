import { describe, expect, it } from "vitest";
import { coverageIssues } from "./coverage";
import { newLayer } from "./layer";
import type { Schedule } from "./types";

const H = 3_600_000;
const MON = Date.UTC(2026, 5, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(5, 16);

const schedule: Schedule = {
  id: "s",
  timeZone: "UTC",
  layers: [
    newLayer("secondary", "Secondary", { rotation: { type: "weekly", length: 1, handoffTime: "00:00", start: "2026-06-01", participants: ["ana", "sam"] } }),
    newLayer("primary", "Primary", { rotation: { type: "daily", length: 1, handoffTime: "00:00", start: "2026-06-01", participants: ["ana", "ben"] }, restrictions: [{ days: ["MO", "TU", "WE", "TH", "FR"], start: "00:00", end: "00:00" }] }),
  ],
};

describe("coverage warnings", () => {
  it("finds gaps, double bookings and stretches without a backup over the next days", () => {
    const issues = coverageIssues(schedule, [{ id: "x", kind: "remove", userId: "sam", startMs: MON + 7 * 24 * H + 48 * H, endMs: MON + 7 * 24 * H + 50 * H }], MON, { days: 14 });
    expect(issues.map((i) => `${i.kind} ${iso(i.startMs)}–${iso(i.endMs)} ${"userId" in i ? i.userId : "userIds" in i ? i.userIds.join() : ""}`)).toEqual([
      // Week 1: ana is secondary; on Monday, Wednesday and Friday she is primary too.
      "double-booked 06-01T00:00–06-02T00:00 ana",
      "no-backup 06-01T00:00–06-02T00:00 ana",
      "double-booked 06-03T00:00–06-04T00:00 ana",
      "no-backup 06-03T00:00–06-04T00:00 ana",
      "double-booked 06-05T00:00–06-06T00:00 ana",
      // Then the weekend: only the secondary layer is on, so nobody backs ana up (one warning from Friday on).
      "no-backup 06-05T00:00–06-08T00:00 ana",
      // Week 2 (sam secondary): sam removed for two hours on Wednesday leaves ben alone, on primary only.
      "no-backup 06-10T00:00–06-10T02:00 ben",
      "no-backup 06-13T00:00–06-15T00:00 sam",
    ]);
    expect(issues.filter((i) => i.kind === "gap")).toEqual([]);
  });

  it("reports gaps, and only gaps and double bookings for stacked layers (backup: false)", () => {
    const issues = coverageIssues(schedule, [{ id: "x", kind: "remove", userId: "ana", startMs: MON + 50 * H, endMs: MON + 52 * H }], MON, { days: 7, backup: false });
    expect(issues.map((i) => `${i.kind} ${iso(i.startMs)}–${iso(i.endMs)}`)).toEqual([
      "double-booked 06-01T00:00–06-02T00:00",
      // Ana, on both layers on Wednesday, taken off for two hours: nobody at all.
      "double-booked 06-03T00:00–06-03T02:00",
      "gap 06-03T02:00–06-03T04:00",
      "double-booked 06-03T04:00–06-04T00:00",
      "double-booked 06-05T00:00–06-06T00:00",
    ]);
  });
});
