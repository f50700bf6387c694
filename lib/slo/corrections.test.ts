import { describe, expect, it } from "vitest";
import {
  correctionIntervals,
  expandCorrections,
  formatRrule,
  localDateTimeToMs,
  nextOccurrence,
  parseRrule,
  type CorrectionSpec,
} from "./corrections";
import { describeCorrection } from "./correction-text";
import { totalMs } from "./count-plan";

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

let seq = 0;
function corr(startsAt: string | Date, durationMinutes: number, rrule: string | null = null, timeZone = "UTC", reason = "maintenance"): CorrectionSpec {
  return { id: `c${++seq}`, reason, startsAt, durationMinutes, rrule, timeZone };
}

const iso = (ms: number) => new Date(ms).toISOString();
const starts = (c: CorrectionSpec, from: number, to: number) => correctionIntervals([c], from, to).map((i) => iso(i.startMs));

// Independent DST rules (no Intl): EU changes at 01:00 UTC on the last Sundays of March and
// October; the US at 02:00 local on the second Sunday of March and the first of November.
function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const dow = new Date(first).getUTCDay();
  return first + (((7 - dow) % 7) + 7 * (n - 1)) * DAY;
}
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}
/** Every Sunday of `year`, as UTC midnights of the date. */
function sundays(year: number): number[] {
  const out: number[] = [];
  for (let d = nthSunday(year, 0, 1); new Date(d).getUTCFullYear() === year; d += 7 * DAY) out.push(d);
  return out;
}

describe("parseRrule", () => {
  it("accepts the supported subset and writes it back canonically", () => {
    const cases: [string, string][] = [
      ["FREQ=WEEKLY;BYDAY=SU;COUNT=10", "FREQ=WEEKLY;BYDAY=SU;COUNT=10"],
      ["rrule:freq=daily;interval=1;", "FREQ=DAILY"],
      ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1"],
      ["FREQ=MONTHLY;BYDAY=1MO,-1FR", "FREQ=MONTHLY;BYDAY=1MO,-1FR"],
      ["UNTIL=20261231T235959Z;FREQ=WEEKLY;BYDAY=SA,SU;WKST=SU", "FREQ=WEEKLY;BYDAY=SA,SU;WKST=SU;UNTIL=20261231T235959Z"],
      ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260601", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260601"],
    ];
    for (const [text, canonical] of cases) {
      const r = parseRrule(text);
      expect(r, text).toMatchObject({ ok: true });
      if (r.ok) expect(formatRrule(r.rule)).toBe(canonical);
    }
    const r = parseRrule("FREQ=MONTHLY;BYDAY=-2TH;INTERVAL=2");
    expect(r).toEqual({ ok: true, rule: { freq: "MONTHLY", interval: 2, byDay: [{ day: "TH", nth: -2 }], byMonthDay: [] } });
  });

  it("refuses what it does not support, with a message that says why", () => {
    const cases: [string, RegExp][] = [
      ["FREQ=HOURLY", /more than once a day.*almost certainly a mistake/],
      ["FREQ=MINUTELY;COUNT=5", /more than once a day/],
      ["FREQ=SECONDLY", /more than once a day/],
      ["FREQ=YEARLY", /INTERVAL=12/],
      ["FREQ=FORTNIGHTLY", /Unknown FREQ "FORTNIGHTLY"/],
      ["BYDAY=SU", /FREQ is required/],
      ["", /Enter a rule/],
      ["FREQ=WEEKLY;BYDAY=SUN", /BYDAY "SUN" is not a weekday/],
      ["FREQ=WEEKLY;BYDAY=XX", /not a weekday/],
      ["FREQ=MONTHLY;BYDAY=6MO", /ordinal is 1 to 5/],
      ["FREQ=MONTHLY;BYDAY=0MO", /ordinal is 1 to 5/],
      ["FREQ=WEEKLY;BYDAY=1MO", /needs FREQ=MONTHLY/],
      ["DTSTART:20260301T020000Z\nRRULE:FREQ=WEEKLY", /Leave DTSTART/],
      ["FREQ=WEEKLY;DTSTART=20260301T020000Z", /Leave DTSTART/],
      ["FREQ=WEEKLY;TZID=Europe/London", /TZID/],
      ["FREQ=DAILY;COUNT=3;UNTIL=20260601", /COUNT or UNTIL, not both/],
      ["FREQ=DAILY;COUNT=0", /COUNT is a whole number from 1/],
      ["FREQ=DAILY;INTERVAL=two", /INTERVAL is a whole number/],
      ["FREQ=DAILY;FREQ=WEEKLY", /FREQ is given twice/],
      ["FREQ=DAILY;BYHOUR=2", /time of day comes from the start/],
      ["FREQ=MONTHLY;BYSETPOS=1", /BYSETPOS is not supported.*FREQ, INTERVAL/],
      ["FREQ=DAILY;UNTIL=20260230", /UNTIL "20260230" is not a date/],
      ["FREQ=DAILY;UNTIL=tomorrow", /not a date/],
      ["FREQ=MONTHLY;BYMONTHDAY=32", /days are 1 to 31/],
      ["FREQ=WEEKLY;BYMONTHDAY=1", /cannot be used with FREQ=WEEKLY/],
      ["FREQ=DAILY;BYMONTHDAY=1", /use FREQ=MONTHLY/],
      ["FREQ=DAILY;INTERVAL=2;BYDAY=MO", /use FREQ=WEEKLY;INTERVAL/],
      ["FREQ=DAILY;;COUNT=2", /empty part/],
      ["FREQ", /not NAME=VALUE/],
    ];
    for (const [text, message] of cases) {
      const r = parseRrule(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error, text).toMatch(message);
    }
  });
});

