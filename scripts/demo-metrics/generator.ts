import type { ColumnarFamily } from "@/scripts/prometheus/openmetrics";
import { demoLayout } from "./catalogue";
import { createDemoModel, type DemoModel } from "./model";

/**
 * Demo metric history for the 12 seeded services: deterministic (seeded, no Math.random), computed
 * minute by minute from ./model.ts and sampled at 1-minute resolution over the last `fineDays` and at
 * `coarseStepMinutes` before. Counters are running sums from 0 at the start of the history; the
 * `CounterState` at its end lets the live exporter carry on without a reset or a jump.
 *
 * What is in it: ./catalogue.ts (metric names and labels, incident windows).
 */

export * from "./catalogue";
export { createDemoModel, type DemoModel } from "./model";

export const DEMO_SEED = 1729;
/** 35 days: enough for 28-day SLO windows plus a week to look back on. */
export const DEMO_DAYS = 35;
/**
 * Days sampled every minute (the rest every DEMO_COARSE_STEP_MINUTES). All 35 days at 1 minute is
 * 166 series × 50 401 samples = 8.4 M samples, 700 MB of OpenMetrics (streamed to disk in parts),
 * generated and backfilled in 12–18 s on a quiet 2-core machine (scripts/demo-metrics/backfill.ts).
 * 3 days at 1 minute and 5 minutes before would be 2.2 M samples and ~3–5 s, but then `rate(x[5m])`
 * (which needs 2 samples in its window) finds nothing in older history, e.g. around the incidents.
 */
export const DEMO_FINE_DAYS = 35;
export const DEMO_COARSE_STEP_MINUTES = 5;

/** Divisor from a counter slot's internal value to what is exported (histogram _sum: ms → s). */
export const counterDivisor: Float64Array = (() => {
  const divisor = new Float64Array(demoLayout.counterCount).fill(1);
  for (const f of demoLayout.families) {
    for (const m of f.metrics) for (const s of m.samples) if (s.suffix === "_sum") divisor[s.slot.index] = 1000;
  }
  return divisor;
})();

/** Every counter slot's running total at a tick (internal units), advanced minute by minute. */
export class CounterState {
  readonly values: Float64Array;
  private readonly inc = new Float64Array(demoLayout.counterCount);

  constructor(
    readonly model: DemoModel,
    public tick: number,
    values?: Float64Array,
  ) {
    this.values = values ?? new Float64Array(demoLayout.counterCount);
  }

  /** Adds the minutes (tick, target]; never goes back. */
  advanceTo(target: number): void {
    for (let k = this.tick + 1; k <= target; k++) {
      this.model.minute(k, this.inc);
      for (let i = 0; i < this.values.length; i++) this.values[i] += this.inc[i];
    }
    this.tick = Math.max(this.tick, target);
  }

  clone(): CounterState {
    return new CounterState(this.model, this.tick, Float64Array.from(this.values));
  }
}

export interface DemoValues {
  /** Exported units (seconds for _sum). */
  counters: Float64Array;
  gauges: Float64Array;
}

/**
 * Values at any instant t ≥ state.tick·60 (seconds, may be fractional): counters interpolated
 * linearly through the current minute (so they rise smoothly between the minute samples of the
 * history and equal them at whole minutes), gauges as read at the last whole minute. Advances `state`.
 */
export function valuesAt(state: CounterState, t: number): DemoValues {
  const tick = Math.floor(t / 60);
  if (tick < state.tick) throw new Error(`valuesAt: ${t} is before the counters' minute ${state.tick}`);
  state.advanceTo(tick);
  const next = new Float64Array(demoLayout.counterCount);
  state.model.minute(tick + 1, next);
  const frac = t / 60 - tick;
  const counters = new Float64Array(demoLayout.counterCount);
  for (let i = 0; i < counters.length; i++) counters[i] = (state.values[i] + frac * next[i]) / counterDivisor[i];
  const gauges = new Float64Array(demoLayout.gaugeCount);
  state.model.gauges(tick, gauges);
  return { counters, gauges };
}

