import { describe, expect, it } from "vitest";
import {
  PALETTE_SIZE,
  applyLegendTemplate,
  formatLabelSet,
  mergeSeries,
  parseSampleValue,
  seriesKey,
  seriesName,
  seriesStats,
  toChartSeries,
  type ChartSeries,
  type PromData,
} from "./series";

const series = (key: string, points: [number, number | null][]): ChartSeries => ({
  key,
  name: key,
  labels: {},
  colorIndex: 0,
  points: points.map(([t, v]) => ({ t, v })),
  infCount: 0,
});

describe("parseSampleValue", () => {
  it("parses numbers, including exponent notation", () => {
    expect(parseSampleValue("1.5")).toEqual({ value: 1.5, inf: false });
    expect(parseSampleValue("-2e-3")).toEqual({ value: -0.002, inf: false });
    expect(parseSampleValue("0")).toEqual({ value: 0, inf: false });
  });

  it("turns NaN into a gap and ±Inf into a counted gap", () => {
    expect(parseSampleValue("NaN")).toEqual({ value: null, inf: false });
    expect(parseSampleValue("+Inf")).toEqual({ value: null, inf: true });
    expect(parseSampleValue("-Inf")).toEqual({ value: null, inf: true });
    expect(parseSampleValue("nonsense")).toEqual({ value: null, inf: false });
  });
});

describe("names", () => {
  const labels = { __name__: "http_requests_total", service: "api", code: "500" };

  it("fills a legend template", () => {
    expect(applyLegendTemplate("{{service}} {{code}}", labels)).toBe("api 500");
    expect(applyLegendTemplate("{{ service }} / {{missing}}", labels)).toBe("api /");
    expect(seriesName(labels, { legend: "{{service}} {{code}}" })).toBe("api 500");
  });

  it("falls back when the template renders empty", () => {
    expect(seriesName(labels, { legend: "{{missing}}" })).toBe('{code="500", service="api"}');
  });

  it("uses the sorted label set without __name__", () => {
    expect(formatLabelSet(labels)).toBe('{code="500", service="api"}');
    expect(formatLabelSet({ a: 'say "hi"' })).toBe('{a="say \\"hi\\""}');
  });

  it("uses the metric name, then the query, for series without other labels", () => {
    expect(seriesName({ __name__: "up" }, { query: "up" })).toBe("up");
    expect(seriesName({}, { query: "sum(rate(x[5m]))" })).toBe("sum(rate(x[5m]))");
  });
});

describe("seriesKey", () => {
  it("is stable regardless of label order and differs between label sets", () => {
    const a = seriesKey({ a: "1", b: "2" });
    expect(seriesKey({ b: "2", a: "1" })).toBe(a);
    expect(seriesKey({ a: "1", b: "3" })).not.toBe(a);
    expect(a).toMatch(/^s[0-9a-f]{8}$/);
  });
});

describe("mergeSeries", () => {
  it("merges two series with different timestamps into rows with gaps (hand-computed)", () => {
    const a = series("a", [
      [1000, 1],
      [2000, 2],
      [4000, 4],
    ]);
    const b = series("b", [
      [2000, 20],
      [3000, null],
      [5000, 50],
    ]);
    expect(mergeSeries([a, b])).toEqual([
      { t: 1000, a: 1, b: null },
      { t: 2000, a: 2, b: 20 },
      { t: 3000, a: null, b: null },
      { t: 4000, a: 4, b: null },
      { t: 5000, a: null, b: 50 },
    ]);
  });

  it("returns no rows for no series", () => {
    expect(mergeSeries([])).toEqual([]);
  });
});

describe("toChartSeries", () => {
  it("converts a matrix: seconds → ms, values parsed, Inf counted", () => {
    const data: PromData = {
      resultType: "matrix",
      result: [
        { metric: { __name__: "up", job: "b" }, values: [[1700000000, "1"], [1700000015.5, "+Inf"]] },
        { metric: { __name__: "up", job: "a" }, values: [[1700000000, "NaN"], [1700000015.5, "0"]] },
      ],
    };
    const out = toChartSeries(data, { query: "up" });
    expect(out.total).toBe(2);
    expect(out.omitted).toBe(0);
    expect(out.infCount).toBe(1);
    expect(out.series.map((s) => s.name)).toEqual(['{job="a"}', '{job="b"}']);
    expect(out.series[0].points).toEqual([
      { t: 1700000000000, v: null },
      { t: 1700000015500, v: 0 },
    ]);
    expect(out.series[1].points).toEqual([
      { t: 1700000000000, v: 1 },
      { t: 1700000015500, v: null },
    ]);
    expect(out.series[1].infCount).toBe(1);
  });

  it("converts a vector and a scalar to one-point series", () => {
    const v = toChartSeries({ resultType: "vector", result: [{ metric: {}, value: [1700000000, "3"] }] }, { query: "sum(up)" });
    expect(v.series).toHaveLength(1);
    expect(v.series[0].name).toBe("sum(up)");
    expect(v.series[0].points).toEqual([{ t: 1700000000000, v: 3 }]);
    const s = toChartSeries({ resultType: "scalar", result: [1700000000, "42"] }, { query: "42" });
    expect(s.series[0].points).toEqual([{ t: 1700000000000, v: 42 }]);
  });

  it("caps the series, keeping the largest peaks", () => {
    const result = Array.from({ length: 25 }, (_, i) => ({ metric: { i: String(i) }, values: [[1, String(i)]] as [number, string][] }));
    const out = toChartSeries({ resultType: "matrix", result }, { maxSeries: 20 });
    expect(out.series).toHaveLength(20);
    expect(out.omitted).toBe(5);
    expect(out.total).toBe(25);
    // Values 0…4 are the smallest peaks and are the ones left out; the rest sort numerically.
    expect(out.series.map((s) => s.labels.i)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 5)));
  });

  it("gives distinct keys and colours while the palette lasts, deterministically", () => {
    const result = Array.from({ length: PALETTE_SIZE }, (_, i) => ({ metric: { pod: `p${i}` }, values: [[1, "1"]] as [number, string][] }));
    const a = toChartSeries({ resultType: "matrix", result });
    const b = toChartSeries({ resultType: "matrix", result: [...result].reverse() });
    expect(new Set(a.series.map((s) => s.key)).size).toBe(PALETTE_SIZE);
    expect(new Set(a.series.map((s) => s.colorIndex)).size).toBe(PALETTE_SIZE);
    expect(b.series.map((s) => [s.key, s.colorIndex])).toEqual(a.series.map((s) => [s.key, s.colorIndex]));
  });

  it("disambiguates duplicate label sets", () => {
    const out = toChartSeries({
      resultType: "matrix",
      result: [
        { metric: { a: "1" }, values: [] },
        { metric: { a: "1" }, values: [] },
      ],
    });
    expect(new Set(out.series.map((s) => s.key)).size).toBe(2);
  });
});

describe("seriesStats", () => {
  it("ignores gaps", () => {
    expect(seriesStats(series("x", [[1, 2], [2, null], [3, 6], [4, 1]]).points)).toEqual({ min: 1, max: 6, avg: 3, last: 1, count: 3 });
    expect(seriesStats([])).toEqual({ min: null, max: null, avg: null, last: null, count: 0 });
  });
});