describe("correctionIntervals: one-off corrections", () => {
  const c = corr("2026-03-03T14:00:00Z", 120, null, "UTC", "database upgrade");

  it("covers the correction inside the range, with its id and reason", () => {
    expect(correctionIntervals([c], Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 31))).toEqual([
      { startMs: Date.UTC(2026, 2, 3, 14), endMs: Date.UTC(2026, 2, 3, 16), correctionIds: [c.id], reasons: ["database upgrade"] },
    ]);
  });

  it("clips to the range and leaves out what lies outside it", () => {
    expect(correctionIntervals([c], Date.UTC(2026, 2, 3, 15), Date.UTC(2026, 2, 3, 15, 30))).toMatchObject([{ startMs: Date.UTC(2026, 2, 3, 15), endMs: Date.UTC(2026, 2, 3, 15, 30) }]);
    expect(correctionIntervals([c], Date.UTC(2026, 2, 3, 16), Date.UTC(2026, 2, 4))).toEqual([]); // ends exactly at `from`
    expect(correctionIntervals([c], Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 3, 14))).toEqual([]); // starts exactly at `to`
    expect(correctionIntervals([c], Date.UTC(2026, 2, 4), Date.UTC(2026, 2, 1))).toEqual([]); // empty range
  });

  it("floors the start and ceils the end to whole minutes, never beyond the range", () => {
    const odd = corr(new Date(Date.UTC(2026, 2, 3, 14, 0, 40)), 1);
    expect(correctionIntervals([odd], Date.UTC(2026, 2, 3), Date.UTC(2026, 2, 4))).toMatchObject([{ startMs: Date.UTC(2026, 2, 3, 14), endMs: Date.UTC(2026, 2, 3, 14, 1) }]);
    const from = Date.UTC(2026, 2, 3, 15, 0, 30);
    expect(correctionIntervals([c], from, Date.UTC(2026, 2, 4))).toMatchObject([{ startMs: from, endMs: Date.UTC(2026, 2, 3, 16) }]);
  });

  it("reads a one-off's start as an instant, whatever its zone", () => {
    const london = corr("2026-07-01T09:00:00+01:00", 30, null, "Europe/London");
    expect(starts(london, Date.UTC(2026, 6, 1), Date.UTC(2026, 6, 2))).toEqual(["2026-07-01T08:00:00.000Z"]);
  });
});

