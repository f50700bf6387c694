/** Shared shapes of the capacity forecasting core. Pure data, no behaviour. */

/** One observation: `t` in ms since the epoch (UTC), `v` the value. */
export type Sample = { t: number; v: number };

/**
 * Values on a regular grid: `values[i]` belongs to `start + i × stepMs`. `NaN` marks a missing
 * point (a gap that was not filled).
 */
export type RegularSeries = { start: number; stepMs: number; values: Float64Array };

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** A month for growth figures: 30 days. */
export const MONTH_MS = 30 * DAY_MS;

/** The time of point `i`. */
export const timeAt = (s: RegularSeries, i: number) => s.start + i * s.stepMs;
