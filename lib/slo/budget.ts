/**
 * Error budgets. Pure: plain numbers in, plain numbers out.
 *
 * Event-weighted throughout: good and total events are summed over the window first and the SLI is
 * their ratio, never an average of per-interval ratios (which over-weights quiet hours). A window
 * with no events has no SLI ("no data"), never NaN, and consumes nothing.
 */

/** Below this many events in the window, one bad event moves the SLI visibly: flag it. */
export const LOW_TRAFFIC_EVENTS = 1_000;

export type Counts = { good: number; total: number };

export type Budget = {
  /** good / total, or null when there were no events. */
  sli: number | null;
  noData: boolean;
  lowTraffic: boolean;
  /** Events the objective allows to be bad in this window: (1 − target) × total. */
  allowedBadEvents: number;
  badEvents: number;
  remainingBadEvents: number;
  /** Share of the budget used: bad / allowed; over 1 when overspent. 0 with no data. */
  consumed: number;
  /** 1 − consumed; negative when overspent. */
  remaining: number;
  /** The budget as time: (1 − target) × window length. */
  allowedDowntimeMs: number;
  /** The part of that time used, at the same share as the events. */
  consumedDowntimeMs: number;
};

export function validTarget(target: number): boolean {
  return Number.isFinite(target) && target > 0 && target < 1;
}

function assertCounts(c: Counts) {
  if (!(c.good >= 0 && c.total >= 0) || !Number.isFinite(c.good) || !Number.isFinite(c.total)) {
    throw new RangeError(`Event counts must be finite and non-negative (good ${c.good}, total ${c.total}).`);
  }
}

/** The SLI of summed counts. Good is capped at total (counter resets and scrape skew can overshoot). */
export function sliOf(c: Counts): number | null {
  assertCounts(c);
  if (c.total === 0) return null;
  return Math.min(c.good, c.total) / c.total;
}

export function errorBudget(target: number, windowMs: number, c: Counts): Budget {
  if (!validTarget(target)) throw new RangeError(`The target must be between 0 and 1 (exclusive), not ${target}.`);
  assertCounts(c);
  const sli = sliOf(c);
  const allowedDowntimeMs = (1 - target) * windowMs;
  if (sli === null) {
    return {
      sli: null,
      noData: true,
      lowTraffic: false,
      allowedBadEvents: 0,
      badEvents: 0,
      remainingBadEvents: 0,
      consumed: 0,
      remaining: 1,
      allowedDowntimeMs,
      consumedDowntimeMs: 0,
    };
  }
  const total = c.total;
  const badEvents = total - Math.min(c.good, total);
  const allowedBadEvents = (1 - target) * total;
  const consumed = badEvents / allowedBadEvents;
  return {
    sli,
    noData: false,
    lowTraffic: total < LOW_TRAFFIC_EVENTS,
    allowedBadEvents,
    badEvents,
    remainingBadEvents: allowedBadEvents - badEvents,
    consumed,
    remaining: 1 - consumed,
    allowedDowntimeMs,
    consumedDowntimeMs: consumed * allowedDowntimeMs,
  };
}

/** Allowed downtime per day for a target: 99.9 % → 86.4 s (1.44 min). */
export function dailyDowntimeMs(target: number): number {
  return (1 - target) * 86_400_000;
}

/**
 * Timeslice budgeting: the SLI is the share of good slices (e.g. 1-minute slices whose own ratio met
 * the slice threshold) among the slices that had data. Slices without data do not count either way.
 */
export function timesliceCounts(slices: ReadonlyArray<Counts | null>, sliceTarget: number): Counts {
  let good = 0;
  let total = 0;
  for (const s of slices) {
    if (!s || s.total === 0) continue;
    total++;
    if (Math.min(s.good, s.total) / s.total >= sliceTarget) good++;
  }
  return { good, total };
}
