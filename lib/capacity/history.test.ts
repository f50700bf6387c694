import { describe, expect, it } from "vitest";
import { chunks, historyWindow } from "./history";

describe("capacity history windows", () => {
  const step = 300_000;

  it("covers the window exactly once, in pieces Prometheus accepts, on a grid that stays put as time moves on", () => {
    const now = Date.UTC(2026, 10, 23, 7, 14, 23);
    const w = historyWindow(now, 90 * 86_400_000, step);
    expect(w.endMs % step).toBe(0);
    expect(w.endMs).toBeLessThanOrEqual(now);
    const parts = chunks(w, 10_000);
    const points = parts.map((c) => (c.endMs - c.startMs) / step + 1);
    expect(points.reduce((a, b) => a + b, 0)).toBe((w.endMs - w.startMs) / step + 1);
    for (const p of points) expect(p).toBeLessThanOrEqual(10_000);
    for (let i = 1; i < parts.length; i++) expect(parts[i].startMs).toBe(parts[i - 1].endMs + step);
    // An hour later the inner windows are the same requests.
    const later = chunks(historyWindow(now + 3_600_000, 90 * 86_400_000, step), 10_000);
    const inner = (cs: typeof parts) => cs.slice(1, -1).map((c) => `${c.startMs}-${c.endMs}`);
    expect(inner(later)).toEqual(inner(parts));
    expect(inner(parts).length).toBeGreaterThan(0);
  });
});
