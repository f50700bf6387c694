import { describe, expect, it } from "vitest";
import { MAX_POINTS, resolveStep } from "./step";
import { instantTtlMs, rangeTtlMs } from "./cache-policy";
import { formatDuration, parseDurationMs, parseTimeMs } from "./duration";

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 7);

describe("resolveStep", () => {
  it("gives about one point per 2 px, rounded up to a nice step, aligned to it", () => {
    const r = resolveStep({ startMs: NOW - 24 * H, endMs: NOW, widthPx: 1000, scrapeIntervalMs: 15_000 });
    // 86,400 s over 500 points = 172.8 s → 300 s.
    expect(r).toMatchObject({ ok: true, stepMs: 300_000 });
    if (!r.ok) return;
    expect(r.startMs % r.stepMs).toBe(0);
    expect(r.endMs % r.stepMs).toBe(0);
    expect(r.startMs).toBeLessThanOrEqual(NOW - 24 * H);
    expect(NOW - r.endMs).toBeLessThan(r.stepMs);
    expect(r.points).toBe((r.endMs - r.startMs) / r.stepMs + 1);
  });

  it("never goes finer than the scrape interval", () => {
    const r = resolveStep({ startMs: NOW - H, endMs: NOW, widthPx: 3000, scrapeIntervalMs: 60_000 });
    expect(r).toMatchObject({ ok: true, stepMs: 60_000 });
  });

  it("never exceeds 11,000 points, whatever the width", () => {
    for (const span of [H, 24 * H, 30 * 24 * H, 365 * 24 * H, 5 * 365 * 24 * H]) {
      for (const width of [1, 100, 1000, 20_000, 1e9]) {
        const r = resolveStep({ startMs: NOW - span, endMs: NOW, widthPx: width, scrapeIntervalMs: 1_000 });
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.points).toBeLessThanOrEqual(MAX_POINTS);
      }
    }
  });

  it("takes an explicit step as given but refuses one that makes too many points", () => {
    expect(resolveStep({ startMs: 0, endMs: 3_600_000, stepMs: 7_000, scrapeIntervalMs: 60_000 })).toMatchObject({ ok: true, stepMs: 7_000, startMs: 0, endMs: 3_598_000 });
    expect(resolveStep({ startMs: 0, endMs: 30 * 24 * H, stepMs: 1_000, scrapeIntervalMs: 1_000 })).toMatchObject({ ok: false });
    expect(resolveStep({ startMs: 10, endMs: 5, scrapeIntervalMs: 1_000 })).toMatchObject({ ok: false });
    expect(resolveStep({ startMs: 0, endMs: 5, stepMs: 0, scrapeIntervalMs: 1_000 })).toMatchObject({ ok: false });
  });
});

describe("cache policy", () => {
  it("keeps settled history longer for wider windows, and windows reaching now about one step", () => {
    const old = rangeTtlMs({ startMs: NOW - 31 * 24 * H, endMs: NOW - 24 * H, stepMs: 3_600_000, nowMs: NOW });
    const oldNarrow = rangeTtlMs({ startMs: NOW - 3 * H, endMs: NOW - 2 * H, stepMs: 15_000, nowMs: NOW });
    expect(old).toBe(H);
    expect(oldNarrow).toBe(6 * 60_000);
    expect(rangeTtlMs({ startMs: NOW - H, endMs: NOW, stepMs: 15_000, nowMs: NOW })).toBe(15_000);
    expect(rangeTtlMs({ startMs: NOW - H, endMs: NOW, stepMs: 1_000, nowMs: NOW })).toBe(5_000);
    expect(rangeTtlMs({ startMs: NOW - 90 * 24 * H, endMs: NOW, stepMs: 3 * H, nowMs: NOW })).toBe(60_000);
    expect(instantTtlMs({ timeMs: null, nowMs: NOW })).toBe(5_000);
    expect(instantTtlMs({ timeMs: NOW - 2 * H, nowMs: NOW })).toBe(600_000);
  });
});

describe("time parameters", () => {
  it("reads Unix seconds, RFC 3339 and Prometheus durations", () => {
    expect(parseTimeMs("1700000000.5")).toBe(1_700_000_000_500);
    expect(parseTimeMs("2026-11-23T12:00:00Z")).toBe(Date.UTC(2026, 10, 23, 12));
    expect(parseTimeMs("yesterday")).toBeNull();
    expect(parseDurationMs("1h30m")).toBe(5_400_000);
    expect(parseDurationMs("250ms")).toBe(250);
    expect(parseDurationMs("15")).toBe(15_000);
    expect(parseDurationMs("0")).toBeNull();
    expect(parseDurationMs("5 minutes")).toBeNull();
    expect(formatDuration(5_400_000)).toBe("1h30m");
    expect(formatDuration(86_400_000 + 1_000)).toBe("1d1s");
  });
});
