import { describe, expect, it } from "vitest";
import { regularise } from "./regularise";
import { findLevelDrops, limitChanges } from "./resets";
import { series, T0 } from "./test-fixtures";
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS, type Sample } from "./types";

const STEP = 5 * MINUTE_MS;
const opts = { windowPoints: 12, persistPoints: 288, seasonPoints: [288, 2016] };
const drops = (s: Sample[]) => findLevelDrops(regularise(s, STEP), opts);

describe("resets and level drops", () => {
  it("finds a counter that restarted (down to about zero, then growing again) at the right point", () => {
    const before = series({ days: 10, stepMs: STEP, level: 5_000, slopePerDay: 300, noise: 20 });
    const restart = T0 + 10 * DAY_MS;
    const after = series({ days: 5, stepMs: STEP, level: 0, slopePerDay: 300, noise: 1, start: restart, seed: 9 }).map((s) => ({ ...s, v: Math.abs(s.v) }));
    const found = drops([...before, ...after]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ at: restart, kind: "reset" });
    expect(found[0].before).toBeGreaterThan(7_000);
    expect(found[0].after).toBeLessThan(50);
  });

  it("finds a lasting drop by a large fraction (a cleanup) and calls it a drop, not a reset", () => {
    const s = series({ days: 14, stepMs: STEP, level: 800, slopePerDay: 5, daily: 30, noise: 5 });
    const at = T0 + 9 * DAY_MS + 3 * HOUR_MS;
    const cleaned = s.map((p) => (p.t >= at ? { ...p, v: p.v - 400 } : p));
    const found = drops(cleaned);
    expect(found).toEqual([expect.objectContaining({ at, kind: "drop" })]);
  });

  it("ignores deep daily troughs, weekend lows and single-point dips", () => {
    // Nightly trough at 10 % of the peak, steep within an hour: seasonal, not a reset.
    const daily = series({ days: 21, stepMs: STEP, level: 500, daily: 450, weekly: 40, noise: 10 });
    expect(drops(daily)).toEqual([]);
    const dip = series({ days: 10, stepMs: STEP, level: 100, noise: 2 }).map((p, i) => (i === 1500 ? { ...p, v: 0 } : p));
    expect(drops(dip)).toEqual([]);
  });

  it("ignores an outage that recovers within the day", () => {
    const s = series({ days: 10, stepMs: STEP, level: 90, noise: 1 });
    const from = T0 + 5 * DAY_MS;
    const outage = s.map((p) => (p.t >= from && p.t < from + 10 * HOUR_MS ? { ...p, v: 25 } : p));
    expect(drops(outage)).toEqual([]);
  });

  it("ignores drops hidden in noise", () => {
    const s = series({ days: 10, stepMs: STEP, level: 10, noise: 4 }).map((p) => ({ ...p, v: Math.max(0, p.v) }));
    expect(drops(s)).toEqual([]);
  });

  it("does not look at a series shorter than its windows", () => {
    expect(findLevelDrops(regularise(series({ days: 0.05, stepMs: STEP, level: 1 }), STEP), opts)).toEqual([]);
  });
});

describe("limit changes", () => {
  it("reports a resize and ignores jitter below the tolerance", () => {
    const TiB = 2 ** 40;
    const s: Sample[] = [
      { t: 0, v: TiB },
      { t: 1, v: TiB * 1.001 },
      { t: 2, v: 2 * TiB },
      { t: 3, v: 2 * TiB },
    ];
    expect(limitChanges(s)).toEqual([{ at: 2, from: TiB, to: 2 * TiB }]);
    expect(limitChanges([])).toEqual([]);
    expect(WEEK_MS).toBe(7 * DAY_MS);
  });
});
