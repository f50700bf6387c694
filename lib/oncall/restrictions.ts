/**
 * Restrictions: the windows of the week a layer is on call (business hours, follow-the-sun), read
 * on the schedule's wall clock. Pure.
 *
 * A window runs from `start` on each of its days to `end` the same day, or the next day when `end`
 * is not after `start` (crossing midnight; equal means 24 hours). Both ends are placed in the zone
 * by the hand-off rule (zone.ts): a skipped time is the end of the gap, a repeated time its first
 * occurrence, so "22:00–06:00" is 9 hours on a fall-back night and 7 on a spring-forward one, and
 * two windows that meet on the wall clock ("09:00–17:00" and "17:00–01:00") meet in time too.
 */
import { clipToWindows, mergeIntervals, type Interval } from "./intervals";
import { WEEKDAYS, type Restriction } from "./types";
import { localDay, localInstant, requireTimeOfDay, weekdayIndex } from "./zone";

/** Throws a RangeError that says what is wrong with a restriction. */
export function checkRestriction(r: Restriction): void {
  requireTimeOfDay(r.start, "Restriction start");
  requireTimeOfDay(r.end, "Restriction end");
  if (r.days) {
    if (!r.days.length) throw new RangeError("A restriction needs at least one day (or no day list, for every day).");
    for (const d of r.days) if (!WEEKDAYS.includes(d)) throw new RangeError(`"${d}" is not a weekday (MO, TU, WE, TH, FR, SA, SU).`);
  }
}

/** The allowed windows overlapping [fromMs, toMs), merged, sorted, unclipped. */
export function restrictionWindows(restrictions: readonly Restriction[], tz: string, fromMs: number, toMs: number): Interval[] {
  const windows: Interval[] = [];
  if (!(toMs > fromMs)) return windows;
  const parsed = restrictions.map((r) => {
    checkRestriction(r);
    const days = new Set((r.days ?? WEEKDAYS).map((d) => WEEKDAYS.indexOf(d)));
    return { days, start: requireTimeOfDay(r.start, "Restriction start"), end: requireTimeOfDay(r.end, "Restriction end") };
  });
  // A window starts at most a day before the local date it ends on.
  const first = localDay(fromMs, tz) - 1;
  const last = localDay(toMs, tz);
  for (let day = first; day <= last; day++) {
    const weekday = weekdayIndex(day);
    for (const p of parsed) {
      if (!p.days.has(weekday)) continue;
      const startMs = localInstant(day, p.start, tz);
      const endMs = localInstant(p.end > p.start ? day : day + 1, p.end, tz);
      if (endMs > fromMs && startMs < toMs) windows.push({ startMs, endMs });
    }
  }
  return mergeIntervals(windows);
}

/** The parts of each item inside the restrictions (all of it when there are none), in order. */
export function applyRestrictions<T extends Interval>(items: readonly T[], restrictions: readonly Restriction[] | undefined, tz: string): T[] {
  if (!restrictions?.length || !items.length) return [...items];
  const windows = restrictionWindows(restrictions, tz, items[0].startMs, Math.max(...items.map((i) => i.endMs)));
  return items.flatMap((item) => clipToWindows(item, windows));
}
