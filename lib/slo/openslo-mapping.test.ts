import { describe, expect, it } from "vitest";
import { parseOpenSlo, slugify } from "./openslo";
import { onlyError, ratio, slo } from "./openslo-test-fixtures";

describe("parseOpenSlo: query and budgeting mapping", () => {
  it("reads sum(<counter>) as the counter selector, and gauges (counter: false) as sums over the window", () => {
    const c = parseOpenSlo(slo({ indicator: ratio('sum(http_requests{code=~"2.."})', "sum(http_requests)") }));
    expect(c.slos[0].definition.sli).toEqual({ kind: "ratio", good: 'http_requests{code=~"2.."}', total: "http_requests" });
    expect(c.notes.map((n) => n.message)).toContainEqual(expect.stringContaining("read as sum(rate(http_requests[$window]))"));
    const g = parseOpenSlo(slo({ indicator: ratio("ok_per_minute", "all_per_minute", "false") }));
    expect(g.slos[0].definition.sli).toEqual({ kind: "ratio", good: "sum(sum_over_time(ok_per_minute[$window]))", total: "sum(sum_over_time(all_per_minute[$window]))" });
    expect(onlyError(slo({ indicator: ratio("sum(a) / sum(b)", "c") }))).toMatch(/The good query must contain \$window/);
  });

  it("maps RatioTimeslices to timeslices with a slice target, else to occurrences, with a note", () => {
    const a = parseOpenSlo(slo({ budgeting: "RatioTimeslices", objectives: "    - { target: 0.99, timeSliceWindow: 5m }" }));
    expect(a.slos[0].definition.budgeting).toEqual({ method: "occurrences" });
    expect(a.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^RatioTimeslices .* imported as Occurrences/));
    const b = parseOpenSlo(slo({ budgeting: "RatioTimeslices", objectives: "    - { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: 5m }" }));
    expect(b.slos[0].definition.budgeting).toEqual({ method: "timeslices", sliceMinutes: 5, sliceTarget: 0.9 });
  });

  it("turns names that are not Keel slugs into slugs", () => {
    const r = parseOpenSlo(slo({ name: "API.Availability|v2" }));
    expect(r.slos[0].definition).toMatchObject({ slug: "api-availability-v2", name: "API.Availability|v2" });
    expect(slugify("Checkout API — p99 < 500 ms")).toBe("checkout-api-p99-500-ms");
    expect(slugify("Crème brûlée")).toBe("creme-brulee");
    expect(slugify("x".repeat(70) + " y")).toBe("x".repeat(63));
  });

  it("reads a top-level list of objects as consecutive documents", () => {
    const list = `- ${slo({ name: "one" }).replace(/\n/g, "\n  ")}\n- ${slo({ name: "two", objectives: "    - target: 5" }).replace(/\n/g, "\n  ")}`;
    const r = parseOpenSlo(list);
    expect(r.slos.map((s) => [s.document, s.definition.slug])).toEqual([[1, "one"]]);
    expect(r.errors.map((e) => e.document)).toEqual([2]);
  });

  it("refuses an empty file and an SLO without a time window", () => {
    expect(parseOpenSlo("# nothing here\n").errors).toEqual([{ document: 0, kind: "", name: "", message: "The file has no OpenSLO documents." }]);
    expect(onlyError(slo({ window: "    []" }))).toMatch(/^1 SLO api-availability: spec\.timeWindow must have exactly one item \(found 0\)/);
    expect(onlyError(slo().replace(/  timeWindow:\n.*\n/, ""))).toMatch(/spec\.timeWindow is required/);
  });
});
