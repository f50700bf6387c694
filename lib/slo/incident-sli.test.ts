import { describe, expect, it } from "vitest";
import { errorBudget } from "./budget";
import { mergeIntervals, outageCounts, subtractIntervals } from "./incident-sli";

const H = 3_600_000;
const DAY = 24 * H;

describe("incident-based SLI", () => {
  it("merges overlapping incidents, so two at once are not counted twice", () => {
    expect(mergeIntervals([{ startMs: 5, endMs: 9 }, { startMs: 0, endMs: 6 }, { startMs: 12, endMs: 13 }])).toEqual([
      { startMs: 0, endMs: 9 },
      { startMs: 12, endMs: 13 },
    ]);
    const c = outageCounts([{ startMs: 10 * H, endMs: 12 * H }, { startMs: 11 * H, endMs: 13 * H }], 0, DAY);
    expect(c).toEqual({ total: 86_400, good: 86_400 - 3 * 3600 });
  });

  it("counts an open incident up to now and clips incidents to the window", () => {
    const c = outageCounts([{ startMs: -5 * H, endMs: 1 * H }, { startMs: 23 * H, endMs: null }], 0, DAY);
    expect(c.total - c.good).toBe(2 * 3600);
  });

  it("leaves maintenance windows out of both the window and the downtime", () => {
    const c = outageCounts([{ startMs: 2 * H, endMs: 4 * H }], 0, DAY, [{ startMs: 3 * H, endMs: 5 * H }]);
    expect(c).toEqual({ total: 22 * 3600, good: 21 * 3600 });
    expect(subtractIntervals([{ startMs: 0, endMs: 10 }], [{ startMs: 2, endMs: 3 }, { startMs: 5, endMs: 6 }])).toEqual([
      { startMs: 0, endMs: 2 },
      { startMs: 3, endMs: 5 },
      { startMs: 6, endMs: 10 },
    ]);
  });

  it("reads as minutes of budget: 99.9 % over 30 days allows 43.2 minutes, and a 30-minute SEV1 spends 69.4 % of it", () => {
    const c = outageCounts([{ startMs: 10 * DAY, endMs: 10 * DAY + 30 * 60_000 }], 0, 30 * DAY);
    const b = errorBudget(0.999, 30 * DAY, c);
    expect(b.allowedDowntimeMs).toBeCloseTo(43.2 * 60_000, 6);
    expect(b.consumed).toBeCloseTo(30 / 43.2, 9);
    expect(b.consumedDowntimeMs).toBeCloseTo(30 * 60_000, 6);
    // No incidents at all: a perfect SLI, never "no data".
    expect(errorBudget(0.999, 30 * DAY, outageCounts([], 0, 30 * DAY)).sli).toBe(1);
  });
});
