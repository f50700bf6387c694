/**
 * How long the proxy may keep an answer. Pure.
 *
 * Data older than a few minutes no longer changes (samples arrive within a scrape interval or two),
 * so a window that ends well in the past may be kept long, longer for wide windows that are costly
 * to recompute. A window reaching "now" gains a point every step; it is kept for about one step.
 */
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Freshness margin: samples may still arrive for data this recent. */
export const SETTLED_AFTER_MS = 10 * MINUTE;

export function rangeTtlMs(o: { startMs: number; endMs: number; stepMs: number; nowMs: number }): number {
  const span = o.endMs - o.startMs;
  if (o.endMs < o.nowMs - SETTLED_AFTER_MS) return clamp(span / 10, MINUTE, HOUR);
  return clamp(o.stepMs, 5 * SECOND, MINUTE);
}

/** An instant query at a fixed past time is as stable as a settled range; "now" changes every scrape. */
export function instantTtlMs(o: { timeMs: number | null; nowMs: number }): number {
  if (o.timeMs !== null && o.timeMs < o.nowMs - SETTLED_AFTER_MS) return 10 * MINUTE;
  return 5 * SECOND;
}

/** Label names/values, series and metadata change slowly. */
export const METADATA_TTL_MS = MINUTE;
