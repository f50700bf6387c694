/** Wall-clock readings in a time zone ↔ instants, across DST gaps and repeats. Pure. */
import { tzOffset } from "@date-fns/tz";
import { isValidTimeZone } from "./window";

const MIN_MS = 60_000;
const DAY = 24 * 60 * MIN_MS;

/** The wall-clock reading of an instant in a zone, as a "floating" timestamp (its UTC fields are the local ones). */
export function toWallClock(ms: number, timeZone: string): number {
  return ms + tzOffset(timeZone, new Date(ms)) * MIN_MS;
}

/** The instant a wall-clock reading names in a zone: the earlier one when it is repeated, the first instant after the gap when it is skipped. */
export function fromWallClock(wall: number, timeZone: string): number {
  const offset = (ms: number) => tzOffset(timeZone, new Date(ms)) * MIN_MS;
  const before = offset(wall - DAY);
  const after = offset(wall + DAY);
  const hits = [wall - before, wall - after].filter((t) => toWallClock(t, timeZone) === wall);
  if (hits.length) return Math.min(...hits);
  // Skipped: the clocks jumped from `before` to `after` at an instant in (wall − after, wall − before].
  let lo = wall - after;
  let hi = wall - before;
  const target = offset(hi);
  while (hi - lo > MIN_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MIN_MS) * MIN_MS;
    if (offset(mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A datetime-local value ("2026-03-03T14:00") read in a zone, or null when it is not one. */
export function localDateTimeToMs(text: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return fromWallClock(wall, timeZone);
}

