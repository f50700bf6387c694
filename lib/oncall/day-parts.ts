/**
 * Parts of a person's day, on their own wall clock. Pure. Three parts that never overlap and
 * cover all time:
 *  - `night`: 22:00 to 06:00 local, every day (weekends too);
 *  - `business`: 09:00 to 17:00 local, Monday to Friday;
 *  - `off-hours`: the rest (weekday 06:00–09:00 and 17:00–22:00, weekend days 06:00–22:00).
 * Public holidays are not known here and count as ordinary days. The boundaries are wall-clock
 * times placed by the schedule rule (zone.ts), so a fall-back night lasts 9 hours, a
 * spring-forward one 7.
 */
import { overlapMs } from "./intervals";
import { localDay, localInstant, weekdayIndex } from "./zone";

export type DayPart = "business" | "off-hours" | "night";
export type DayPartMs = Record<DayPart, number>;

export const BUSINESS_START = 9 * 60;
export const BUSINESS_END = 17 * 60;
export const NIGHT_START = 22 * 60;
export const NIGHT_END = 6 * 60;

/** How much of [startMs, endMs) falls in each part of the day in `tz`. */
export function splitDayParts(startMs: number, endMs: number, tz: string): DayPartMs {
  const out: DayPartMs = { business: 0, "off-hours": 0, night: 0 };
  if (!(endMs > startMs)) return out;
  for (let day = localDay(startMs, tz) - 1; day <= localDay(endMs, tz); day++) {
    out.night += overlapMs(startMs, endMs, localInstant(day, NIGHT_START, tz), localInstant(day + 1, NIGHT_END, tz));
    if (weekdayIndex(day) < 5) out.business += overlapMs(startMs, endMs, localInstant(day, BUSINESS_START, tz), localInstant(day, BUSINESS_END, tz));
  }
  out["off-hours"] = endMs - startMs - out.night - out.business;
  return out;
}

/** The part of the day an instant falls in. */
export function dayPartAt(ms: number, tz: string): DayPart {
  const parts = splitDayParts(ms, ms + 1, tz);
  return parts.night ? "night" : parts.business ? "business" : "off-hours";
}
