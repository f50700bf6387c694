/** How incident times read in Keel: relative ("3 h ago"), full UTC stamps and durations. Pure, safe in the browser. */

const utc = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The parts of a UTC time, assembled by hand so server and browser (with different ICU data) write the same text. */
function parts(iso: string): Record<"weekday" | "day" | "month" | "year" | "hour" | "minute" | "second", string> {
  const out: Record<string, string> = {};
  for (const p of utc.formatToParts(Date.parse(iso))) out[p.type] = p.value;
  return out as ReturnType<typeof parts>;
}

/** "Tue 12 Nov 2024, 15:00:00 UTC" */
export function fullStamp(iso: string): string {
  const p = parts(iso);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}:${p.second} UTC`;
}

/** "12 Nov, 15:00:03 UTC": for timeline entries. */
export function shortStamp(iso: string): string {
  const p = parts(iso);
  return `${p.day} ${p.month}, ${p.hour}:${p.minute}:${p.second} UTC`;
}

/** 90 s → "1 min"; "2 h 5 min"; "3 d 4 h". Whole units, for durations shown in tables. */
export function spanText(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 1) return "under 1 min";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h${min % 60 ? ` ${min % 60} min` : ""}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ""}`;
}

/** "5 min ago", "in 2 h" (for due times). */
export function relativeText(iso: string, now: number): string {
  const diff = now - Date.parse(iso);
  if (Math.abs(diff) < 60_000) return "just now";
  return diff > 0 ? `${spanText(diff)} ago` : `in ${spanText(-diff)}`;
}

/** "2025-03-01T14:05:00" for a datetime-local input showing UTC. */
export function utcInputValue(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}
