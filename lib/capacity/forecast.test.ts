import { describe, expect, it } from "vitest";
import { forecastCapacity, type CapacityForecast, type ForecastRequest } from "./forecast";
import { endOf, series, T0 } from "./test-fixtures";
import { DAY_MS, HOUR_MS, MINUTE_MS, type Sample } from "./types";

const STEP = 30 * MINUTE_MS;

function ok(req: ForecastRequest): CapacityForecast {
  const r = forecastCapacity(req);
  if (!r.ok) throw new Error(`expected a forecast, got ${r.error.code}: ${r.error.message}`);
  return r.forecast;
}

/** The first time a function of elapsed days reaches `level`, on a 1-minute grid (independent of the model). */
function trueCrossing(f: (day: number) => number, level: number, fromDay: number, toDay: number): number {
  for (let d = fromDay; d <= toDay; d += 1 / 1440) if (f(d) >= level) return T0 + d * DAY_MS;
  throw new Error("no crossing");
}

describe("capacity forecast: linear growth", () => {
  // 100 + 2/day: warning (160 of 200) on day 30, the limit on day 50; history: days 0–20.
  const samples = series({ days: 20, stepMs: STEP, level: 100, slopePerDay: 2, noise: 1 });
  const now = endOf(samples, STEP);
  const f = ok({ samples, limit: 200, resolutionMs: STEP, horizonMs: 45 * DAY_MS, now });

  it("dates the warning level and the limit where the line crosses them", () => {
    expect(Math.abs(f.toWarning.median! - (T0 + 30 * DAY_MS))).toBeLessThan(0.5 * DAY_MS);
    expect(Math.abs(f.toLimit.median! - (T0 + 50 * DAY_MS))).toBeLessThan(1.5 * DAY_MS);
    for (const c of [f.toWarning, f.toLimit]) {
      expect(c.earliest95!).toBeLessThanOrEqual(c.earliest80!);
      expect(c.earliest80!).toBeLessThanOrEqual(c.median!);
      if (c.latest80 !== null) expect(c.latest80).toBeGreaterThanOrEqual(c.median!);
    }
    expect(f.toWarning.level).toBe(160);
  });

  it("reports headroom now and growth per month", () => {
    const last = samples.at(-1)!.v;
    expect(f.usage.value).toBe(last);
    expect(f.headroom.absolute).toBeCloseTo(200 - last, 9);
    expect(f.headroom.ratio).toBeCloseTo((200 - last) / 200, 9);
    expect(f.utilisation).toBeCloseTo(last / 200, 9);
    expect(f.growthPerMonth.absolute).toBeGreaterThan(54);
    expect(f.growthPerMonth.absolute).toBeLessThan(66);
    expect(f.growthPerMonth.ofLimit).toBeCloseTo(f.growthPerMonth.absolute / 200, 12);
  });

  it("says which model won its backtest and which could not be tried", () => {
    expect(f.backtest.candidates.map((c) => c.model)).toContain("linear");
    expect(f.backtest.chosen).toBe(f.model.id);
    const chosen = f.backtest.candidates.find((c) => c.model === f.model.id)!;
    for (const c of f.backtest.candidates) if (c.mape !== null && chosen.mape !== null) expect(chosen.mape).toBeLessThanOrEqual(c.mape);
    expect(f.backtest.skipped).toEqual([expect.objectContaining({ model: "seasonal-weekly" })]);
    expect(f.notes.some((n) => n.startsWith("Model: "))).toBe(true);
    expect(f.notes[0]).toMatch(/^Fitted on 20 days of history/);
  });

  it("forecasts to the horizon with ordered bands", () => {
    expect(f.series[0].t).toBeGreaterThanOrEqual(samples.at(-1)!.t);
    expect(f.series.at(-1)!.t).toBeGreaterThanOrEqual(now + 45 * DAY_MS - STEP);
    for (const p of f.series) {
      expect(p.lower95).toBeLessThanOrEqual(p.lower80);
      expect(p.lower80).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.upper80);
      expect(p.upper80).toBeLessThanOrEqual(p.upper95);
    }
  });
});

