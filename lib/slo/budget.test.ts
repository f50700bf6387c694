import { describe, expect, it } from "vitest";
import { dailyDowntimeMs, errorBudget, LOW_TRAFFIC_EVENTS, sliOf, timesliceCounts } from "./budget";
import { BURN_ALERTS, burnRate, timeToExhaustionMs } from "./burn-rate";

const DAY = 86_400_000;
const MIN = 60_000;

describe("error budget", () => {
  it("gives the seeds' figures: 99.9 % over 30 days allows 43.2 minutes, 1.44 a day", () => {
    const b = errorBudget(0.999, 30 * DAY, { good: 999_000, total: 1_000_000 });
    expect(b.allowedDowntimeMs / MIN).toBeCloseTo(43.2, 10);
    expect(dailyDowntimeMs(0.999) / MIN).toBeCloseTo(1.44, 10);
    expect(b.allowedBadEvents).toBeCloseTo(1_000, 9);
    expect(b.consumed).toBeCloseTo(1, 12);
    expect(b.remaining).toBeCloseTo(0, 12);
  });

  it("weights by events, never by averaging ratios", () => {
    // A quiet hour with 50 % errors (2 of 4) and a busy hour with none (0 of 9996): the average of
    // the hourly ratios says 75 %; the events say 99.98 %.
    const hours = [
      { good: 2, total: 4 },
      { good: 9_996, total: 9_996 },
    ];
    const summed = { good: hours.reduce((n, h) => n + h.good, 0), total: hours.reduce((n, h) => n + h.total, 0) };
    expect(sliOf(summed)).toBeCloseTo(0.9998, 12);
    const b = errorBudget(0.999, 30 * DAY, summed);
    expect(b.badEvents).toBe(2);
    expect(b.consumed).toBeCloseTo(2 / 10, 12);
  });

  it("says 'no data' for zero traffic instead of NaN, and flags low traffic", () => {
    const none = errorBudget(0.99, 7 * DAY, { good: 0, total: 0 });
    expect(none).toMatchObject({ sli: null, noData: true, consumed: 0, remaining: 1 });
    expect(Object.values(none).some((v) => typeof v === "number" && Number.isNaN(v))).toBe(false);
    expect(errorBudget(0.99, 7 * DAY, { good: 10, total: 10 }).lowTraffic).toBe(true);
    expect(errorBudget(0.99, 7 * DAY, { good: LOW_TRAFFIC_EVENTS, total: LOW_TRAFFIC_EVENTS }).lowTraffic).toBe(false);
  });

  it("reports overspending as consumed over 100 % and refuses impossible input", () => {
    const b = errorBudget(0.99, 30 * DAY, { good: 9_700, total: 10_000 });
    expect(b.consumed).toBeCloseTo(3, 12);
    expect(b.remaining).toBeCloseTo(-2, 12);
    expect(b.remainingBadEvents).toBeCloseTo(-200, 9);
    expect(() => errorBudget(1, DAY, { good: 1, total: 1 })).toThrow(RangeError);
    expect(() => errorBudget(0, DAY, { good: 1, total: 1 })).toThrow(RangeError);
    expect(() => errorBudget(0.99, DAY, { good: -1, total: 1 })).toThrow(RangeError);
    expect(sliOf({ good: 11, total: 10 })).toBe(1); // a counter reset cannot make the SLI exceed 100 %
  });

  it("holds its identities on random inputs", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      const total = Math.floor(rnd() * 1e7) + 1;
      const good = Math.floor(total * (1 - rnd() * rnd() * 0.05));
      const target = [0.9, 0.99, 0.995, 0.999, 0.9999][i % 5];
      const windowMs = [7, 28, 30, 90][i % 4] * DAY;
      const b = errorBudget(target, windowMs, { good, total });
      expect(b.badEvents + good).toBe(total);
      expect(b.consumed + b.remaining).toBeCloseTo(1, 9);
      expect(b.consumedDowntimeMs).toBeCloseTo(b.consumed * (1 - target) * windowMs, 3);
      // Consumed equals (1 − SLI) / (1 − target): the budget is the SLI's distance from the target.
      expect(b.consumed).toBeCloseTo((1 - good / total) / (1 - target), 9);
    }
  });

  it("counts good timeslices among slices with data", () => {
    const slices = [{ good: 100, total: 100 }, { good: 98, total: 100 }, null, { good: 0, total: 0 }, { good: 995, total: 1000 }];
    expect(timesliceCounts(slices, 0.99)).toEqual({ good: 2, total: 3 });
  });
});

describe("burn rate", () => {
  it("is the error rate over the allowed error rate", () => {
    expect(burnRate(0.999, { good: 9_856, total: 10_000 })).toBeCloseTo(14.4, 9);
    expect(burnRate(0.99, { good: 100, total: 100 })).toBe(0);
    expect(burnRate(0.99, { good: 0, total: 0 })).toBeNull();
  });

  it("turns a burn rate into time to exhaustion", () => {
    // Half the 30-day budget left, burning at 14.4: gone in 30 d × 0.5 / 14.4 = 25 h.
    expect(timeToExhaustionMs(0.5, 14.4, 30 * DAY)).toBeCloseTo(25 * 3_600_000, 3);
    expect(timeToExhaustionMs(1, 1, 30 * DAY)).toBe(30 * DAY);
    expect(timeToExhaustionMs(-0.1, 2, 30 * DAY)).toBe(0);
    expect(timeToExhaustionMs(0.7, 0, 30 * DAY)).toBeNull();
    expect(timeToExhaustionMs(0.7, null, 30 * DAY)).toBeNull();
  });

  it("uses the SRE workbook's alert pairs: 14.4× over 1 h spends 2 % of a 30-day budget", () => {
    const page = BURN_ALERTS[0];
    expect((page.factor * 3_600_000) / (30 * DAY)).toBeCloseTo(0.02, 12);
    const slow = BURN_ALERTS[1];
    expect((slow.factor * 6 * 3_600_000) / (30 * DAY)).toBeCloseTo(0.05, 12);
  });
});