describe("correctionIntervals: weekly windows keep their wall-clock time across DST", () => {
  it("every Sunday 02:00–04:00 Europe/London through 2026", () => {
    const c = corr("2026-01-04T02:00:00Z", 120, "FREQ=WEEKLY;BYDAY=SU", "Europe/London");
    const got = correctionIntervals([c], Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    const bstFrom = lastSunday(2026, 2); // 29 March: 02:00 local is already BST
    const bstTo = lastSunday(2026, 9); // 25 October: 02:00 local is GMT again
    const expected = sundays(2026).map((d) => d + 2 * H - (d >= bstFrom && d < bstTo ? H : 0));
    expect(got.map((i) => iso(i.startMs))).toEqual(expected.map(iso));
    expect(got.every((i) => i.endMs - i.startMs === 2 * H)).toBe(true);
    expect(expected).toHaveLength(52);
    expect(iso(expected[12])).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(expected[42])).toBe("2026-10-25T02:00:00.000Z");
  });

  it("every Sunday 02:00 America/Chicago: the skipped 02:00 of 8 March moves to 03:00 CDT", () => {
    const c = corr("2026-01-04T08:00:00Z", 60, "FREQ=WEEKLY;BYDAY=SU", "America/Chicago");
    const got = correctionIntervals([c], Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    const springDay = nthSunday(2026, 2, 2); // 8 March: 02:00 CST does not exist
    const fallDay = nthSunday(2026, 10, 1); // 1 November: 02:00 is CST again
    const expected = sundays(2026).map((d) => (d > springDay && d < fallDay ? d + 7 * H : d + 8 * H));
    expect(got.map((i) => iso(i.startMs))).toEqual(expected.map(iso));
    expect(iso(springDay + 8 * H)).toBe("2026-03-08T08:00:00.000Z"); // 03:00 CDT, the first instant after the gap
    expect(iso(fallDay + 8 * H)).toBe("2026-11-01T08:00:00.000Z");
  });

  it("Saturday and Sunday 22:00–06:00 (next day) in London merge into one weekend window across the change", () => {
    const c = corr("2026-10-17T21:00:00Z", 8 * 60, "FREQ=WEEKLY;BYDAY=SA,SU", "Europe/London");
    const got = correctionIntervals([c], Date.UTC(2026, 9, 17), Date.UTC(2026, 9, 27));
    // Sat 17 Oct 22:00 BST = 21:00Z; Sun 18 22:00 BST = 21:00Z; Sat 24 22:00 BST = 21:00Z; Sun 25 22:00 GMT = 22:00Z.
    expect(got.map((i) => [iso(i.startMs), iso(i.endMs)])).toEqual([
      ["2026-10-17T21:00:00.000Z", "2026-10-18T05:00:00.000Z"],
      ["2026-10-18T21:00:00.000Z", "2026-10-19T05:00:00.000Z"],
      ["2026-10-24T21:00:00.000Z", "2026-10-25T05:00:00.000Z"],
      ["2026-10-25T22:00:00.000Z", "2026-10-26T06:00:00.000Z"],
    ]);
  });
});

describe("correctionIntervals: times the clocks skip or repeat", () => {
  it("Europe/London 01:30 daily: skipped on 29 March (→ 02:00 BST), the earlier of two on 25 October", () => {
    const c = corr("2026-03-27T01:30:00Z", 15, "FREQ=DAILY", "Europe/London");
    expect(starts(c, Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31))).toEqual([
      "2026-03-27T01:30:00.000Z", // GMT
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:00:00.000Z", // 01:30 does not exist; 02:00 BST
      "2026-03-30T00:30:00.000Z", // 01:30 BST
    ]);
    expect(starts(c, Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 27))).toEqual([
      "2026-10-24T00:30:00.000Z", // BST
      "2026-10-25T00:30:00.000Z", // 01:30 happens twice; the first (BST)
      "2026-10-26T01:30:00.000Z", // GMT
    ]);
  });

  it("America/Chicago 02:30 daily moves to 03:00 CDT on 8 March; 01:30 on 1 November is the CDT one", () => {
    const c = corr("2026-03-06T08:30:00Z", 30, "FREQ=DAILY", "America/Chicago");
    expect(starts(c, Date.UTC(2026, 2, 6), Date.UTC(2026, 2, 10))).toEqual([
      "2026-03-06T08:30:00.000Z",
      "2026-03-07T08:30:00.000Z",
      "2026-03-08T08:00:00.000Z",
      "2026-03-09T07:30:00.000Z",
    ]);
    const early = corr("2026-10-30T06:30:00Z", 30, "FREQ=DAILY", "America/Chicago");
    expect(starts(early, Date.UTC(2026, 9, 30), Date.UTC(2026, 10, 3))).toEqual([
      "2026-10-30T06:30:00.000Z",
      "2026-10-31T06:30:00.000Z",
      "2026-11-01T06:30:00.000Z",
      "2026-11-02T07:30:00.000Z",
    ]);
  });
});

