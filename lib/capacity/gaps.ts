/**
 * Gaps in a regular series. Pure.
 *
 * Short gaps (a missed scrape or two) are filled by linear interpolation between their neighbours;
 * long ones stay missing, so no model silently draws a line across hours without data, and every
 * gap is reported with its extent.
 */
import type { RegularSeries } from "./types";

export type Gap = {
  /** Time of the first missing point. */
  from: number;
  /** Time of the next point with data (the gap is [from, to)). */
  to: number;
  points: number;
  /** Filled by interpolation (short) or left missing (long). */
  filled: boolean;
};

/** Runs of missing points between points with data (a series never starts or ends with one here). */
export function findGaps(s: RegularSeries): Gap[] {
  const gaps: Gap[] = [];
  const v = s.values;
  let i = 0;
  while (i < v.length) {
    if (!Number.isNaN(v[i])) {
      i++;
      continue;
    }
    const first = i;
    while (i < v.length && Number.isNaN(v[i])) i++;
    gaps.push({ from: s.start + first * s.stepMs, to: s.start + i * s.stepMs, points: i - first, filled: false });
  }
  return gaps;
}

/** A copy with gaps of at most `maxFillMs` interpolated; all gaps listed, the filled ones marked. */
export function fillShortGaps(s: RegularSeries, maxFillMs: number): { series: RegularSeries; gaps: Gap[] } {
  const values = Float64Array.from(s.values);
  const maxPoints = Math.floor(maxFillMs / s.stepMs);
  const gaps = findGaps(s).map((g) => {
    const first = (g.from - s.start) / s.stepMs;
    const before = first - 1;
    const after = first + g.points;
    if (g.points > maxPoints || before < 0 || after >= values.length) return g;
    const a = values[before];
    const b = values[after];
    for (let k = 1; k <= g.points; k++) values[before + k] = a + ((b - a) * k) / (g.points + 1);
    return { ...g, filled: true };
  });
  return { series: { ...s, values }, gaps };
}
