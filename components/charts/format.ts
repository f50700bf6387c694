/**
 * Value, unit and time formatters for charts. Pure: every time function takes an optional IANA
 * `timeZone` (undefined = the runtime's own zone, i.e. the browser's).
 */

export type ChartUnit = "short" | "percent" | "ratio" | "seconds" | "bytes" | "reqps" | (string & {});

const DASH = "–";

/** Up to `sig` significant digits, no exponent, no trailing zeros. */
function num(n: number, sig = 3): string {
  if (n === 0) return "0";
  return Number(n.toPrecision(sig)).toLocaleString("en-US", { maximumFractionDigits: 6, useGrouping: false });
}

function scaled(v: number, base: number, units: string[], sep: string): string {
  const sign = v < 0 ? "-" : "";
  let a = Math.abs(v);
  let i = 0;
  // For SI, 999_999 would print as "1000k"; move up when rounding reaches the base.
  const reaches = (x: number) => x >= base || (base === 1000 && Number(x.toPrecision(3)) >= base);
  while (i < units.length - 1 && reaches(a)) {
    a /= base;
    i++;
  }
  return `${sign}${num(a)}${sep}${units[i]}`.trimEnd();
}

/** 1234 → "1.23k", 3_400_000 → "3.4M", 0.5 → "0.5", 0.00012 → "1.2e-4". */
export function formatShort(v: number): string {
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(1).replace(".0e", "e");
  return scaled(v, 1000, ["", "k", "M", "G", "T", "P"], "");
}

/** Percent on a 0–100 scale; near 100 keeps enough decimals not to round 99.95 up to 100. */
export function formatPercent(v: number): string {
  let d = 2;
  if (v < 100 && v >= 99) while (d < 5 && Number(v.toFixed(d)) >= 100) d++;
  return `${Number(v.toFixed(d)).toLocaleString("en-US", { maximumFractionDigits: d, useGrouping: false })}%`;
}

export function formatSeconds(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return "0 s";
  if (a < 1e-3) return `${num(v * 1e6)} µs`;
  if (a < 1) return `${num(v * 1e3)} ms`;
  if (a < 60) return `${num(v)} s`;
  if (a < 3600) return `${num(v / 60)} min`;
  if (a < 86400) return `${num(v / 3600)} h`;
  return `${num(v / 86400)} d`;
}

/** Binary units: 1536 → "1.5 KiB". */
export function formatBytes(v: number): string {
  if (Math.abs(v) < 1024) return `${num(v, 4)} B`;
  return scaled(v, 1024, ["B", "KiB", "MiB", "GiB", "TiB", "PiB"], " ");
}

/** Formats a value for `unit`; null/NaN/±Inf → "–". Unknown units are appended after a short number. */
export function formatValue(v: number | null | undefined, unit: ChartUnit = "short"): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  switch (unit) {
    case "short":
    case "":
      return formatShort(v);
    case "percent":
      return formatPercent(v);
    case "ratio":
      return formatPercent(v * 100);
    case "seconds":
      return formatSeconds(v);
    case "bytes":
      return formatBytes(v);
    case "reqps":
      return `${formatShort(v)} req/s`;
    default:
      return `${formatShort(v)} ${unit}`;
  }
}

type Parts = Record<string, string>;

function parts(ms: number, timeZone: string | undefined, opts: Intl.DateTimeFormatOptions): Parts {
  const out: Parts = {};
  for (const p of new Intl.DateTimeFormat("en-GB", { ...opts, hourCycle: "h23", timeZone }).formatToParts(ms)) out[p.type] = p.value;
  return out;
}

/** The zone's offset from UTC in minutes at instant `ms` (e.g. 60 for CET). */
export function zoneOffsetMinutes(ms: number, timeZone?: string): number {
  const p = parts(ms, timeZone, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

const DAY = 86_400_000;

/** Axis tick label: HH:mm:ss (span ≤ 10 min), HH:mm (span < 2 days), else "d MMM". */
export function formatTimeTick(ms: number, spanMs: number, timeZone?: string): string {
  if (spanMs >= 2 * DAY) {
    const p = parts(ms, timeZone, { day: "numeric", month: "short" });
    return `${p.day} ${p.month}`;
  }
  const withSeconds = spanMs <= 10 * 60_000;
  const p = parts(ms, timeZone, { hour: "2-digit", minute: "2-digit", second: withSeconds ? "2-digit" : undefined });
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** "Tue 12 Nov 2024, 15:00:00 CET" in `timeZone`. */
export function formatFullTimestamp(ms: number, timeZone?: string): string {
  const p = parts(ms, timeZone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const TICK_STEPS = [10_000, 30_000, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

/**
 * "Nice" x-axis ticks in [start, end]: the smallest step from TICK_STEPS giving at most `maxTicks`
 * ticks, aligned to wall-clock multiples in `timeZone` (hours on the hour, days at midnight).
 */
export function timeTicks(start: number, end: number, maxTicks = 6, timeZone?: string): number[] {
  if (!(end > start) || maxTicks < 1) return [];
  const step = TICK_STEPS.find((s) => (end - start) / s <= maxTicks) ?? Math.ceil((end - start) / maxTicks / DAY) * DAY;
  const out: number[] = [];
  const off0 = zoneOffsetMinutes(start, timeZone) * MIN;
  const first = Math.ceil((start + off0) / step) * step - off0;
  for (let t = first; t <= end && out.length <= maxTicks + 1; t += step) {
    // Keep day ticks on local midnight across DST changes.
    const adj = step >= DAY ? t - (zoneOffsetMinutes(t, timeZone) * MIN - off0) : t;
    if (adj >= start && adj <= end) out.push(adj);
  }
  return out;
}
