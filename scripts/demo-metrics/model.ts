import {
  demoCapacityEvents,
  demoIncidentWindows,
  demoLayout,
  LATENCY_BUCKETS,
  NOT_FOUND_RATIO,
  SERVICE_PROFILES,
  windowTimes,
  type DemoIncidentWindow,
} from "./catalogue";

/**
 * The demo's world, one minute at a time. Time is counted in ticks: tick k is the instant k·60 s
 * (unix). `minute(k)` is what happened during the minute (k−1, k]; `gauges(k)` what gauges read at
 * k. Both are pure functions of (seed, anchor, k): randomness comes from hashing those, never from
 * Math.random, so any minute can be computed on its own, in any order, by the backfill or the live
 * exporter, and always gives the same numbers.
 */

export interface DemoModel {
  seed: number;
  /** Unix seconds, a multiple of 60: incidents are placed relative to it (the demo's start). */
  anchor: number;
  /** Increments of every counter slot during (k−1, k], written into `out` (length counterCount). */
  minute(tick: number, out: Float64Array): void;
  /** Every gauge at tick k, written into `out` (length gaugeCount). */
  gauges(tick: number, out: Float64Array): void;
}

const TAU = 2 * Math.PI;
const GiB = 1024 ** 3;

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) determined by (seed, stream, tick): a counter-based PRNG. */
export function uniform(seed: number, stream: number, tick: number): number {
  return mix32(mix32(mix32(seed >>> 0) ^ stream) ^ (tick >>> 0)) / 4294967296;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** 1 + amplitude·cos(2π(h − 15)/24): peak at 15:00 UTC, trough at 03:00 UTC. */
export function dailyFactor(tick: number, amplitude: number): number {
  const hour = (tick % 1440) / 60;
  return 1 + amplitude * Math.cos((TAU * (hour - 15)) / 24);
}

/** 1970-01-01 was a Thursday. */
export function isWeekend(tick: number): boolean {
  const dow = (Math.floor(tick / 1440) + 4) % 7;
  return dow === 0 || dow === 6;
}

interface TickWindow {
  w: DemoIncidentWindow;
  /** Minutes (startTick, endTick] are inside the window. */
  startTick: number;
  endTick: number;
}

/** How far into the window minute (k−1, k] is: 0 outside; 1 inside a burst; 0…1 along a ramp, 1 after it. */
function windowWeight(tw: TickWindow, tick: number): number {
  if (tick <= tw.startTick) return 0;
  if (tw.w.shape === "ramp") return Math.min(1, (tick - tw.startTick) / (tw.endTick - tw.startTick));
  return tick <= tw.endTick ? 1 : 0;
}

export function createDemoModel(opts: { seed: number; anchor: number }): DemoModel {
  const { seed } = opts;
  if (opts.anchor % 60 !== 0) throw new Error("createDemoModel: anchor must be a whole minute");
  const anchorTick = opts.anchor / 60;
  const windows = demoIncidentWindows.map((w): TickWindow => {
    const { start, end } = windowTimes(w, opts.anchor);
    return { w, startTick: start / 60, endTick: end / 60 };
  });
  const services = SERVICE_PROFILES.map((p, si) => ({
    p,
    windows: windows.filter((tw) => tw.w.service === p.service),
    phase1: TAU * uniform(seed, 10_000 + si, 1),
    phase2: TAU * uniform(seed, 10_000 + si, 2),
    slot200: demoLayout.requestSlot(p.service, "200"),
    histSlot: demoLayout.histogramSlot(p.service),
  }));
  const lnBuckets = LATENCY_BUCKETS.slice(0, -1).map((le) => Math.log(Number(le)));
  const queueWindows = windows.filter((tw) => tw.w.queuePeak);
  const resizeTick = windowTimes(demoCapacityEvents[0], opts.anchor).start / 60;

  function minute(tick: number, out: Float64Array): void {
    for (let si = 0; si < services.length; si++) {
      const s = services[si];
      const p = s.p;
      const u = (purpose: number) => uniform(seed, si * 16 + purpose, tick);
      const daily = dailyFactor(tick, p.daily);
      const growth = 1 + (0.01 * (tick - anchorTick)) / 10080; // +1 % a week
      const wander = 1 + 0.04 * Math.sin((TAU * tick) / 97 + s.phase1) + 0.03 * Math.sin((TAU * tick) / 389 + s.phase2);
      const noise = 1 + 0.08 * (u(0) - 0.5);
      const expected = p.rps * 60 * daily * (isWeekend(tick) ? p.weekend : 1) * growth * wander * noise;
      const n = Math.floor(expected + u(1));

      let extra500 = 0;
      let extra503 = 0;
      let latency = 1;
      for (const tw of s.windows) {
        const weight = windowWeight(tw, tick);
        if (weight === 0) continue;
        if (tw.w.code === "500") extra500 += weight * (tw.w.errorRatio ?? 0);
        if (tw.w.code === "503") extra503 += weight * (tw.w.errorRatio ?? 0);
        if (tw.w.latencyFactor) latency *= 1 + weight * (tw.w.latencyFactor - 1);
      }
      const usual = p.errorRatio * (1 + 0.6 * (u(2) - 0.5));
      const n500 = Math.floor(n * (0.65 * usual + extra500) + u(3));
      const n503 = Math.floor(n * (0.35 * usual + extra503) + u(4));
      const n404 = Math.floor(n * NOT_FOUND_RATIO * (1 + 0.4 * (u(5) - 0.5)) + u(6));
      const n200 = Math.max(0, n - n500 - n503 - n404);
      out[s.slot200] = n200;
      out[s.slot200 + 1] = n404;
      out[s.slot200 + 2] = n500;
      out[s.slot200 + 3] = n503;

      if (s.histSlot < 0) continue;
      const total = n200 + n404 + n500 + n503;
      // Log-normal latency, a little slower at peak traffic and during incidents.
      const median = p.latencyMedian * latency * (1 + 0.25 * (daily - 1)) * (1 + 0.1 * (u(7) - 0.5));
      const lnMedian = Math.log(median);
      for (let b = 0; b < lnBuckets.length; b++) {
        out[s.histSlot + b] = Math.round(total * phi((lnBuckets[b] - lnMedian) / p.latencySigma));
      }
      out[s.histSlot + lnBuckets.length] = total; // +Inf
      out[s.histSlot + lnBuckets.length + 1] = total; // _count
      // _sum in whole milliseconds (scaled to seconds on output), so sums stay exact.
      out[s.histSlot + lnBuckets.length + 2] = Math.round(total * median * Math.exp((p.latencySigma * p.latencySigma) / 2) * 1000);
    }
  }

  function gauges(tick: number, out: Float64Array): void {
    const days = (tick - anchorTick) / 1440; // negative in the past
    const hour = (tick % 1440) / 60;
    const u = (purpose: number) => uniform(seed, 20_000 + purpose, tick);
    const daily = dailyFactor(tick, 0.4);

    // postgres-primary: connections grow ~1/day (60 five weeks ago, 95 now) with the daily swing.
    out[0] = Math.max(1, Math.round((95 + days) * (0.6 + 0.4 * daily) + 8 * (u(0) - 0.5)));
    out[1] = 200;
    const dbSize = 240 * GiB * Math.pow(1.015, days / 7) + 0.3 * GiB * Math.sin((TAU * hour) / 24);
    out[2] = Math.round(dbSize);
    out[3] = 500 * GiB;
    out[4] = Math.round(out[3] - dbSize - 30 * GiB - 4 * GiB * (daily - 0.6) - 0.2 * GiB * u(1));

    // event-pipeline /data: +20 GiB/day, 90 % of 1 TiB when it was resized to 2 TiB.
    out[5] = tick > resizeTick ? 2048 * GiB : 1024 * GiB;
    const used = 1320 * GiB + 20 * GiB * days + 6 * GiB * Math.sin((TAU * (hour - 9)) / 24) + 0.5 * GiB * u(2);
    out[6] = Math.max(0, Math.round(out[5] - used));

    let backlog = 0;
    for (const tw of queueWindows) {
      if (tick <= tw.startTick || tick > tw.endTick) continue;
      const f = (tick - tw.startTick) / (tw.endTick - tw.startTick);
      backlog += tw.w.queuePeak! * (f < 2 / 3 ? f * 1.5 : (1 - f) * 3); // builds up, then drains
    }
    out[7] = Math.max(0, Math.round(1200 * dailyFactor(tick, 0.5) + 600 * (u(3) - 0.5) + backlog));
  }

  return { seed, anchor: opts.anchor, minute, gauges };
}
