/**
 * Budget burn-down over a period: the share of the error budget left at each step since the period
 * began, and the ideal line that spends it evenly to zero at the period's end. Pure.
 *
 * Input is one (bad, total) event count per step, in order. The budget at time t is measured
 * against the events so far, as the SLO itself is: remaining(t) = 1 − bad(≤t) / ((1 − target) × total(≤t)).
 */
export type StepCounts = { t: number; bad: number; total: number };
export type BurnPoint = { t: number; remaining: number | null };

export function burnDown(steps: readonly StepCounts[], target: number): BurnPoint[] {
  let bad = 0;
  let total = 0;
  return steps.map((s) => {
    bad += Math.max(0, s.bad);
    total += Math.max(0, s.total);
    return { t: s.t, remaining: total > 0 ? 1 - bad / ((1 - target) * total) : null };
  });
}

/** The even spend: 1 at the period's start, 0 at its end, sampled at the given times. */
export function idealLine(times: readonly number[], startMs: number, endMs: number): BurnPoint[] {
  const span = endMs - startMs;
  return times.map((t) => ({ t, remaining: span > 0 ? Math.max(0, 1 - (t - startMs) / span) : null }));
}
