/** `<input type="datetime-local">` values read on a schedule's wall clock, and back. Pure. */
import { DAY_MS, localInstant, parseLocalDate, parseTimeOfDay, toWallClock } from "./zone";

/** "2026-03-02T09:00" in `tz` → ISO instant; null when it is not such a value. A skipped time is the end of the gap, a repeated one its first occurrence. */
export function localInputToIso(value: string, tz: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const day = parseLocalDate(m[1]);
  const minutes = parseTimeOfDay(m[2]);
  if (day === null || minutes === null) return null;
  return new Date(localInstant(day, minutes, tz)).toISOString();
}

/** An instant as a datetime-local value on `tz`'s wall clock. */
export function isoToLocalInput(ms: number, tz: string): string {
  return new Date(toWallClock(ms, tz)).toISOString().slice(0, 16);
}

/** The next Monday on or after the local date of `nowMs` in UTC, as YYYY-MM-DD (the default rotation start). */
export function nextMonday(nowMs: number): string {
  const day = Math.floor(nowMs / DAY_MS);
  const weekday = (((day + 3) % 7) + 7) % 7;
  return new Date((day + ((7 - weekday) % 7)) * DAY_MS).toISOString().slice(0, 10);
}

/** The default start of a new rotation: the coming Monday (today when it is one). */
export const comingMonday = () => nextMonday(Date.now());