describe("capacity forecast: daily season on a trend", () => {
  // 100 + 2/day + 30·sin(2π·day): the daily peaks reach 200 (warning of 250) about day 35, the
  // limit about day 60; history: 28 days.
  const truth = (d: number) => 100 + 2 * d + 30 * Math.sin(2 * Math.PI * d);
  const samples = series({ days: 28, stepMs: STEP, level: 100, slopePerDay: 2, daily: 30, noise: 3 });
  const now = endOf(samples, STEP);
  const f = ok({ samples, limit: 250, resolutionMs: STEP, horizonMs: 40 * DAY_MS, now });

  it("picks a seasonal model, which beat the line in the backtest", () => {
    expect(f.model.id).toMatch(/^seasonal-/);
    const mape = (id: string) => f.backtest.candidates.find((c) => c.model === id)!.mape!;
    expect(mape(f.model.id)).toBeLessThan(mape("linear"));
  });

  it("recovers the growth and dates the first peak over the warning level", () => {
    expect(f.growthPerMonth.absolute / 30).toBeGreaterThan(1.6);
    expect(f.growthPerMonth.absolute / 30).toBeLessThan(2.4);
    const warning = trueCrossing(truth, 200, 28, 70);
    expect(Math.abs(f.toWarning.median! - warning)).toBeLessThan(1.1 * DAY_MS);
    const limit = trueCrossing(truth, 250, 28, 70);
    expect(Math.abs(f.toLimit.median! - limit)).toBeLessThan(2.1 * DAY_MS);
  });

  it("keeps the season's amplitude in the forecast", () => {
    const firstDay = f.series.slice(0, 48).map((p) => p.median - 2 * ((p.t - T0) / DAY_MS));
    const amplitude = (Math.max(...firstDay) - Math.min(...firstDay)) / 2;
    expect(amplitude).toBeGreaterThan(25);
    expect(amplitude).toBeLessThan(35);
  });
});

describe("capacity forecast: resets, resizes, gaps", () => {
  it("fits only after a counter reset and says so", () => {
    const before = series({ days: 20, stepMs: STEP, level: 0, slopePerDay: 100, noise: 5 }).map((s) => ({ ...s, v: Math.abs(s.v) }));
    const reset = T0 + 20 * DAY_MS;
    const after = series({ days: 8, stepMs: STEP, level: 0, slopePerDay: 100, noise: 5, start: reset, seed: 3 }).map((s) => ({ ...s, v: Math.abs(s.v) }));
    const f = ok({ samples: [...before, ...after], limit: 10_000, resolutionMs: STEP, now: endOf(after, STEP) });
    expect(f.data.drops).toEqual([expect.objectContaining({ at: reset, kind: "reset" })]);
    expect(f.data.fittedFrom).toBe(reset);
    expect(f.notes[0]).toMatch(/^Fitted on the 8 days since the reset on 21 Sept? 00:00/);
    // 100 a day from the restart, not the 2,000 drop averaged into a flatter line.
    expect(f.growthPerMonth.absolute / 30).toBeGreaterThan(90);
    expect(f.growthPerMonth.absolute / 30).toBeLessThan(110);
  });

  it("uses the current limit after a resize and says when it changed", () => {
    const TiB = 2 ** 40;
    const usage = series({ days: 10, stepMs: STEP, level: 0.7 * TiB, slopePerDay: 0.01 * TiB, noise: 0.001 * TiB });
    const resizedAt = T0 + 6 * DAY_MS;
    const limit: Sample[] = usage.map((s) => ({ t: s.t, v: s.t < resizedAt ? TiB : 2 * TiB }));
    const f = ok({ samples: usage, limit, resolutionMs: STEP, now: endOf(usage, STEP), unit: "bytes" });
    expect(f.limit.value).toBe(2 * TiB);
    expect(f.limit.changes).toEqual([{ at: resizedAt, from: TiB, to: 2 * TiB }]);
    expect(f.headroom.absolute).toBeCloseTo(2 * TiB - usage.at(-1)!.v, 0);
    expect(f.notes).toContainEqual(expect.stringMatching(/^The limit changed from 1 TiB to 2 TiB on 7 Sept? 00:00/));
    expect(f.data.drops).toEqual([]); // usage did not move: its history is kept whole
  });

  it("fits after a lasting drop in usage (a cleanup)", () => {
    const s = series({ days: 16, stepMs: STEP, level: 500, slopePerDay: 10, noise: 2 });
    const at = T0 + 10 * DAY_MS + 14 * HOUR_MS;
    const f = ok({ samples: s.map((p) => (p.t >= at ? { ...p, v: p.v - 300 } : p)), limit: 2_000, resolutionMs: STEP, now: endOf(s, STEP) });
    expect(f.data.drops).toEqual([expect.objectContaining({ at, kind: "drop" })]);
    expect(f.notes[0]).toMatch(/since the drop on/);
  });

  it("reports long gaps, fills short ones, and ignores bad samples", () => {
    const s = series({ days: 10, stepMs: 5 * MINUTE_MS, level: 50, slopePerDay: 1, noise: 0.5 });
    const gapFrom = T0 + 4 * DAY_MS;
    const samples: Sample[] = s
      .filter((p) => p.t < gapFrom || p.t >= gapFrom + 6 * HOUR_MS) // 6 h without data
      .filter((_, i) => i !== 100 && i !== 101) // a 10-minute hole
      .concat([{ t: T0 + DAY_MS + 1, v: NaN }, { t: T0 + DAY_MS + 2, v: -3 }, { t: T0 + 11 * DAY_MS, v: 1 }]);
    const f = ok({ samples, limit: 100, resolutionMs: 5 * MINUTE_MS, now: endOf(s, 5 * MINUTE_MS) });
    expect(f.data.gaps.filter((g) => !g.filled)).toEqual([{ from: gapFrom, to: gapFrom + 6 * HOUR_MS, points: 72, filled: false }]);
    expect(f.data.gaps.filter((g) => g.filled)).toHaveLength(1);
    expect(f.data.dropped).toEqual({ notANumber: 1, negative: 1, future: 1, beforeLookback: 0 });
    expect(f.notes).toContainEqual(expect.stringMatching(/^1 gap in the data left unfilled \(the longest 6 h from 5 Sept? 00:00\)/));
    expect(f.notes).toContainEqual("Ignored samples: 1 that were not numbers, 1 negative, 1 later than now.");
  });

  it("notes when the data stops before now", () => {
    const s = series({ days: 6, stepMs: STEP, level: 50, slopePerDay: 1, noise: 0.5 });
    const f = ok({ samples: s, limit: 100, resolutionMs: STEP, now: endOf(s, STEP) + 2 * DAY_MS });
    expect(f.notes).toContainEqual(expect.stringMatching(/^No data for the last 2 days/));
    expect(f.series.at(-1)!.t).toBeGreaterThanOrEqual(f.now + f.horizonMs - STEP);
  });
});

