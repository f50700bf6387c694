/**
 * Maintenance times for signed-in users, in their own time zone: the window as text and the
 * datetime-local values of the edit form. Pure; safe in the browser.
 */
import { toWallClock } from "@/lib/slo/wall-clock";

type Parts = Record<"weekday" | "day" | "month" | "year" | "hour" | "minute" | "timeZoneName", string>;

function parts(ms: number, timeZone: string): Parts {
  const out: Record<string, string> = {};
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
  for (const p of f.formatToParts(ms)) out[p.type] = p.value;
  return out as Parts;
}

const date = (p: Parts) => `${p.weekday} ${p.day} ${p.month} ${p.year}`;

/** "Tue 3 Mar 2026, 14:00 – 16:00 GMT+1", or both dates when the window spans midnight in the zone. */
export function formatZonedWindow(startMs: number, endMs: number, timeZone: string): string {
  const a = parts(startMs, timeZone);
  const b = parts(endMs, timeZone);
  const end = date(a) === date(b) ? `${b.hour}:${b.minute}` : `${date(b)}, ${b.hour}:${b.minute}`;
  return `${date(a)}, ${a.hour}:${a.minute} – ${end} ${b.timeZoneName}`;
}

/** "Tue 3 Mar 2026, 14:00 GMT+1". */
export function formatZonedTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${date(p)}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** The datetime-local value ("2026-03-03T14:00") showing an instant in a zone. */
export function toLocalInput(ms: number, timeZone: string): string {
  return new Date(toWallClock(ms, timeZone)).toISOString().slice(0, 16);
}
