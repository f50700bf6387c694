import { describe, expect, it } from "vitest";
import { DAY_MS, coveredMs, dayBars, formatUptime, uptimeRatio, uptimeWindow, type ComponentImpact } from "./uptime";

const MIN = 60_000;
const NOW = Date.parse("2025-06-01T12:00:00Z");
const DAY0 = Date.parse("2025-06-01T00:00:00Z");

describe("uptime bars", () => {
  it("covers 90 UTC days ending today, oldest first", () => {
    const bars = dayBars([], NOW);
    expect(bars).toHaveLength(90);
    expect(bars[89].dayStartMs).toBe(DAY0);
    expect(bars[0].dayStartMs).toBe(DAY0 - 89 * DAY_MS);
    expect(bars.every((b) => b.state === "operational" && b.share === 0 && b.incidents.length === 0)).toBe(true);
    expect(uptimeRatio([], NOW)).toBe(1);
    expect(uptimeWindow(NOW)).toEqual({ fromMs: DAY0 - 89 * DAY_MS, toMs: NOW });
  });

  it("splits an incident across midnight and colours each day by its worst incident", () => {
    const y = DAY0 - DAY_MS; // yesterday
    const impacts: ComponentImpact[] = [
      { number: 1, severity: 2, startMs: DAY0 - 60 * MIN, endMs: DAY0 + 60 * MIN }, // 23:00 → 01:00
      { number: 2, severity: 4, startMs: y + 6 * 60 * MIN, endMs: y + 9 * 60 * MIN }, // yesterday 06:00 → 09:00
    ];
    const bars = dayBars(impacts, NOW);
    expect(bars[88]).toMatchObject({ dayStartMs: y, state: "partial_outage", affectedMs: 4 * 60 * MIN, incidents: [1, 2] });
    expect(bars[88].share).toBeCloseTo(4 / 24, 12);
    // Today: one hour of the twelve that have passed.
    expect(bars[89]).toMatchObject({ state: "partial_outage", affectedMs: 60 * MIN, incidents: [1] });
    expect(bars[89].share).toBeCloseTo(1 / 12, 12);
    // Only the SEV2's two hours are downtime; the SEV4's three are degraded, not down.
    const windowMs = NOW - (DAY0 - 89 * DAY_MS);
    expect(uptimeRatio(impacts, NOW)).toBeCloseTo(1 - (120 * MIN) / windowMs, 12);
  });

  it("runs an open incident until now and ignores what lies outside the window", () => {
    const impacts: ComponentImpact[] = [
      { number: 3, severity: 1, startMs: NOW - 30 * MIN, endMs: null },
      { number: 4, severity: 1, startMs: DAY0 - 200 * DAY_MS, endMs: DAY0 - 100 * DAY_MS },
    ];
    const bars = dayBars(impacts, NOW);
    expect(bars[89]).toMatchObject({ state: "major_outage", affectedMs: 30 * MIN, incidents: [3] });
    expect(bars.filter((b) => b.incidents.length)).toHaveLength(1);
  });

  it("matches a minute-by-minute count for random incidents", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const { fromMs } = uptimeWindow(NOW);
    for (let round = 0; round < 5; round++) {
      const impacts: ComponentImpact[] = Array.from({ length: 25 }, (_, k) => {
        const startMs = fromMs - 2 * DAY_MS + Math.floor(rand() * 93 * 24 * 60) * MIN;
        const open = rand() < 0.1;
        return { number: k + 1, severity: 1 + Math.floor(rand() * 4), startMs, endMs: open ? null : startMs + Math.floor(rand() * 3 * 24 * 60) * MIN };
      });
      const minutes = (NOW - fromMs) / MIN;
      const any = new Uint8Array(minutes);
      const down = new Uint8Array(minutes);
      const worst = new Array<number>(90).fill(9);
      const touched = Array.from({ length: 90 }, () => new Set<number>());
      for (const i of impacts) {
        const end = Math.min(i.endMs ?? NOW, NOW);
        for (let m = 0; m < minutes; m++) {
          const t = fromMs + m * MIN;
          if (t >= i.startMs && t < end) {
            any[m] = 1;
            if (i.severity <= 2) down[m] = 1;
            const day = Math.floor((t - fromMs) / DAY_MS);
            worst[day] = Math.min(worst[day], i.severity);
            touched[day].add(i.number);
          }
        }
      }
      const bars = dayBars(impacts, NOW);
      const stateOf = (sev: number) => (sev === 9 ? "operational" : sev === 1 ? "major_outage" : sev === 2 ? "partial_outage" : "degraded");
      for (let d = 0; d < 90; d++) {
        const first = d * 24 * 60;
        const last = Math.min(first + 24 * 60, minutes);
        let covered = 0;
        for (let m = first; m < last; m++) covered += any[m];
        expect(bars[d].affectedMs).toBe(covered * MIN);
        expect(bars[d].share).toBeCloseTo(covered / (last - first), 12);
        expect(bars[d].state).toBe(stateOf(worst[d]));
        expect(bars[d].incidents).toEqual([...touched[d]].sort((a, b) => a - b));
      }
      const downMinutes = down.reduce((a, b) => a + b, 0);
      expect(uptimeRatio(impacts, NOW)).toBeCloseTo(1 - downMinutes / minutes, 12);
    }
  });

  it("counts overlapping time once", () => {
    expect(coveredMs([{ startMs: 0, endMs: 10 }, { startMs: 5, endMs: 20 }, { startMs: 30, endMs: 40 }, { startMs: 32, endMs: 35 }], 0, 100)).toBe(30);
    expect(coveredMs([{ startMs: -10, endMs: 10 }], 0, 5)).toBe(5);
  });

  it("never rounds downtime up to 100%", () => {
    expect(formatUptime(1)).toBe("100.00%");
    expect(formatUptime(0.99999)).toBe("99.99%");
    expect(formatUptime(0.9995)).toBe("99.95%");
  });
});