describe("correctionIntervals: a daily window at every hour of the day in Europe/London, all year", () => {
  // Independent of Intl: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
  const bst = (ms: number) => ms >= lastSunday(2026, 2) + H && ms < lastSunday(2026, 9) + H;
  /** The instant of a London wall-clock reading: the earlier when repeated, the change itself when skipped. */
  function london(wall: number): number {
    const valid = [wall - H, wall].filter((t) => bst(t) === (t === wall - H));
    if (valid.length) return Math.min(...valid);
    return lastSunday(2026, 2) + H;
  }

  it.each([0, 1, 2, 12, 23].flatMap((h) => [h * 60, h * 60 + 30]))("at %i minutes past midnight", (minuteOfDay) => {
    const first = Date.UTC(2026, 0, 1) + minuteOfDay * MIN;
    const c = corr(new Date(first), 20, "FREQ=DAILY", "Europe/London");
    const got = correctionIntervals([c], Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1, 0));
    const expected = Array.from({ length: 365 }, (_, d) => london(first + d * DAY));
    expect(got.map((i) => iso(i.startMs))).toEqual(expected.map(iso));
  });
});

describe("correctionIntervals: merging", () => {
  it("merges overlapping and adjacent periods of several corrections, keeping every id and reason once", () => {
    const a = corr("2026-05-01T10:00:00Z", 60, null, "UTC", "deploy");
    const b = corr("2026-05-01T10:30:00Z", 60, null, "UTC", "migration");
    const adjacent = corr("2026-05-01T11:30:00Z", 30, null, "UTC", "deploy");
    const apart = corr("2026-05-01T12:01:00Z", 10, null, "UTC", "other");
    const got = correctionIntervals([apart, adjacent, b, a], Date.UTC(2026, 4, 1), Date.UTC(2026, 4, 2));
    expect(got).toEqual([
      { startMs: Date.UTC(2026, 4, 1, 10), endMs: Date.UTC(2026, 4, 1, 12), correctionIds: [a.id, b.id, adjacent.id], reasons: ["deploy", "migration"] },
      { startMs: Date.UTC(2026, 4, 1, 12, 1), endMs: Date.UTC(2026, 4, 1, 12, 11), correctionIds: [apart.id], reasons: ["other"] },
    ]);
    expect(totalMs(got)).toBe(2 * H + 10 * MIN);
  });

  it("a window longer than its recurrence merges with the next occurrence", () => {
    const c = corr("2026-05-01T00:00:00Z", 36 * 60, "FREQ=DAILY;COUNT=3");
    expect(correctionIntervals([c], Date.UTC(2026, 3, 1), Date.UTC(2026, 5, 1))).toMatchObject([{ startMs: Date.UTC(2026, 4, 1), endMs: Date.UTC(2026, 4, 4, 12), correctionIds: [c.id] }]);
  });

  it("matches a minute-by-minute brute force on random UTC rules (union, sorted, disjoint, not adjacent)", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const base = Date.UTC(2026, 0, 5); // a Monday
    for (let round = 0; round < 40; round++) {
      const specs: CorrectionSpec[] = [];
      const expectedStarts: number[][] = [];
      for (let k = 0; k < 1 + rand(3); k++) {
        const start = base + rand(10 * 24 * 60) * MIN;
        const dur = 1 + rand(3 * 24 * 60);
        const interval = 1 + rand(3);
        const count = 1 + rand(8);
        const weekly = rand(2) === 1;
        specs.push(corr(new Date(start), dur, `FREQ=${weekly ? "WEEKLY" : "DAILY"};INTERVAL=${interval};COUNT=${count}`));
        expectedStarts.push(Array.from({ length: count }, (_, i) => start + i * interval * (weekly ? 7 : 1) * DAY));
      }
      const from = base + rand(20 * 24 * 60) * MIN;
      const to = from + rand(40 * 24 * 60) * MIN;
      const got = correctionIntervals(specs, from, to);
      for (let i = 1; i < got.length; i++) expect(got[i].startMs).toBeGreaterThan(got[i - 1].endMs);
      let covered = 0;
      let mismatch: string | null = null;
      for (let t = from; t < to && !mismatch; t += MIN) {
        const inside = specs.some((s, i) => expectedStarts[i].some((st) => t >= st && t < st + s.durationMinutes * MIN));
        const reported = got.some((g) => t >= g.startMs && t < g.endMs);
        if (reported !== inside) mismatch = `round ${round}: minute ${iso(t)} is ${inside ? "" : "not "}excluded`;
        if (inside) covered += MIN;
      }
      expect(mismatch).toBeNull();
      expect(totalMs(got)).toBe(covered);
    }
  });
});

