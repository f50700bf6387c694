/**
 * The PromQL that counts an SLO's events (or timeslices) over its window, leaving out excluded
 * periods (maintenance windows, budget corrections), and how the answers add up. Pure.
 *
 * Counts over the window minus the counts inside each excluded period, each period read as it was
 * at its own end with PromQL's `@` modifier, so the whole plan runs as one batch at one instant.
 */
import type { Counts } from "./budget";
import { sliQueries, type Budgeting, type LatencySli, type RatioSli } from "./definition";
import { rangeText } from "./range-text";
import type { ResolvedWindow } from "./window";

export type Interval = { startMs: number; endMs: number };
/** One query of the plan: its answer × weight is added to bad, good or total events. */
export type PlannedQuery = { query: string; role: "bad" | "good" | "total"; weight: number };

/** The excluded periods inside [fromMs, toMs), clipped to it. */
export function clip(intervals: readonly Interval[], fromMs: number, toMs: number): Interval[] {
  return intervals
    .map((i) => ({ startMs: Math.max(i.startMs, fromMs), endMs: Math.min(i.endMs, toMs) }))
    .filter((i) => i.endMs - i.startMs >= 1000);
}

export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0);
}

function span(sli: RatioSli | LatencySli, budgeting: Budgeting, rangeMs: number, sign: 1 | -1, atSec?: number): PlannedQuery[] {
  if (budgeting.method === "timeslices") {
    const slice = `${budgeting.sliceMinutes}m`;
    const q = sliQueries(sli, slice);
    const at = atSec === undefined ? "" : ` @ ${Math.round(atSec)}`;
    const range = `${rangeText(rangeMs)}:${slice}`;
    return [
      { query: `sum_over_time(((1 - (${q.errors}) / (${q.total})) >= bool ${budgeting.sliceTarget})[${range}]${at})`, role: "good", weight: sign },
      { query: `count_over_time((${q.total} > 0)[${range}]${at})`, role: "total", weight: sign },
    ];
  }
  const seconds = Math.floor(rangeMs / 1000);
  const q = sliQueries(sli, rangeText(rangeMs), atSec);
  return [
    { query: q.errors, role: "bad", weight: sign * seconds },
    { query: q.total, role: "total", weight: sign * seconds },
  ];
}

/** Queries to evaluate at `nowMs` for the window's counts without the excluded periods. */
export function countPlan(sli: RatioSli | LatencySli, budgeting: Budgeting, w: ResolvedWindow, nowMs: number, excluded: readonly Interval[] = []): PlannedQuery[] {
  const plan = span(sli, budgeting, w.elapsedMs, 1);
  for (const i of clip(excluded, nowMs - w.elapsedMs, nowMs)) plan.push(...span(sli, budgeting, i.endMs - i.startMs, -1, i.endMs / 1000));
  return plan;
}

/** The plan's answers added up; a query with no series counts as zero events. */
export function combineCounts(plan: readonly PlannedQuery[], values: readonly (number | null)[]): Counts {
  const sum = { bad: 0, good: 0, total: 0 };
  plan.forEach((p, i) => (sum[p.role] += (values[i] ?? 0) * p.weight));
  const total = Math.max(0, sum.total);
  const hasGood = plan.some((p) => p.role === "good");
  const good = hasGood ? sum.good : total - sum.bad;
  return { good: Math.min(total, Math.max(0, good)), total };
}
