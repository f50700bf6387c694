/**
 * The dashboard time range kept in the URL: `range=1h|6h|24h|7d|30d|90d` (relative, "last N") or
 * `from=<ISO>&to=<ISO>` (absolute). Pure: no React, no I/O; `now` is always an argument.
 */

export const RANGE_PRESETS = ["1h", "6h", "24h", "7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type TimeRange = { kind: "preset"; preset: RangePreset } | { kind: "custom"; from: number; to: number }; // ms

export type ResolvedTimeRange = { start: number; end: number; relative: boolean }; // ms

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PRESET_MS: Record<RangePreset, number> = {
  "1h": HOUR,
  "6h": 6 * HOUR,
  "24h": DAY,
  "7d": 7 * DAY,
  "30d": 30 * DAY,
  "90d": 90 * DAY,
};

export const PRESET_LABELS: Record<RangePreset, string> = {
  "1h": "Last 1 hour",
  "6h": "Last 6 hours",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

export const DEFAULT_RANGE: TimeRange = { kind: "preset", preset: "24h" };
/** Shortest and longest custom range accepted. */
export const MIN_CUSTOM_SPAN_MS = MINUTE;
export const MAX_CUSTOM_SPAN_MS = 400 * DAY;
/** Earliest accepted bound (2000-01-01T00:00:00Z); anything earlier is a typo, not a query. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);

/** URLSearchParams, ReadonlyURLSearchParams, or a Next.js `searchParams` object. */
export type ParamsLike = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(params: ParamsLike, name: string): string | undefined {
  if (typeof (params as { get?: unknown }).get === "function") {
    return (params as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const v = (params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

export function isRangePreset(v: unknown): v is RangePreset {
  return typeof v === "string" && (RANGE_PRESETS as readonly string[]).includes(v);
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with an explicit zone; null when it is not one. */
export function parseIsoInstant(s: string | undefined): number | null {
  if (!s || !ISO_RE.test(s)) return null;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : null;
}

/** Why a custom range is unacceptable, or null when it is fine. */
export function validateCustomRange(from: number, to: number): string | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return "Enter both a start and an end time.";
  if (from >= to) return "The start must be before the end.";
  if (from < EARLIEST_MS) return "The start is too far in the past.";
  if (to - from < MIN_CUSTOM_SPAN_MS) return "The range must be at least 1 minute long.";
  if (to - from > MAX_CUSTOM_SPAN_MS) return "The range can be at most 400 days long.";
  return null;
}

/**
 * Reads the range from URL params. A valid `range` preset wins; otherwise a valid `from`/`to` pair;
 * anything else (missing, malformed, reversed, absurd) gives DEFAULT_RANGE. Never throws.
 */
export function parseTimeRange(params: ParamsLike | null | undefined): TimeRange {
  if (!params) return DEFAULT_RANGE;
  try {
    const preset = read(params, "range");
    if (isRangePreset(preset)) return { kind: "preset", preset };
    const from = parseIsoInstant(read(params, "from"));
    const to = parseIsoInstant(read(params, "to"));
    if (from !== null && to !== null && validateCustomRange(from, to) === null) return { kind: "custom", from, to };
  } catch {
    // fall through to the default
  }
  return DEFAULT_RANGE;
}

/** ISO string without the `.000` when the milliseconds are zero. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** The URL params that represent `range` (exactly `range`, or exactly `from` + `to`). */
export function serializeTimeRange(range: TimeRange): Record<string, string> {
  return range.kind === "preset" ? { range: range.preset } : { from: toIso(range.from), to: toIso(range.to) };
}

/** Writes `range` into `params` (mutates and returns it), removing the other representation. */
export function applyTimeRange(params: URLSearchParams, range: TimeRange): URLSearchParams {
  for (const k of ["range", "from", "to"]) params.delete(k);
  for (const [k, v] of Object.entries(serializeTimeRange(range))) params.set(k, v);
  return params;
}

export function resolveTimeRange(range: TimeRange, now: number): ResolvedTimeRange {
  if (range.kind === "preset") return { start: now - PRESET_MS[range.preset], end: now, relative: true };
  return { start: range.from, end: range.to, relative: false };
}

export function isRelative(range: TimeRange): boolean {
  return range.kind === "preset";
}

/** A stable string for cache keys: the preset ("24h") or "custom:<from>-<to>". */
export function timeRangeKey(range: TimeRange): string {
  return range.kind === "preset" ? range.preset : `custom:${range.from}-${range.to}`;
}

export function sameTimeRange(a: TimeRange, b: TimeRange): boolean {
  return timeRangeKey(a) === timeRangeKey(b);
}

/** How often a relative range should refresh (ms); false for absolute ranges. */
export function refetchIntervalFor(range: TimeRange): number | false {
  if (range.kind !== "preset") return false;
  const span = PRESET_MS[range.preset];
  if (span <= HOUR) return 30_000;
  if (span <= DAY) return 60_000;
  return 5 * MINUTE;
}

function shortDateTime(ms: number, timeZone: string | undefined, withYear: boolean): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: withYear ? "numeric" : undefined,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(ms);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
  return `${p("day")} ${p("month")}${withYear ? ` ${p("year")}` : ""} ${p("hour")}:${p("minute")}`;
}

/**
 * "Last 24 hours", or "12 Nov 14:00 – 13 Nov 09:30" in `timeZone` (default: the runtime's zone).
 * Years are shown when the bounds fall in different years.
 */
export function timeRangeLabel(range: TimeRange, opts: { timeZone?: string } = {}): string {
  if (range.kind === "preset") return PRESET_LABELS[range.preset];
  const year = (ms: number) => new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: opts.timeZone }).format(ms);
  const withYear = year(range.from) !== year(range.to);
  return `${shortDateTime(range.from, opts.timeZone, withYear)} – ${shortDateTime(range.to, opts.timeZone, withYear)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DDTHH:mm` in the runtime's local zone, the value format of `<input type="datetime-local">`. */
export function toDatetimeLocalValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Parses a datetime-local value as local time; null when empty or malformed. */
export function fromDatetimeLocalValue(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Reject rollovers such as 2024-02-31.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}
