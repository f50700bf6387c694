/**
 * From raw samples to the history a model may be fitted on. Pure.
 *
 * 1. Drop what cannot be usage (NaN/Inf, negative, after `now`, before the lookback) and count it.
 * 2. Regularise to the resolution (bucket means).
 * 3. Fill gaps up to `maxFillMs` by interpolation; longer gaps stay missing and are listed.
 * 4. Find resets and lasting drops; keep only the segment after the last one.
 */
import { fillShortGaps, type Gap } from "./gaps";
import { cleanSamples, regularise, type DroppedSamples } from "./regularise";
import { findLevelDrops, type LevelDrop } from "./resets";
import { DAY_MS, HOUR_MS, WEEK_MS, type RegularSeries, type Sample } from "./types";

export type PrepareOptions = { now: number; resolutionMs: number; lookbackMs: number; maxFillMs?: number };

export type Preparation = {
  resolutionMs: number;
  /** The segment the models see: after the last drop, short gaps filled, long ones NaN. */
  series: RegularSeries;
  /** Times of the segment's first and last points (both have data); null without data. */
  fittedFrom: number | null;
  fittedTo: number | null;
  /** Points with data in the segment. */
  points: number;
  /** Gaps inside the segment. */
  gaps: Gap[];
  /** Every drop found in the lookback window; the segment starts at the last one. */
  drops: LevelDrop[];
  dropped: DroppedSamples;
  /** The newest valid sample. */
  last: Sample | null;
};

export function prepare(samples: readonly Sample[], o: PrepareOptions): Preparation {
  const { samples: clean, dropped } = cleanSamples(samples, { now: o.now, from: o.now - o.lookbackMs });
  const regular = regularise(clean, o.resolutionMs);
  const { series: filled, gaps } = fillShortGaps(regular, o.maxFillMs ?? Math.max(HOUR_MS, 2 * o.resolutionMs));
  const drops = findLevelDrops(filled, {
    windowPoints: Math.max(3, Math.round(HOUR_MS / o.resolutionMs)),
    persistPoints: Math.max(3, Math.round(DAY_MS / o.resolutionMs)),
    seasonPoints: [Math.round(DAY_MS / o.resolutionMs), Math.round(WEEK_MS / o.resolutionMs)],
  });
  const cut = drops.length ? (drops[drops.length - 1].at - filled.start) / filled.stepMs : 0;
  const series: RegularSeries = { start: filled.start + cut * filled.stepMs, stepMs: filled.stepMs, values: filled.values.subarray(cut) };
  let points = 0;
  for (const v of series.values) if (!Number.isNaN(v)) points++;
  const n = series.values.length;
  return {
    resolutionMs: o.resolutionMs,
    series,
    fittedFrom: n ? series.start : null,
    fittedTo: n ? series.start + (n - 1) * series.stepMs : null,
    points,
    gaps: gaps.filter((g) => g.from >= series.start),
    drops,
    dropped,
    last: clean.length ? clean[clean.length - 1] : null,
  };
}
