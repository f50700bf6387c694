import { describe, expect, it } from "vitest";
import { announcementForEdit, componentsUnderMaintenance, isChangeable, MAINTENANCE_PHASES, maintenancePhase, scheduleErrors, windowErrors } from "./maintenance-state";

const MIN = 60_000;
const T = Date.parse("2026-03-03T14:00:00Z");

describe("maintenance phases", () => {
  it("is scheduled before the start, in progress on [start, end), completed from the end", () => {
    const m = { startsMs: T, endsMs: T + 120 * MIN, cancelledMs: null };
    expect(maintenancePhase(m, T - 1)).toBe("scheduled");
    expect(maintenancePhase(m, T)).toBe("in_progress");
    expect(maintenancePhase(m, T + 120 * MIN - 1)).toBe("in_progress");
    expect(maintenancePhase(m, T + 120 * MIN)).toBe("completed");
  });

  it("is cancelled once cancelled, whatever the clock says", () => {
    for (const now of [T - MIN, T + MIN, T + 999 * MIN]) expect(maintenancePhase({ startsMs: T, endsMs: T + 60 * MIN, cancelledMs: T - 5 * MIN }, now)).toBe("cancelled");
  });

  it("agrees with a minute-by-minute walk over random windows", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const wrong: string[] = [];
    for (let k = 0; k < 200; k++) {
      const startsMs = T + Math.floor(rand() * 100) * MIN;
      const endsMs = startsMs + (1 + Math.floor(rand() * 100)) * MIN;
      let seen = 0;
      for (let now = T - MIN; now < T + 250 * MIN; now += MIN) {
        // Independently: which side of each edge the minute is on.
        const want = now < startsMs ? "scheduled" : now >= endsMs ? "completed" : "in_progress";
        const got = maintenancePhase({ startsMs, endsMs, cancelledMs: null }, now);
        if (got !== want) wrong.push(`${startsMs}–${endsMs} at ${now}: ${got}, not ${want}`);
        // Phases only move forward.
        if (MAINTENANCE_PHASES.indexOf(got) < seen) wrong.push(`${startsMs}–${endsMs} went back at ${now}`);
        seen = MAINTENANCE_PHASES.indexOf(got);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("can change only what is scheduled or in progress", () => {
    expect(MAINTENANCE_PHASES.filter(isChangeable)).toEqual(["scheduled", "in_progress"]);
  });
});

describe("maintenance windows", () => {
  it("ends after it starts and lasts at most 31 days", () => {
    expect(windowErrors(T, T + MIN)).toEqual({});
    expect(windowErrors(T, T)).toEqual({ endsAt: ["The end must be after the start."] });
    expect(windowErrors(T, T - MIN)).toEqual({ endsAt: ["The end must be after the start."] });
    expect(windowErrors(T, T + 31 * 1440 * MIN)).toEqual({});
    expect(windowErrors(T, T + 31 * 1440 * MIN + 1)).toEqual({ endsAt: ["A maintenance window lasts at most 31 days."] });
    expect(windowErrors(Date.UTC(1999, 11, 31), T).startsAt).toEqual(["The start is between the years 2000 and 2099."]);
  });

  it("must end in the future when scheduled, unless a maintenance in progress is ended early", () => {
    expect(scheduleErrors(T - 60 * MIN, T + MIN, T)).toEqual({});
    expect(scheduleErrors(T - 60 * MIN, T, T)).toEqual({ endsAt: ["This window has already ended; the end must be in the future."] });
    expect(scheduleErrors(T - 60 * MIN, T - MIN, T, "scheduled")).toHaveProperty("endsAt");
    expect(scheduleErrors(T - 60 * MIN, T - MIN, T, "in_progress")).toEqual({});
    // The window's own rule comes first.
    expect(scheduleErrors(T, T - MIN, T + 999 * MIN)).toEqual({ endsAt: ["The end must be after the start."] });
  });
});

describe("announcements after an edit", () => {
  const before = { startsMs: T, endsMs: T + 60 * MIN, componentIds: ["a", "b"] };
  it("reschedules when the window moves, updates when only the components change, says nothing otherwise", () => {
    expect(announcementForEdit(before, { ...before, endsMs: T + 90 * MIN })).toBe("rescheduled");
    expect(announcementForEdit(before, { ...before, startsMs: T - MIN, componentIds: ["c"] })).toBe("rescheduled");
    expect(announcementForEdit(before, { ...before, componentIds: ["a"] })).toBe("updated");
    expect(announcementForEdit(before, { ...before, componentIds: ["a", "c"] })).toBe("updated");
    expect(announcementForEdit(before, { ...before, componentIds: ["b", "a"] })).toBeNull();
    expect(announcementForEdit(before, { ...before })).toBeNull();
  });
});

describe("components under maintenance", () => {
  it("are those of the maintenance in progress, not scheduled, completed or cancelled ones", () => {
    const w = (startsMs: number, endsMs: number, componentIds: string[], cancelledMs: number | null = null) => ({ startsMs, endsMs, cancelledMs, componentIds });
    const set = componentsUnderMaintenance(
      [w(T - MIN, T + MIN, ["a", "b"]), w(T + MIN, T + 9 * MIN, ["c"]), w(T - 9 * MIN, T, ["d"]), w(T - MIN, T + MIN, ["e"], T - 2 * MIN), w(T, T + MIN, ["b", "f"])],
      T,
    );
    expect([...set].sort()).toEqual(["a", "b", "f"]);
  });
});
