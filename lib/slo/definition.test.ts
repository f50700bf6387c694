import { describe, expect, it } from "vitest";
import { bucketFit, sliQueries, withWindow } from "./definition";

describe("SLI queries", () => {
  it("puts the range where $window is, or wraps a bare counter selector", () => {
    expect(withWindow('sum(rate(x_total{code=~"5.."}[$window]))', "5m")).toBe('sum(rate(x_total{code=~"5.."}[5m]))');
    expect(withWindow('x_total{service="a"}', "30d")).toBe('sum(rate(x_total{service="a"}[30d]))');
    expect(() => withWindow("sum(x_total)", "5m")).toThrow(/\$window/);
  });

  it("derives errors from good or bad queries", () => {
    expect(sliQueries({ kind: "ratio", bad: 'r_total{code=~"5.."}', total: "r_total" }, "1h")).toEqual({
      errors: 'sum(rate(r_total{code=~"5.."}[1h]))',
      total: "sum(rate(r_total[1h]))",
    });
    expect(sliQueries({ kind: "ratio", good: 'r_total{code!~"5.."}', total: "r_total" }, "1h").errors).toBe('(sum(rate(r_total[1h]))) - (sum(rate(r_total{code!~"5.."}[1h])))');
  });

  it("counts requests slower than the threshold bucket for latency SLIs", () => {
    const q = sliQueries({ kind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api"}', thresholdSeconds: 0.5 }, "5m");
    expect(q.total).toBe('sum(rate(http_request_duration_seconds_count{service="checkout-api"}[5m]))');
    expect(q.errors).toBe(`(${q.total}) - (sum(rate(http_request_duration_seconds_bucket{service="checkout-api",le="0.5"}[5m])))`);
    expect(() => sliQueries({ kind: "latency", metric: "m", selector: "service=a", thresholdSeconds: 1 }, "5m")).toThrow(/braces/);
  });

  it("says when a latency threshold is not a bucket bound", () => {
    expect(bucketFit(0.5, [0.1, 0.25, 0.5, 1])).toEqual({ exact: true });
    expect(bucketFit(0.3, [0.1, 0.25, 0.5, 1, Infinity])).toEqual({ exact: false, below: 0.25, above: 0.5 });
  });
});
