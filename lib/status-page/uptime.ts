/**
 * The status page's uptime bars: one bar per UTC day for the last 90 days, per component. Pure.
 *
 * - A day's colour is the worst state any customer-facing incident on the component put it in that
 *   day (states.ts maps severities to states); its share is the part of the day inside any such
 *   incident's impact (start → mitigated, else resolved, else still going). Today counts the part of
 *   the day that has passed.
 * - Uptime over the window counts outages only: time inside a SEV1 or SEV2 impact (major or partial
 *   outage) is down; degraded performance (SEV3, SEV4) shows on the bars but is not downtime, as
 *   Keel's incident-based SLOs count "at or above SEV2".
 */
import { isWorse, stateForSeverity, type ComponentState } from "./states";

export const DAY_MS = 86_400_000;
export const UPTIME_DAYS = 90;

/** One incident's impact on one component. `endMs` null: still going. */
export type ComponentImpact = { number: number; severity: number; startMs: number; endMs: number | null };

export type DayBar = {
  /** UTC midnight that starts the day. */
  dayStartMs: number;
  state: ComponentState;
  /** Milliseconds of the day inside an impact. */
  affectedMs: number;
  /** affectedMs over the day's length (today: the part that has passed), 0..1. */
  share: number;
  /** The incidents that touched the day, by number. */
  incidents: number[];
};

/** UTC midnight at or before `ms`. */
export const utcDayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The window the bars cover: from the UTC midnight `days - 1` days before today's, until now. */
export function uptimeWindow(nowMs: number, days = UPTIME_DAYS): { fromMs: number; toMs: number } {
  return { fromMs: utcDayStart(nowMs) - (days - 1) * DAY_MS, toMs: nowMs };
}

type Interval = { startMs: number; endMs: number };

/** Milliseconds covered by the intervals inside [fromMs, toMs), overlaps counted once. */
export function coveredMs(intervals: readonly Interval[], fromMs: number, toMs: number): number {
  const parts = intervals
    .map((i) => ({ startMs: Math.max(i.startMs, fromMs), endMs: Math.min(i.endMs, toMs) }))
    .filter((i) => i.endMs > i.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let reach = -Infinity;
  for (const p of parts) {
    const from = Math.max(p.startMs, reach);
    if (p.endMs > from) total += p.endMs - from;
    reach = Math.max(reach, p.endMs);
  }
  return total;
}

const intervalOf = (i: ComponentImpact, nowMs: number): Interval => ({ startMs: i.startMs, endMs: Math.min(i.endMs ?? nowMs, nowMs) });

/** The bars, oldest day first. */
export function dayBars(impacts: readonly ComponentImpact[], nowMs: number, days = UPTIME_DAYS): DayBar[] {
  const { fromMs } = uptimeWindow(nowMs, days);
  const bars: DayBar[] = [];
  for (let d = 0; d < days; d++) {
    const start = fromMs + d * DAY_MS;
    const end = Math.min(start + DAY_MS, nowMs);
    let state: ComponentState = "operational";
    const touching: ComponentImpact[] = [];
    for (const i of impacts) {
      const iv = intervalOf(i, nowMs);
      if (iv.startMs >= end || iv.endMs <= start) continue;
      touching.push(i);
      const s = stateForSeverity(i.severity);
      if (isWorse(s, state)) state = s;
    }
    const affectedMs = coveredMs(touching.map((i) => intervalOf(i, nowMs)), start, end);
    const length = end - start;
    bars.push({ dayStartMs: start, state, affectedMs, share: length > 0 ? affectedMs / length : 0, incidents: touching.map((i) => i.number).sort((a, b) => a - b) });
  }
  return bars;
}

/** The share of the window (0..1) outside a major or partial outage (SEV1, SEV2). */
export function uptimeRatio(impacts: readonly ComponentImpact[], nowMs: number, days = UPTIME_DAYS): number {
  const { fromMs, toMs } = uptimeWindow(nowMs, days);
  if (toMs <= fromMs) return 1;
  const outages = impacts.filter((i) => i.severity <= 2).map((i) => intervalOf(i, nowMs));
  const down = coveredMs(outages, fromMs, toMs);
  return 1 - down / (toMs - fromMs);
}

/** "99.95%": two decimals, never rounded up to 100% while any downtime exists. */
export function formatUptime(ratio: number): string {
  const pct = Math.floor(ratio * 10_000) / 100;
  return `${pct.toFixed(2)}%`;
}
