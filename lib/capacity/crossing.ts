/**
 * When a forecast reaches a level. Pure.
 *
 * The median's first crossing is the expected date; the upper bands cross first (the pessimistic
 * date: usage grows faster than expected) and the lower bands last (the optimistic one). A band
 * that stays below the level within the horizon gives null: not within the horizon. Crossings are
 * interpolated linearly between forecast points, and never earlier than `now`.
 */
export type ForecastPoint = { t: number; median: number; lower80: number; upper80: number; lower95: number; upper95: number };

export type Crossing = {
  /** The level in the usage's unit. */
  level: number;
  /** Usage is at or above the level now (every date below is then `now`). */
  reachedNow: boolean;
  median: number | null;
  /** Upper 80 % / 95 % band reaches the level: the pessimistic dates. */
  earliest80: number | null;
  earliest95: number | null;
  /** Lower 80 % / 95 % band reaches the level: the optimistic dates. */
  latest80: number | null;
  latest95: number | null;
};

/** The first time the values reach `level` (interpolated), or null. */
export function firstCrossing(points: readonly ForecastPoint[], value: (p: ForecastPoint) => number, level: number): number | null {
  for (let i = 0; i < points.length; i++) {
    const v = value(points[i]);
    if (v < level) continue;
    if (i === 0) return points[0].t;
    const prev = points[i - 1];
    const v0 = value(prev);
    return prev.t + ((level - v0) / (v - v0)) * (points[i].t - prev.t);
  }
  return null;
}

export function crossing(points: readonly ForecastPoint[], level: number, usageNow: number, now: number): Crossing {
  if (usageNow >= level) return { level, reachedNow: true, median: now, earliest80: now, earliest95: now, latest80: now, latest95: now };
  const at = (f: (p: ForecastPoint) => number) => {
    const t = firstCrossing(points, f, level);
    return t === null ? null : Math.max(now, t);
  };
  return {
    level,
    reachedNow: false,
    median: at((p) => p.median),
    earliest80: at((p) => p.upper80),
    earliest95: at((p) => p.upper95),
    latest80: at((p) => p.lower80),
    latest95: at((p) => p.lower95),
  };
}
