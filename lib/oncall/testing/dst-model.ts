/**
 * An independent model of the three zones the brute-force tests walk, written from the published
 * rules with no Intl and no Keel code, so expected instants are not computed by what is tested.
 *   America/Chicago      UTC−6, UTC−5 from the 2nd Sunday of March 02:00 local to the 1st Sunday of November 02:00 local.
 *   Europe/London        UTC+0, UTC+1 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 *   Australia/Lord_Howe  UTC+10:30, UTC+11 from the 1st Sunday of October 02:00 local (→ 02:30) to the 1st Sunday of April 02:00 local (→ 01:30).
 *   UTC                  no change.
 */
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export type ZoneName = "America/Chicago" | "Europe/London" | "Australia/Lord_Howe" | "UTC";
export const MODELLED_ZONES: ZoneName[] = ["America/Chicago", "Europe/London", "Australia/Lord_Howe", "UTC"];

/** UTC midnight of the n-th Sunday of a month (month 0-based). */
export function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const dow = new Date(first).getUTCDay();
  return first + (((7 - dow) % 7) + 7 * (n - 1)) * DAY;
}
export function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}

type Model = { std: number; dst: number; start: (y: number) => number; end: (y: number) => number; south: boolean };

const MODELS: Record<ZoneName, Model> = {
  "America/Chicago": { std: -360, dst: -300, start: (y) => nthSunday(y, 2, 2) + 8 * HOUR, end: (y) => nthSunday(y, 10, 1) + 7 * HOUR, south: false },
  "Europe/London": { std: 0, dst: 60, start: (y) => lastSunday(y, 2) + HOUR, end: (y) => lastSunday(y, 9) + HOUR, south: false },
  "Australia/Lord_Howe": { std: 630, dst: 660, start: (y) => nthSunday(y, 9, 1) + 2 * HOUR - 630 * MIN, end: (y) => nthSunday(y, 3, 1) + 2 * HOUR - 660 * MIN, south: true },
  UTC: { std: 0, dst: 0, start: () => Infinity, end: () => -Infinity, south: false },
};

/** The zone's UTC offset at an instant, in minutes. */
const changes = new Map<string, [number, number]>();
/** The year's DST start and end instants (memoized: the tests ask millions of times). */
function changesOf(zone: ZoneName, y: number): [number, number] {
  const key = `${zone}|${y}`;
  let c = changes.get(key);
  if (!c) changes.set(key, (c = [MODELS[zone].start(y), MODELS[zone].end(y)]));
  return c;
}

const YEAR_2026 = Date.UTC(2026, 0, 1);
const YEAR_2027 = Date.UTC(2027, 0, 1);
const YEAR_2028 = Date.UTC(2028, 0, 1);
const utcYear = (ms: number) => (ms >= YEAR_2026 && ms < YEAR_2027 ? 2026 : ms >= YEAR_2027 && ms < YEAR_2028 ? 2027 : new Date(ms).getUTCFullYear());

export function offsetMinutes(zone: ZoneName, ms: number): number {
  const m = MODELS[zone];
  const [start, end] = changesOf(zone, utcYear(ms));
  const inDst = m.south ? ms < end || ms >= start : ms >= start && ms < end;
  return inDst ? m.dst : m.std;
}

/** The wall clock of an instant as a floating timestamp (UTC fields = local fields). */
export function toWall(zone: ZoneName, ms: number): number {
  return ms + offsetMinutes(zone, ms) * MIN;
}

/** The instant of a wall-clock reading: the first when repeated, the end of the gap (the spring-forward instant) when skipped. */
export function wallToInstant(zone: ZoneName, wall: number): number {
  const m = MODELS[zone];
  const hits = [wall - m.std * MIN, wall - m.dst * MIN].filter((t) => toWall(zone, t) === wall);
  if (hits.length) return Math.min(...hits);
  return changesOf(zone, utcYear(wall))[0];
}

/** Local date (days since 1970-01-01) and minute of day of an instant. */
export function localParts(zone: ZoneName, ms: number): { day: number; minute: number; weekday: number } {
  const wall = toWall(zone, ms);
  const day = Math.floor(wall / DAY);
  const d = new Date(wall);
  return { day, minute: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: (d.getUTCDay() + 6) % 7 };
}

/** "YYYY-MM-DD" → day number. */
export const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
/** "HH:MM" → minutes. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** The instant of `hhmm` on local date `day`. */
export const at = (zone: ZoneName, day: number, hhmm: string) => wallToInstant(zone, day * DAY + minutesOf(hhmm) * MIN);
