/**
 * Times on the public status page: server-rendered in UTC, so the page needs no client script. Pure.
 */
const dateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const date = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "3 Mar 2025, 14:05 UTC". */
export const formatUtc = (ms: number) => `${dateTime.format(ms)} UTC`;

/** "3 Mar 2025". */
export const formatDay = (ms: number) => date.format(ms);

/** "45 min", "2 h 14 min", "3 d 4 h"; under a minute: "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under a minute";
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

/** "37% of the day", rounded, never 0% when something happened nor 100% when it did not all day. */
export function formatShare(share: number): string {
  if (share <= 0) return "0%";
  if (share >= 1) return "100%";
  return `${Math.min(99, Math.max(1, Math.round(share * 100)))}%`;
}

const clock = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A window: "3 Mar 2025, 14:00 to 16:30 UTC (2 h 30 min)"; across days both dates are written. */
export function formatWindowUtc(startMs: number, endMs: number): string {
  const sameDay = formatDay(startMs) === formatDay(endMs);
  const end = sameDay ? `${clock.format(endMs)} UTC` : formatUtc(endMs);
  return `${sameDay ? dateTime.format(startMs) : formatUtc(startMs)} to ${end} (${formatDuration(endMs - startMs)})`;
}
