/**
 * Brute force over whole years (2026 and 2027) in three zones with DST, including Lord Howe's
 * 30-minute change: every hand-off is checked against instants computed from the zone rules in
 * testing/dst-model.ts (no Keel code), and the time line is walked in 15-minute steps.
 */
import { describe, expect, it } from "vitest";
import { layerShifts, newLayer } from "./layer";
import { rotationTurns } from "./rotation";
import type { LayerShift, Rotation } from "./types";
import { at, DAY, dayOf, HOUR, localParts, MIN, offsetMinutes, toWall, type ZoneName } from "./testing/dst-model";

const ZONES: { zone: ZoneName; skipped: string; gapEnd: string; repeated: string; dstMinutes: number; shortDay: number; longDay: number }[] = [
  { zone: "America/Chicago", skipped: "02:30", gapEnd: "03:00", repeated: "01:30", dstMinutes: 60, shortDay: 23, longDay: 25 },
  { zone: "Europe/London", skipped: "01:30", gapEnd: "02:00", repeated: "01:30", dstMinutes: 60, shortDay: 23, longDay: 25 },
  { zone: "Australia/Lord_Howe", skipped: "02:15", gapEnd: "02:30", repeated: "01:45", dstMinutes: 30, shortDay: 23.5, longDay: 24.5 },
];
const PEOPLE = ["ana", "ben", "cy"];
const START = "2026-01-01";
const STEP = 15 * MIN;

function rotation(type: Rotation["type"], length: number, handoffTime: string, start = START): Rotation {
  return { type, length, handoffTime, start, participants: PEOPLE };
}

/** Walks [from, to) in 15-minute steps: the shift holding each instant must be turn k of the expected hand-offs. */
function walk(shifts: LayerShift[], handoff: (k: number) => number, from: number, to: number) {
  let k = 0;
  let next = handoff(1);
  let i = 0;
  let checked = 0;
  for (let t = from; t < to; t += STEP) {
    while (next <= t) next = handoff(++k + 1);
    while (i < shifts.length && shifts[i].endMs <= t) i++;
    const s = shifts[i];
    if (!s || s.startMs > t || s.userId !== PEOPLE[k % PEOPLE.length] || s.turn !== k) {
      throw new Error(`at ${new Date(t).toISOString()}: expected turn ${k} (${PEOPLE[k % 3]}), got ${s ? `${s.turn} ${s.userId} from ${new Date(s.startMs).toISOString()}` : "nobody"}`);
    }
    checked++;
  }
  return checked;
}

describe("the DST model used as the oracle", () => {
  it("agrees with the platform's zone data every hour of 2026 and 2027 and a minute either side of each change", () => {
    for (const { zone } of ZONES) {
      const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
      const intl = (t: number) => {
        const m = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(format.format(t))!;
        return m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
      };
      const bad: string[] = [];
      let changes = 0;
      for (let t = Date.UTC(2025, 11, 31); t < Date.UTC(2028, 0, 2); t += HOUR) {
        if (intl(t) !== offsetMinutes(zone, t)) bad.push(new Date(t).toISOString());
        if (offsetMinutes(zone, t) !== offsetMinutes(zone, t + HOUR)) {
          // The model's change lies in (t, t + 1 h]: find it to the minute and check both sides.
          let c = t + MIN;
          while (offsetMinutes(zone, c) === offsetMinutes(zone, t)) c += MIN;
          changes++;
          if (intl(c - MIN) !== offsetMinutes(zone, c - MIN) || intl(c) !== offsetMinutes(zone, c)) bad.push(`change ${new Date(c).toISOString()}`);
        }
      }
      expect(bad, zone).toEqual([]);
      expect(changes, zone).toBe(4);
    }
  });
});