describe("capacity forecast: edge cases", () => {
  it("forecasts a constant series as flat, with no crossing", () => {
    const s = series({ days: 5, stepMs: STEP, level: 40 });
    const f = ok({ samples: s, limit: 100, resolutionMs: STEP, now: endOf(s, STEP) });
    expect(Math.abs(f.growthPerMonth.absolute)).toBeLessThan(1e-6);
    expect(f.toWarning).toMatchObject({ reachedNow: false, median: null, earliest95: null, latest95: null });
    for (const p of f.series) expect(p.median).toBeCloseTo(40, 6);
  });

  it("says the warning level is reached when usage is over it now", () => {
    const s = series({ days: 5, stepMs: STEP, level: 85, noise: 0.1 });
    const f = ok({ samples: s, limit: 100, resolutionMs: STEP, now: endOf(s, STEP) });
    expect(f.toWarning.reachedNow).toBe(true);
    expect(f.toWarning.median).toBe(f.now);
    expect(f.toLimit.reachedNow).toBe(false);
  });

  it("refuses too little history with a clear message", () => {
    const s = series({ days: 1, stepMs: STEP, level: 10, slopePerDay: 1 });
    const r = forecastCapacity({ samples: s, limit: 100, resolutionMs: STEP, now: endOf(s, STEP) });
    expect(r).toEqual({ ok: false, error: { code: "too-little-history", message: "Only 1 day of usable history; a forecast needs at least 2 days." } });
    // History long enough, but a reset a day ago leaves one day to fit.
    const long = series({ days: 10, stepMs: STEP, level: 1_000, slopePerDay: 50, noise: 1 });
    const reset = T0 + 10 * DAY_MS;
    const since = series({ days: 1, stepMs: STEP, level: 0, slopePerDay: 50, start: reset });
    const r2 = forecastCapacity({ samples: [...long, ...since], limit: 5_000, resolutionMs: STEP, now: endOf(since, STEP) });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/^Only 1 day of usable history since the reset on 11 Sept? 00:00; a forecast needs at least 2 days/);
  });

  it("refuses bad limits, levels and empty data", () => {
    const s = series({ days: 5, stepMs: STEP, level: 10 });
    const base = { samples: s, resolutionMs: STEP, now: endOf(s, STEP) };
    for (const limit of [0, -1, NaN, [] as Sample[], [{ t: T0, v: 0 }], [{ t: T0, v: NaN }]]) {
      const r = forecastCapacity({ ...base, limit });
      expect(r.ok ? null : r.error.code).toBe("invalid-limit");
    }
    for (const warningLevel of [0, 1, 1.5, NaN]) expect(forecastCapacity({ ...base, limit: 100, warningLevel })).toMatchObject({ ok: false, error: { code: "invalid-input" } });
    expect(forecastCapacity({ ...base, limit: 100, samples: [{ t: T0, v: NaN }] })).toMatchObject({ ok: false, error: { code: "no-data" } });
  });
});