export interface DemoHistoryOptions {
  /** Unix seconds; floored to the minute. The last sample. */
  end: number;
  /** Unix seconds, a whole minute: where incidents are placed from. Default `end` (floored). */
  anchor?: number;
  /** Default DEMO_DAYS. */
  days?: number;
  /** Days (before `end`) sampled every minute; default DEMO_FINE_DAYS, capped at `days`. */
  fineDays?: number;
  /** Default DEMO_COARSE_STEP_MINUTES. */
  coarseStepMinutes?: number;
  /** Default DEMO_SEED. */
  seed?: number;
}

export interface DemoHistory {
  model: DemoModel;
  /** Unix seconds of the first and last sample. */
  start: number;
  end: number;
  /** Sample times, unix seconds, increasing. */
  timestamps: Float64Array;
  /** Per counter slot, per sample (exported units). */
  counters: Float64Array[];
  /** Per gauge, per sample. */
  gauges: Float64Array[];
  /** The counters at `end`, to continue from. */
  state: CounterState;
}

/** The minutes sampled: every `step` before the fine part (aligned on `end`), then every minute. */
function sampleTicks(startTick: number, endTick: number, fineStartTick: number, step: number): Float64Array {
  const ticks: number[] = [];
  for (let k = startTick; k <= endTick; k++) {
    if (k >= fineStartTick || (endTick - k) % step === 0) ticks.push(k);
  }
  return Float64Array.from(ticks);
}

export function generateDemoHistory(opts: DemoHistoryOptions): DemoHistory {
  const days = opts.days ?? DEMO_DAYS;
  const fineDays = Math.min(days, opts.fineDays ?? DEMO_FINE_DAYS);
  const step = opts.coarseStepMinutes ?? DEMO_COARSE_STEP_MINUTES;
  if (!(days > 0) || !(fineDays >= 0) || !Number.isInteger(step) || step < 1) throw new Error("generateDemoHistory: bad options");
  const endTick = Math.floor(opts.end / 60);
  const startTick = endTick - Math.round(days * 1440);
  const model = createDemoModel({ seed: opts.seed ?? DEMO_SEED, anchor: opts.anchor ?? endTick * 60 });

  const ticks = sampleTicks(startTick, endTick, endTick - Math.round(fineDays * 1440), step);
  const counters = Array.from({ length: demoLayout.counterCount }, () => new Float64Array(ticks.length));
  const gauges = Array.from({ length: demoLayout.gaugeCount }, () => new Float64Array(ticks.length));
  const state = new CounterState(model, startTick);
  const g = new Float64Array(demoLayout.gaugeCount);
  for (let i = 0; i < ticks.length; i++) {
    state.advanceTo(ticks[i]);
    for (let c = 0; c < counters.length; c++) counters[c][i] = state.values[c] / counterDivisor[c];
    model.gauges(ticks[i], g);
    for (let j = 0; j < gauges.length; j++) gauges[j][i] = g[j];
  }
  const timestamps = ticks.map((k) => k * 60);
  return { model, start: startTick * 60, end: endTick * 60, timestamps, counters, gauges, state };
}

/** The history (samples [from, to), default all) as OpenMetrics families, for `writeOpenMetricsFile`. */
export function historyFamilies(h: DemoHistory, from = 0, to = h.timestamps.length): ColumnarFamily[] {
  return demoLayout.families.map((f) => ({
    name: f.name,
    type: f.type,
    help: f.help,
    timestamps: h.timestamps.subarray(from, to),
    metrics: f.metrics.map((m) => ({
      labels: m.labels,
      samples: m.samples.map((s) => ({
        suffix: s.suffix,
        extraLabels: s.extraLabels,
        values: (s.slot.kind === "counter" ? h.counters[s.slot.index] : h.gauges[s.slot.index]).subarray(from, to),
      })),
    })),
  }));
}