describe("daily rotations keep their wall-clock hand-off across DST", () => {
  for (const z of ZONES) {
    it(`${z.zone}: every hand-off of 2026–2027, at ordinary, skipped and repeated times`, () => {
      const s0 = dayOf(START);
      for (const hhmm of ["00:00", "09:00", "23:30", z.skipped, z.repeated]) {
        const handoff = (k: number) => at(z.zone, s0 + k, hhmm);
        const from = handoff(0);
        const to = handoff(730);
        const shifts = layerShifts(newLayer("L", "Primary", { rotation: rotation("daily", 1, hhmm) }), z.zone, from, to);
        expect(shifts, hhmm).toHaveLength(730);
        const lengths = new Set<number>();
        const bad: string[] = [];
        let skippedSeen = 0;
        let repeatedSeen = 0;
        const handoffMinute = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        shifts.forEach((s, k) => {
          const where = `${hhmm} #${k} ${new Date(s.startMs).toISOString()}`;
          if (s.startMs !== handoff(k) || s.endMs !== handoff(k + 1)) bad.push(`${where}: bounds`);
          if (k > 0 && s.startMs !== shifts[k - 1].endMs) bad.push(`${where}: not contiguous`);
          if (s.userId !== PEOPLE[k % 3]) bad.push(`${where}: ${s.userId}`);
          // The local wall time: the configured one, or the end of the gap when it is skipped.
          const local = localParts(z.zone, s.startMs);
          if (local.day !== s0 + k) bad.push(`${where}: local date`);
          if (local.minute !== handoffMinute) {
            if (hhmm !== z.skipped || local.minute !== Number(z.gapEnd.slice(0, 2)) * 60 + Number(z.gapEnd.slice(3))) bad.push(`${where}: local time ${local.minute}`);
            skippedSeen++;
          }
          // A repeated time: its first occurrence (the same reading comes again one change later, never came one change earlier).
          if (toWall(z.zone, s.startMs - z.dstMinutes * MIN) === toWall(z.zone, s.startMs)) bad.push(`${where}: the second occurrence`);
          if (toWall(z.zone, s.startMs + z.dstMinutes * MIN) === toWall(z.zone, s.startMs)) repeatedSeen++;
          lengths.add((s.endMs - s.startMs) / HOUR);
        });
        expect(bad).toEqual([]);
        if (hhmm === z.skipped) expect(skippedSeen, "spring-forward days in two years").toBe(2);
        if (hhmm === z.repeated) expect(repeatedSeen, "fall-back days in two years").toBe(2);
        if (["00:00", "09:00", "23:30"].includes(hhmm)) expect([...lengths].sort((a, b) => a - b)).toEqual([z.shortDay, 24, z.longDay]);
        expect(walk(shifts, handoff, from, to)).toBe((to - from) / STEP);
      }
    });
  }

  it("a spring-forward hand-off at a skipped time moves to the end of the gap (Chicago, 2026-03-08 02:30)", () => {
    const turns = rotationTurns(rotation("daily", 1, "02:30"), "America/Chicago", Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 2, 9, 12));
    expect(turns.map((t) => new Date(t.startMs).toISOString())).toEqual(["2026-03-07T08:30:00.000Z", "2026-03-08T08:00:00.000Z", "2026-03-09T07:30:00.000Z"]);
    // 02:30 CST → 03:00 CDT is 23.5 h; 03:00 CDT → 02:30 CDT is 23.5 h.
    expect(turns.slice(0, 2).map((t) => (t.endMs - t.startMs) / HOUR)).toEqual([23.5, 23.5]);
  });

  it("a fall-back hand-off at a repeated time is its first occurrence and the turns still meet (Chicago, 2026-11-01 01:30)", () => {
    const turns = rotationTurns(rotation("daily", 1, "01:30"), "America/Chicago", Date.UTC(2026, 9, 31, 12), Date.UTC(2026, 10, 2, 12));
    expect(turns.map((t) => new Date(t.startMs).toISOString())).toEqual(["2026-10-31T06:30:00.000Z", "2026-11-01T06:30:00.000Z", "2026-11-02T07:30:00.000Z"]);
    expect(turns.map((t) => (t.endMs - t.startMs) / HOUR)).toEqual([24, 25, 24]);
    expect(turns[0].endMs).toBe(turns[1].startMs);
  });

  it("Lord Howe: the turn over the 30-minute changes lasts 23.5 h and 24.5 h", () => {
    const z: ZoneName = "Australia/Lord_Howe";
    const turns = rotationTurns(rotation("daily", 1, "09:00"), z, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    const odd = turns.filter((t) => t.endMs - t.startMs !== DAY).map((t) => [new Date(toWall(z, t.startMs)).toISOString().slice(0, 16), (t.endMs - t.startMs) / HOUR]);
    expect(odd).toEqual([["2026-04-04T09:00", 24.5], ["2026-10-03T09:00", 23.5]]);
  });
});

