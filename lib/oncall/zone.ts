/**
 * Local dates and times in a schedule's zone. A local date is a day number (days since
 * 1970-01-01); a time of day is minutes since midnight. Wall-clock → instant follows one rule
 * everywhere in on-call: a time the clocks skip (spring forward) is the first instant after the gap,
 * a time they repeat (fall back) is its first occurrence (as lib/slo/wall-clock.ts does). Pure; the
 * zone offsets are memoized per UTC day, since schedule math asks for the same days again and again.
 */
import { tzOffset } from "@date-fns/tz";

export const MIN_MS = 60_000;
export const HOUR_MS = 60 * MIN_MS;
export const DAY_MS = 24 * HOUR_MS;

const canonical = new Map<string, string>();

/** The canonical IANA name of a zone ("europe/london" → "Europe/London"), or null when it is not one. UTC offsets ("+02:00") are refused. */
export function canonicalTimeZone(tz: string): string | null {
  const known = canonical.get(tz);
  if (known) return known;
  if (typeof tz !== "string" || !/^[A-Za-z]/.test(tz)) return null;
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
    canonical.set(tz, name); // only names that exist are remembered
    return name;
  } catch {
    return null;
  }
}

/** Throws a RangeError naming the zone unless it is a known IANA zone. */
export function assertTimeZone(tz: string): void {
  if (!canonicalTimeZone(tz)) throw new RangeError(`Unknown time zone "${tz}": use an IANA name such as "Europe/London" or "America/Chicago".`);
}

/** "YYYY-MM-DD" → day number, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** "HH:MM" (00:00–23:59) → minutes since midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function requireLocalDate(text: string, what: string): number {
  const day = parseLocalDate(text);
  if (day === null) throw new RangeError(`${what} "${text}" is not a date (YYYY-MM-DD).`);
  return day;
}

export function requireTimeOfDay(text: string, what: string): number {
  const minutes = parseTimeOfDay(text);
  if (minutes === null) throw new RangeError(`${what} "${text}" is not a time of day (HH:MM, 00:00 to 23:59).`);
  return minutes;
}

type DayOffsets = { before: number; after: number; changeMs: number };
const offsetsByZone = new Map<string, Map<number, DayOffsets>>();

/** The zone's offsets on one UTC day: the offset at its start, at its end, and the first minute of the later one (one change a day at most, as in every zone's rules). */
function dayOffsets(tz: string, day: number): DayOffsets {
  let days = offsetsByZone.get(tz);
  if (!days) offsetsByZone.set(tz, (days = new Map()));
  let entry = days.get(day);
  if (entry) return entry;
  const raw = (ms: number) => tzOffset(tz, new Date(ms)) * MIN_MS;
  const start = day * DAY_MS;
  const before = raw(start);
  const after = raw(start + DAY_MS - MIN_MS);
  let changeMs = start;
  if (before !== after) {
    let lo = start; // offset `before`
    let hi = start + DAY_MS - MIN_MS; // offset `after`
    while (hi - lo > MIN_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MIN_MS) * MIN_MS;
      if (raw(mid) === after) hi = mid;
      else lo = mid;
    }
    changeMs = hi;
  }
  entry = { before, after, changeMs };
  days.set(day, entry);
  return entry;
}

/** The zone's UTC offset at an instant, in ms. */
export function offsetMs(ms: number, tz: string): number {
  const d = dayOffsets(tz, Math.floor(ms / DAY_MS));
  return ms < d.changeMs ? d.before : d.after;
}

/** The wall-clock reading of an instant as a floating timestamp (its UTC fields are the local ones). */
export function toWallClock(ms: number, tz: string): number {
  return ms + offsetMs(ms, tz);
}

/** The instant a wall-clock reading names: its first occurrence when repeated; when skipped, the first instant after the gap. */
export function fromWallClock(wall: number, tz: string): number {
  const early = wall - offsetMs(wall - DAY_MS, tz);
  const late = wall - offsetMs(wall + DAY_MS, tz);
  const first = Math.min(early, late);
  if (toWallClock(first, tz) === wall) return first;
  const second = Math.max(early, late);
  if (toWallClock(second, tz) === wall) return second;
  // Skipped: the clocks jumped forward between the two readings; the change is the end of the gap.
  const d = dayOffsets(tz, Math.floor(second / DAY_MS));
  return d.before !== d.after ? d.changeMs : dayOffsets(tz, Math.floor(first / DAY_MS)).changeMs;
}

/** The local date of an instant in a zone. */
export function localDay(ms: number, tz: string): number {
  return Math.floor(toWallClock(ms, tz) / DAY_MS);
}

/** The instant of `minutes` past midnight on local date `day` (first occurrence; after a gap, its end). */
export function localInstant(day: number, minutes: number, tz: string): number {
  return fromWallClock(day * DAY_MS + minutes * MIN_MS, tz);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
