import { describe, expect, it } from "vitest";
import { forecastChartData, thinHistory } from "./chart-data";
import type { CapacityResourceDto } from "./dto";
import { forecastCapacity } from "./forecast";
import { forecastJson, summaryJson } from "./forecast-json";
import { capacityReportMarkdown } from "./report";
import { recommend } from "./recommendation";
import { byUrgency, recommendationInput, summarise, type ResourceForecast } from "./summary";
import { endOf, series, T0 } from "./test-fixtures";
import { DAY_MS, MINUTE_MS } from "./types";

const STEP = 30 * MINUTE_MS;

function resource(name: string, o: Partial<CapacityResourceDto> = {}): CapacityResourceDto {
  return {
    id: `id-${name}`,
    name,
    service: "db",
    serviceName: "Database",
    datasourceId: null,
    datasourceName: null,
    usageQuery: "sum(x)",
    limit: 200,
    limitQuery: null,
    unit: "connections",
    warningLevel: 0.8,
    lookbackDays: 90,
    resolutionSeconds: 1800,
    template: null,
    version: 1,
    createdAt: "2026-09-01T00:00:00.000Z",
    updatedAt: "2026-09-01T00:00:00.000Z",
    ...o,
  };
}

/** 100 + slope/day over 10 days against a limit of 200: the warning level (160) is reached (60 − 10·slope)/slope days after now. */
function forecastOf(r: CapacityResourceDto, slope: number): ResourceForecast {
  const samples = series({ days: 10, stepMs: STEP, level: 100, slopePerDay: slope, noise: 0.5 });
  const now = endOf(samples, STEP);
  const out = forecastCapacity({ samples, limit: 200, resolutionMs: STEP, horizonMs: 30 * DAY_MS, now, unit: r.unit });
  if (!out.ok) throw new Error(out.error.message);
  return { ok: true, forecast: out.forecast, recommendation: recommend(out.forecast, recommendationInput(r)), computedAt: now };
}

describe("capacity summaries, report and API shape", () => {
  const fast = resource("Fast");
  const slow = resource("Slow");
  const broken = resource("Broken | pipe");
  const flat = resource("Flat");
  const entries = [
    { r: slow, f: forecastOf(slow, 2) }, // warning ~day 20 after start: 10 days ahead; limit day 50: beyond 30 days
    { r: broken, f: { ok: false, problem: { code: "no-data", message: "The usage query returned no usable data." }, computedAt: T0 } as ResourceForecast },
    { r: flat, f: forecastOf(flat, 0) },
    { r: fast, f: forecastOf(fast, 6) }, // limit ~day 16.7: within the horizon
  ].map(({ r, f }) => ({ summary: summarise(r, f), forecast: f }));
  const sorted = [...entries].sort((a, b) => byUrgency(a.summary, b.summary));

  it("sorts by urgency: the limit in sight, then the warning level, then no forecast, then headroom", () => {
    expect(sorted.map((e) => [e.summary.resource.name, e.summary.status])).toEqual([
      ["Fast", "critical"],
      ["Slow", "warning"],
      ["Broken | pipe", "unknown"],
      ["Flat", "ok"],
    ]);
  });

  it("serves ISO dates with 80 % bounds around the median", () => {
    const s = summaryJson(sorted[1].summary);
    expect(s.status).toBe("warning");
    const t = (x: string | null) => Date.parse(x!);
    expect(t(s.warningAtLower)).toBeLessThanOrEqual(t(s.warningAt));
    // 100 + 2/day reaches 160 on day 30 of the series, 20 days after the 10 days of history.
    expect(Math.abs(t(s.warningAt) - (T0 + 30 * DAY_MS))).toBeLessThan(DAY_MS);
    expect(s.limitAt).toBeNull();
    const full = forecastJson(sorted[0].summary.resource, sorted[0].forecast as Extract<ResourceForecast, { ok: true }>);
    expect(full.horizon).toBe("30d");
    expect(full.limitAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(Math.abs(Date.parse(full.limitAt!) - (T0 + (100 / 6) * DAY_MS))).toBeLessThan(DAY_MS);
    expect(full.series.forecast[0]).toEqual(expect.objectContaining({ t: expect.stringMatching(/Z$/), median: expect.any(Number) }));
    expect(full.crossings.limit.reachedNow).toBe(false);
  });

  it("writes a Markdown report: a table in order of urgency, then each resource with what to do", () => {
    const md = capacityReportMarkdown(sorted, { now: T0 + 10 * DAY_MS, horizonMs: 30 * DAY_MS, appendix: ["## Keel's own database", "", "Not available."] });
    expect(md.startsWith("# Capacity report\n")).toBe(true);
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Status"));
    expect(rows.map((r) => r.split(" | ")[0])).toEqual(["| Critical", "| Warning", "| No forecast", "| OK"]);
    expect(md).toContain("Broken \\| pipe");
    expect(md).toContain("**No forecast.** The usage query returned no usable data.");
    expect(md).toMatch(/### Database: Fast\n\n\*\*Critical\.\*\* Fast at 80% of the limit now \(161 of 200 connections\)/);
    expect(md).toContain("| Critical | Database | Fast | 80% (161 of 200 connections) | reached |");
    expect(md).toContain("- Usage query: `sum(x)`");
    expect(md.trimEnd().endsWith("Not available.")).toBe(true);
  });

  it("thins the chart's history to bucket lows and highs, keeping the peak", () => {
    const h = Array.from({ length: 4000 }, (_, i) => ({ t: i, v: i === 1234 ? 999 : i % 7 === 0 ? null : Math.sin(i / 50) }));
    const thin = thinHistory(h, 1000);
    expect(thin.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...thin.map(([, v]) => v ?? -Infinity))).toBe(999);
    const chart = forecastChartData((sorted[0].forecast as Extract<ResourceForecast, { ok: true }>).forecast);
    expect(chart.limit).toBe(200);
    expect(chart.warning).toBe(160);
    // The forecast reaches the horizon, and its last point is kept however it is thinned.
    expect(chart.forecast.at(-1)![0]).toBeGreaterThanOrEqual(chart.end - STEP);
    expect(chart.forecast.length).toBeLessThanOrEqual(600);
  });
});