describe("weekly, custom and hourly rotations", () => {
  for (const z of ZONES) {
    it(`${z.zone}: weekly Monday 09:00 (the default template) and weekly at the skipped time, 2026–2027`, () => {
      const monday = dayOf("2026-01-05");
      for (const hhmm of ["09:00", z.skipped]) {
        const handoff = (k: number) => at(z.zone, monday + 7 * k, hhmm);
        const from = handoff(0);
        const to = handoff(104);
        const shifts = layerShifts(newLayer("L", "Primary", { rotation: rotation("weekly", 1, hhmm, "2026-01-05") }), z.zone, from, to);
        expect(shifts.map((s) => s.startMs)).toEqual(Array.from({ length: 104 }, (_, k) => handoff(k)));
        expect(shifts.every((s, k) => s.endMs === handoff(k + 1) && localParts(z.zone, s.startMs).weekday === 0)).toBe(true);
        if (hhmm === "09:00") expect(new Set(shifts.map((s) => (s.endMs - s.startMs) / HOUR))).toEqual(new Set([168 - 24 + z.shortDay, 168, 168 - 24 + z.longDay]));
        expect(walk(shifts, handoff, from, to)).toBe((to - from) / STEP);
      }
    });
  }

  it("custom 48 h turns hand off on the wall clock every second day; custom 12 h and hourly turns are elapsed time", () => {
    const z: ZoneName = "America/Chicago";
    const s0 = dayOf(START);
    const from = Date.UTC(2026, 0, 1, 12);
    const to = Date.UTC(2027, 0, 1);
    const days2 = rotationTurns(rotation("custom", 48, "08:00"), z, from, to);
    expect(days2.filter((t) => t.startMs !== at(z, s0 + 2 * t.turn, "08:00"))).toEqual([]);
    const anchor = at(z, s0, "08:00");
    for (const [type, length] of [["custom", 12], ["hourly", 8], ["hourly", 1]] as const) {
      const turns = rotationTurns(rotation(type, length, "08:00"), z, from, to);
      const bad = turns.filter((t) => t.startMs !== anchor + t.turn * length * HOUR || t.endMs - t.startMs !== length * HOUR || t.userId !== PEOPLE[t.turn % 3]);
      expect(bad, `${type} ${length}`).toEqual([]);
      expect(turns[0].startMs).toBe(anchor);
      expect(turns.at(-1)!.endMs).toBeGreaterThanOrEqual(to);
    }
    // 12-hour turns from 08:00 CST are at 09:00/21:00 CDT in summer: elapsed time drifts on the wall clock.
    const summer = rotationTurns(rotation("custom", 12, "08:00"), z, Date.UTC(2026, 6, 1), Date.UTC(2026, 6, 2));
    expect(summer.map((t) => localParts(z, t.startMs).minute / 60)).toContain(9);
  });

  it("has nobody before the first hand-off and turns in participant order", () => {
    const z: ZoneName = "Europe/London";
    const turns = rotationTurns(rotation("daily", 2, "09:00", "2026-06-10"), z, Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 20));
    expect(turns[0].startMs).toBe(at(z, dayOf("2026-06-10"), "09:00"));
    expect(turns.map((t) => t.userId)).toEqual(["ana", "ben", "cy", "ana", "ben"]);
  });

  it("refuses unknown zones, empty rotations and bad times with clear errors", () => {
    const l = (r: Partial<Rotation>) => newLayer("L", "Primary", { rotation: { ...rotation("daily", 1, "09:00"), ...r } });
    expect(() => layerShifts(l({}), "Mars/Olympus_Mons", 0, DAY)).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => layerShifts(l({}), "+02:00", 0, DAY)).toThrow(/Unknown time zone/);
    expect(() => layerShifts(l({ participants: [] }), "UTC", 0, DAY)).toThrow(/at least one participant/);
    expect(() => layerShifts(l({ handoffTime: "24:00" }), "UTC", 0, DAY)).toThrow(/Hand-off time "24:00"/);
    expect(() => layerShifts(l({ start: "2026-02-30" }), "UTC", 0, DAY)).toThrow(/Start date "2026-02-30"/);
    expect(() => layerShifts(l({ length: 0 }), "UTC", 0, DAY)).toThrow(/length must be a whole number/);
    expect(() => layerShifts(l({}), "UTC", 0, 10 * 366 * DAY)).toThrow(/five years/);
  });
});