describe("correctionIntervals: COUNT, UNTIL and monthly rules", () => {
  it("COUNT counts from the start, also when the range begins later", () => {
    const c = corr("2026-06-01T03:00:00Z", 30, "FREQ=DAILY;COUNT=5");
    expect(starts(c, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toHaveLength(5);
    expect(starts(c, Date.UTC(2026, 5, 4), Date.UTC(2027, 0, 1))).toEqual(["2026-06-04T03:00:00.000Z", "2026-06-05T03:00:00.000Z"]);
  });

  it("a weekly rule starting on another weekday begins at the first matching day", () => {
    const c = corr("2026-06-03T03:00:00Z", 30, "FREQ=WEEKLY;BYDAY=MO,FR;COUNT=3"); // a Wednesday
    expect(starts(c, Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1))).toEqual(["2026-06-05T03:00:00.000Z", "2026-06-08T03:00:00.000Z", "2026-06-12T03:00:00.000Z"]);
  });

  it("UNTIL as a UTC instant is inclusive and exact; as a date it includes that local day", () => {
    const utc = corr("2026-06-01T03:00:00Z", 30, "FREQ=DAILY;UNTIL=20260603T030000Z");
    expect(starts(utc, Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1))).toEqual(["2026-06-01T03:00:00.000Z", "2026-06-02T03:00:00.000Z", "2026-06-03T03:00:00.000Z"]);
    const before = corr("2026-06-01T03:00:00Z", 30, "FREQ=DAILY;UNTIL=20260603T025900Z");
    expect(starts(before, Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1))).toHaveLength(2);
    // 23:30 in Chicago (CDT) is 04:30Z the next day; UNTIL=20260603 still includes 3 June local.
    const local = corr("2026-06-02T04:30:00Z", 30, "FREQ=DAILY;UNTIL=20260603", "America/Chicago");
    expect(starts(local, Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1))).toEqual(["2026-06-02T04:30:00.000Z", "2026-06-03T04:30:00.000Z", "2026-06-04T04:30:00.000Z"]);
  });

  it("monthly on the 31st skips shorter months; the first Monday and the last Friday", () => {
    const end = corr("2026-01-31T01:00:00Z", 60, "FREQ=MONTHLY");
    expect(starts(end, Date.UTC(2026, 0, 1), Date.UTC(2026, 7, 1))).toEqual(["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"].map((d) => `${d}T01:00:00.000Z`));
    const firstMonday = corr("2026-01-01T06:00:00Z", 60, "FREQ=MONTHLY;BYDAY=1MO;COUNT=3");
    expect(starts(firstMonday, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual(["2026-01-05", "2026-02-02", "2026-03-02"].map((d) => `${d}T06:00:00.000Z`));
    const lastFriday = corr("2026-01-01T06:00:00Z", 60, "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3");
    expect(starts(lastFriday, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual(["2026-01-30", "2026-02-27", "2026-03-27"].map((d) => `${d}T06:00:00.000Z`));
    const lastDay = corr("2026-01-01T06:00:00Z", 60, "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3");
    expect(starts(lastDay, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"].map((d) => `${d}T06:00:00.000Z`));
  });

  it("caps the expansion per correction and says so", () => {
    const c = corr("2020-01-01T00:00:00Z", 10, "FREQ=DAILY");
    const capped = expandCorrections([c], Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1), 100);
    expect(capped.truncated).toBe(true);
    expect(capped.intervals).toHaveLength(100);
    expect(iso(capped.intervals[99].startMs)).toBe("2020-04-09T00:00:00.000Z");
    const full = expandCorrections([c], Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1));
    expect(full).toMatchObject({ truncated: true });
    expect(full.intervals).toHaveLength(2000);
    expect(expandCorrections([c], Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 31)).truncated).toBe(false);
  });

  it("a stored rule Keel cannot read counts as its first occurrence only", () => {
    const c = corr("2026-06-01T03:00:00Z", 30, "FREQ=HOURLY");
    expect(starts(c, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual(["2026-06-01T03:00:00.000Z"]);
  });
});

describe("nextOccurrence", () => {
  const c = corr("2026-01-04T02:00:00Z", 120, "FREQ=WEEKLY;BYDAY=SU;COUNT=3", "Europe/London");
  it("is the one in progress, else the next one, else none", () => {
    expect(nextOccurrence(c, Date.UTC(2026, 0, 1))).toEqual({ startMs: Date.UTC(2026, 0, 4, 2), endMs: Date.UTC(2026, 0, 4, 4) });
    expect(nextOccurrence(c, Date.UTC(2026, 0, 11, 3))).toEqual({ startMs: Date.UTC(2026, 0, 11, 2), endMs: Date.UTC(2026, 0, 11, 4) });
    expect(nextOccurrence(c, Date.UTC(2026, 0, 11, 4))).toEqual({ startMs: Date.UTC(2026, 0, 18, 2), endMs: Date.UTC(2026, 0, 18, 4) });
    expect(nextOccurrence(c, Date.UTC(2026, 0, 18, 4))).toBeNull();
    const once = corr("2026-03-03T14:00:00Z", 60);
    expect(nextOccurrence(once, Date.UTC(2026, 2, 3, 14, 59))?.startMs).toBe(Date.UTC(2026, 2, 3, 14));
    expect(nextOccurrence(once, Date.UTC(2026, 2, 3, 15))).toBeNull();
  });

  it("finds the next of an endless rule far ahead of its start", () => {
    const weekly = corr("2026-01-04T02:00:00Z", 120, "FREQ=WEEKLY;BYDAY=SU", "Europe/London");
    expect(nextOccurrence(weekly, Date.UTC(2030, 6, 1))?.startMs).toBe(Date.UTC(2030, 6, 7, 1)); // Sunday 7 July 2030, 02:00 BST
  });
});

describe("describeCorrection", () => {
  it("says when, in the correction's zone", () => {
    expect(describeCorrection(corr("2026-03-03T14:00:00Z", 120))).toBe("Once, 3 Mar 2026 14:00–16:00 UTC");
    expect(describeCorrection(corr("2026-03-03T22:00:00Z", 240))).toBe("Once, 3 Mar 2026 22:00 – 4 Mar 2026 02:00 UTC");
    expect(describeCorrection(corr("2026-07-05T01:00:00Z", 120, "FREQ=WEEKLY;BYDAY=SU", "Europe/London"))).toBe("Every Sunday 02:00–04:00 (Europe/London)");
    expect(describeCorrection(corr("2026-07-04T21:00:00Z", 480, "FREQ=WEEKLY;BYDAY=SA,SU", "Europe/London"))).toBe("Every Saturday and Sunday 22:00–06:00 (next day) (Europe/London)");
    expect(describeCorrection(corr("2026-01-05T06:00:00Z", 30, "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"))).toBe("Every weekday 06:00–06:30 UTC");
    expect(describeCorrection(corr("2026-01-05T06:00:00Z", 30, "FREQ=DAILY;INTERVAL=3"))).toBe("Every 3 days 06:00–06:30 UTC");
    expect(describeCorrection(corr("2026-01-05T06:00:00Z", 30, "FREQ=WEEKLY;INTERVAL=2;COUNT=4"))).toBe("Every 2 weeks on Monday 06:00–06:30 UTC, 4 times from 5 Jan 2026");
    expect(describeCorrection(corr("2026-01-01T06:00:00Z", 60, "FREQ=MONTHLY;BYDAY=1MO,-1FR"))).toBe("Every month on the first Monday and the last Friday 06:00–07:00 UTC");
    expect(describeCorrection(corr("2026-01-01T06:00:00Z", 60, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,-1;UNTIL=20261231"))).toBe("Every 3 months on the 1st and last day 06:00–07:00 UTC, until 31 Dec 2026");
    expect(describeCorrection(corr("2026-01-22T06:00:00Z", 3000, "FREQ=MONTHLY"))).toBe("Every month on the 22nd from 06:00 for 2 days 2 h UTC");
  });
});

describe("localDateTimeToMs", () => {
  it("reads a datetime-local value in a zone, and refuses what is not one", () => {
    expect(localDateTimeToMs("2026-07-01T09:00", "Europe/London")).toBe(Date.UTC(2026, 6, 1, 8));
    expect(localDateTimeToMs("2026-03-08T02:30", "America/Chicago")).toBe(Date.UTC(2026, 2, 8, 8));
    expect(localDateTimeToMs("2026-11-01T01:30", "America/Chicago")).toBe(Date.UTC(2026, 10, 1, 6, 30));
    expect(localDateTimeToMs("2026-02-30T09:00", "UTC")).toBeNull();
    expect(localDateTimeToMs("2026-07-01 09:00", "UTC")).toBeNull();
    expect(localDateTimeToMs("2026-07-01T09:00", "Mars/Olympus")).toBeNull();
  });
});
