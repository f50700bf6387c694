import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarWindow, personCalendar, scheduleCalendar } from "./calendar";
import { finalShifts } from "./final";
import { newLayer } from "./layer";
import type { Override, Schedule } from "./types";
import { at, DAY, dayOf, localParts, type ZoneName } from "./testing/dst-model";

const z: ZoneName = "America/Chicago";
const schedule: Schedule = {
  id: "sched-1",
  name: "Platform",
  timeZone: z,
  layers: [
    newLayer("secondary", "Secondary", { rotation: { type: "weekly", length: 1, handoffTime: "09:00", start: "2026-01-05", participants: ["sam", "tia"] } }),
    newLayer("primary", "Primary", { rotation: { type: "daily", length: 1, handoffTime: "09:00", start: "2026-01-01", participants: ["ana", "ben", "cy"] } }),
  ],
};
const NOW = Date.UTC(2026, 1, 15, 12);
const names: Record<string, string> = { ana: "Ana Diaz", ben: "Ben Ode", cy: "Cy Park", sam: "Sam Lee", tia: "Tia Moss", zoe: "Zoe Ng" };
const opts = (nowMs: number) => ({ name: "Platform on-call", scheduleId: schedule.id, nowMs, userName: (u: string) => names[u] ?? u, layerName: (l: string) => (l === "primary" ? "Primary" : "Secondary") });

type Parsed = { method: string; name: string; events: { uid: string; start: number; end: number; summary: string; stamp: string; utc: boolean; override: boolean }[] };
function parse(text: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    method: String(cal.getFirstPropertyValue("method")),
    name: String(cal.getFirstPropertyValue("x-wr-calname")),
    events: cal.getAllSubcomponents("vevent").map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        start: e.startDate.toJSDate().getTime(),
        end: e.endDate.toJSDate().getTime(),
        summary: e.summary,
        stamp: String(v.getFirstPropertyValue("dtstamp")),
        utc: e.startDate.zone?.tzid === "UTC" && e.endDate.zone?.tzid === "UTC",
        override: v.getFirstPropertyValue("x-keel-override") === "TRUE",
      };
    }),
  };
}

describe("iCalendar feeds", () => {
  const window = calendarWindow(NOW);
  // Saturday night into the spring-forward Sunday.
  const SAT = dayOf("2026-03-07");
  const override: Override = { id: "ov-1", kind: "replace", userId: "zoe", startMs: at(z, SAT, "20:00"), endMs: at(z, SAT + 1, "08:00"), layerId: "primary" };

  it("publishes a year of the final schedule that calendar apps read: PUBLISH, a name, UTC times, the hand-offs across DST", () => {
    expect(window.toMs - window.fromMs).toBe(373 * DAY);
    const feed = parse(scheduleCalendar(finalShifts(schedule, [], window.fromMs, window.toMs), opts(NOW)));
    expect(feed.method).toBe("PUBLISH");
    expect(feed.name).toBe("Platform on-call");
    expect(feed.events.every((e) => e.utc && e.stamp.startsWith("2026-02-15T12:00:00"))).toBe(true);
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(feed.events.length);
    // The primary is the top layer and always covered: one event per daily turn, starting at 09:00 Chicago time
    // (15:00 or 14:00 UTC depending on DST), in rotation order.
    const inner = feed.events.slice(1, -1);
    expect(inner.length).toBeGreaterThan(360);
    const bad = inner.filter((e, i) => {
      const local = localParts(z, e.start);
      return local.minute !== 9 * 60 || e.end !== at(z, local.day + 1, "09:00") || (i > 0 && e.start !== inner[i - 1].end);
    });
    expect(bad).toEqual([]);
    const rotation = ["Ana Diaz", "Ben Ode", "Cy Park"];
    const wrongPerson = inner.filter((e) => e.summary !== `On call: ${rotation[(localParts(z, e.start).day - dayOf("2026-01-01")) % 3]}`);
    expect(wrongPerson).toEqual([]);
  });

  it("shows an override as its own event and keeps the other events' UIDs across refreshes", () => {
    const before = parse(scheduleCalendar(finalShifts(schedule, [], window.fromMs, window.toMs), opts(NOW)));
    const later = NOW + 3600_000;
    const after = parse(scheduleCalendar(finalShifts(schedule, [override], window.fromMs, window.toMs), opts(later)));
    const ov = after.events.filter((e) => e.override);
    expect(ov).toHaveLength(1);
    expect(ov[0]).toMatchObject({ start: override.startMs, end: override.endMs, summary: "On call: Zoe Ng (override)" });
    // The event cut by the override keeps its UID (new end); the rest of that turn is a new event; nothing else changed.
    const uidsBefore = new Map(before.events.map((e) => [e.uid, e]));
    const changed = after.events.filter((e) => !uidsBefore.has(e.uid) || uidsBefore.get(e.uid)!.end !== e.end || uidsBefore.get(e.uid)!.start !== e.start);
    expect(changed.map((e) => [e.start, e.end])).toEqual([
      [at(z, SAT, "09:00"), override.startMs],
      [override.startMs, override.endMs],
      [override.endMs, at(z, SAT + 1, "09:00")],
    ]);
    expect(after.events.length).toBe(before.events.length + 2);
  });

  it("gives each person their final shifts and, as backup, their lower-layer shifts", () => {
    const shifts = finalShifts(schedule, [override], window.fromMs, window.toMs);
    const zoe = parse(personCalendar(shifts, "zoe", opts(NOW)));
    expect(zoe.events.map((e) => [e.start, e.end, e.summary])).toEqual([[override.startMs, override.endMs, "On call: Platform on-call (override)"]]);
    const sam = parse(personCalendar(shifts, "sam", opts(NOW)));
    // The secondary layer is always under a covered primary: sam only has backup weeks, Monday 09:00 to Monday 09:00.
    expect(sam.events.length).toBeGreaterThan(20);
    expect(sam.events.every((e) => e.summary === "Backup on call: Platform on-call (Secondary)")).toBe(true);
    const inner = sam.events.slice(1, -1);
    expect(inner.every((e) => localParts(z, e.start).weekday === 0 && localParts(z, e.start).minute === 540 && e.end === at(z, localParts(z, e.start).day + 7, "09:00"))).toBe(true);
    expect(parse(personCalendar(shifts, "sam", { ...opts(NOW), layers: false })).events).toEqual([]);
    const ana = parse(personCalendar(shifts, "ana", opts(NOW)));
    expect(ana.events.filter((e) => e.summary.startsWith("On call")).length).toBeGreaterThan(100);
    expect(new Set(ana.events.map((e) => e.uid)).size).toBe(ana.events.length);
  });
});
