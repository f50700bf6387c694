/** Instants shown on a schedule's wall clock (or a viewer's). Pure. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string, kind: "full" | "time" | "day"): Intl.DateTimeFormat {
  const key = `${tz}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : kind === "day"
          ? { timeZone: tz, weekday: "short", day: "numeric", month: "short" }
          : { timeZone: tz, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    f = new Intl.DateTimeFormat("en-GB", opts);
    formatters.set(key, f);
  }
  return f;
}

/** "Mon 2 Mar 2026, 09:00" in the zone. */
export const formatInZone = (ms: number, tz: string) => formatter(tz, "full").format(ms);
/** "09:00" in the zone. */
export const formatTime = (ms: number, tz: string) => formatter(tz, "time").format(ms);
/** "Mon 2 Mar" in the zone. */
export const formatDay = (ms: number, tz: string) => formatter(tz, "day").format(ms);

/** "2 Mar 09:00 – 9 Mar 09:00" (the end's date left out when it is the same day). */
export function formatRange(startMs: number, endMs: number, tz: string): string {
  const sameDay = formatDay(startMs, tz) === formatDay(endMs, tz);
  return `${formatDay(startMs, tz)} ${formatTime(startMs, tz)} – ${sameDay ? "" : formatDay(endMs, tz) + " "}${formatTime(endMs, tz)}`;
}

/** The zone's UTC offset at an instant, as "UTC+01:00". */
export function offsetLabel(ms: number, tz: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  return part === "GMT" ? "UTC+00:00" : part.replace("GMT", "UTC");
}
