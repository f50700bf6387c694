/**
 * Time-based availability from Keel's own incidents: the share of the window not inside an incident
 * on the service at or above the SLO's severity. Pure. Counts are seconds, so the event-based budget
 * arithmetic (budget.ts) reads directly as minutes of allowed downtime.
 */
import type { Counts } from "./budget";
import { clip, totalMs, type Interval } from "./count-plan";

/** An incident's impact period: started → resolved (null while it is still open). */
export type Outage = { startMs: number; endMs: number | null };

/** Sorted, non-overlapping intervals covering the same time. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ ...i });
  }
  return out;
}

/** `a` minus every interval of `b` (both merged first). */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = mergeIntervals(b);
  const out: Interval[] = [];
  for (const i of mergeIntervals(a)) {
    let start = i.startMs;
    for (const c of cut) {
      if (c.endMs <= start || c.startMs >= i.endMs) continue;
      if (c.startMs > start) out.push({ startMs: start, endMs: c.startMs });
      start = Math.max(start, c.endMs);
    }
    if (start < i.endMs) out.push({ startMs: start, endMs: i.endMs });
  }
  return out;
}

/** Good and total seconds in [fromMs, toMs): total leaves out excluded periods, bad is incident time outside them. */
export function outageCounts(outages: readonly Outage[], fromMs: number, toMs: number, excluded: readonly Interval[] = []): Counts {
  const ex = mergeIntervals(clip(excluded, fromMs, toMs));
  const down = subtractIntervals(
    clip(
      outages.map((o) => ({ startMs: o.startMs, endMs: o.endMs ?? toMs })),
      fromMs,
      toMs,
    ),
    ex,
  );
  const total = Math.max(0, toMs - fromMs - totalMs(ex)) / 1000;
  const bad = totalMs(down) / 1000;
  return { good: Math.max(0, total - bad), total };
}
