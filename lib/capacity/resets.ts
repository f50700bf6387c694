/**
 * Resets and level shifts. Pure.
 *
 * A usage series that drops abruptly and stays lower is no longer the same history: a counter that
 * restarted (a drop to about zero, then growth), a disk cleaned up or migrated (usage lower by a
 * large fraction at once). Fitting a trend across such a drop would bend it, so the forecast fits
 * only the segment after the last one and says so. Daily troughs are not drops: a drop must happen
 * in one or two steps (not over hours), be far larger than the series' step-to-step noise, and the
 * median level around it must move by at least `minDropRatio`; a partial drop must also last (the
 * level is still lower a day later), so an outage that recovers is not taken for a new level.
 *
 * A limit given as a series (e.g. `node_filesystem_size_bytes`) changes when a disk is resized: each
 * change is reported and the latest limit is the one that counts.
 */
import { median, robustSd } from "./robust-stats";
import type { RegularSeries, Sample } from "./types";

export type LevelDrop = {
  /** Time of the first point at the new level. */
  at: number;
  /** Median level in the window before and after. */
  before: number;
  after: number;
  /** "reset": down to about zero (a restarted counter); "drop": down by a large fraction and staying there. */
  kind: "reset" | "drop";
};

export type DropOptions = {
  /** Points in the windows compared at each candidate (about an hour). */
  windowPoints: number;
  /** Points over which a partial drop must persist (about a day). */
  persistPoints: number;
  /**
   * Season lengths in points (a day, a week): a drop must also be a drop against the same time one
   * season earlier, so Sunday-morning lows and nightly troughs are not taken for resets.
   */
  seasonPoints?: readonly number[];
  /** The level must fall by at least this share (0.3 = 30 %). */
  minDropRatio?: number;
  /** After a reset the level is at most this share of the level before. */
  resetRatio?: number;
  /** The fall must exceed this many robust standard deviations of the step-to-step changes. */
  noiseFactor?: number;
};

/** Median of the points with data in [from, to) (clipped to the series); NaN when none. */
function windowMedian(v: Float64Array, from: number, to: number): number {
  const w: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(v.length, to); i++) if (!Number.isNaN(v[i])) w.push(v[i]);
  return w.length ? median(w) : NaN;
}

/** Abrupt, lasting drops of the level, oldest first. */
export function findLevelDrops(s: RegularSeries, o: DropOptions): LevelDrop[] {
  const minDrop = o.minDropRatio ?? 0.3;
  const resetRatio = o.resetRatio ?? 0.05;
  const noiseFactor = o.noiseFactor ?? 6;
  const k = Math.max(2, o.windowPoints);
  const v = s.values;
  const n = v.length;
  if (n < 2 * k) return [];
  const diffs: number[] = [];
  for (let i = 1; i < n; i++) if (!Number.isNaN(v[i]) && !Number.isNaN(v[i - 1])) diffs.push(v[i] - v[i - 1]);
  const noise = diffs.length ? robustSd(diffs) : 0;

  type Candidate = LevelDrop & { p: number; step: number };
  const candidateAt = (p: number): Candidate | null => {
    if (Number.isNaN(v[p])) return null;
    // The fall may take two steps (a scrape in the middle of a restart): measure from p − 2 when it helps.
    let step = 0;
    for (const q of [p - 1, p - 2]) if (q >= 0 && !Number.isNaN(v[q])) step = Math.max(step, v[q] - v[p]);
    // Cheap filter first: the fall must beat the noise and the step must be half the fall.
    if (!(step > 0) || step < 0.5 * noiseFactor * noise) return null;
    const before = windowMedian(v, p - k, p);
    if (!(before > 0) || v[p] > (1 - minDrop) * before) return null;
    const after = windowMedian(v, p, p + k);
    const fall = before - after;
    if (!(after <= (1 - minDrop) * before) || fall < noiseFactor * noise || step < 0.5 * fall) return null;
    // Lower than the same hours a season ago too, wherever that is known.
    for (const m of o.seasonPoints ?? []) {
      const then = windowMedian(v, p - m, p - m + k);
      if (!Number.isNaN(then) && after > (1 - minDrop) * then) return null;
    }
    const kind = after <= resetRatio * before ? "reset" : "drop";
    if (kind === "drop") {
      // Lasting: lower over the day after, and still lower at its end (an outage that recovers is no new level).
      const longBefore = windowMedian(v, p - o.persistPoints, p);
      const end = Math.min(n, p + o.persistPoints);
      const ceiling = (1 - minDrop / 2) * longBefore;
      if (windowMedian(v, p, end) > ceiling || windowMedian(v, end - k, end) > ceiling) return null;
    }
    // Ranked by the single step into p, so the first point at the new level wins over its neighbour.
    const single = p >= 1 && !Number.isNaN(v[p - 1]) ? v[p - 1] - v[p] : 0;
    return { p, step: single, at: s.start + p * s.stepMs, before, after, kind };
  };

  const drops: LevelDrop[] = [];
  let p = k;
  while (p <= n - k) {
    const c = candidateAt(p);
    if (!c) {
      p++;
      continue;
    }
    // Neighbouring points may qualify too: keep the steepest step among them.
    let best = c;
    for (let q = p + 1; q < Math.min(n - k + 1, p + k); q++) {
      const d = candidateAt(q);
      if (d && d.step > best.step) best = d;
    }
    drops.push({ at: best.at, before: best.before, after: best.after, kind: best.kind });
    p = best.p + k;
  }
  return drops;
}

export type LimitChange = { at: number; from: number; to: number };

/** Changes of a limit series (sorted, valid samples) by more than `relTolerance` of its value. */
export function limitChanges(sorted: readonly Sample[], relTolerance = 0.005): LimitChange[] {
  const changes: LimitChange[] = [];
  let current: number | undefined;
  for (const s of sorted) {
    if (current === undefined) current = s.v;
    else if (Math.abs(s.v - current) > relTolerance * Math.abs(current)) {
      changes.push({ at: s.t, from: current, to: s.v });
      current = s.v;
    }
  }
  return changes;
}
