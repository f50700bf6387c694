import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { sliQueries, type SloDefinition } from "./definition";
import { parseOpenSlo, toOpenSlo, type ExportableSlo } from "./openslo";

const base: SloDefinition = {
  name: "Checkout availability",
  slug: "checkout-availability",
  description: "Requests that do not fail with a 5xx.",
  service: "checkout-api",
  sli: { kind: "ratio", good: 'sum(rate(http_requests_total{service="checkout-api",code!~"5.."}[$window]))', total: 'sum(rate(http_requests_total{service="checkout-api"}[$window]))' },
  target: 0.999,
  window: { kind: "rolling", days: 30 },
  budgeting: { method: "occurrences" },
  labels: {},
};
const prom = { name: "Production Prometheus", url: "https://prometheus.internal:9090" };

const cases: Record<string, ExportableSlo> = {
  "ratio good/total, rolling 30d, occurrences": { definition: base, datasource: prom },
  "ratio bad/total with a bare selector, rolling 7d": {
    definition: { ...base, slug: "checkout-errors", name: "Checkout errors", sli: { kind: "ratio", bad: 'http_requests_total{code=~"5.."}', total: "http_requests_total" }, window: { kind: "rolling", days: 7 } },
  },
  "latency, calendar month, timeslices, labels": {
    definition: {
      ...base,
      slug: "checkout-latency",
      name: "Checkout p99 < 500 ms",
      description: "",
      sli: { kind: "latency", metric: "http_request_duration_seconds", selector: '{service="checkout-api",method!="OPTIONS"}', thresholdSeconds: 0.5 },
      target: 0.99,
      window: { kind: "calendar", unit: "month", timeZone: "Europe/Berlin" },
      budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.95 },
      labels: { team: "payments", tier: "1", "app.kubernetes.io/name": "checkout" },
    },
    datasource: prom,
  },
  "latency without matchers, calendar quarter, SLA target and alert levels": {
    definition: { ...base, service: "search", slug: "search-latency", sli: { kind: "latency", metric: "search_seconds", selector: "", thresholdSeconds: 2.5 }, window: { kind: "calendar", unit: "quarter", timeZone: "America/New_York" }, slaTarget: 0.995, alertLevels: { warning: 0.9995, critical: 0.999, page: 0.995 }, budgeting: { method: "timeslices", sliceMinutes: 1, sliceTarget: 0.9 } },
    datasource: { name: "thanos", url: "http://thanos-query:9090" },
  },
  "incidents, rolling 90d": { definition: { ...base, service: "search", slug: "search-incidents", sli: { kind: "incidents", minSeverity: 2 }, window: { kind: "rolling", days: 90 } } },
};

describe("toOpenSlo → parseOpenSlo round trip", () => {
  for (const [label, c] of Object.entries(cases)) {
    it(`restores ${label}`, () => {
      const back = parseOpenSlo(toOpenSlo([c]));
      expect(back.errors).toEqual([]);
      expect(back.slos.map((s) => s.definition)).toEqual([c.definition]);
      const wantSource = c.datasource && c.definition.sli.kind !== "incidents" ? c.datasource.name : undefined;
      expect(back.slos[0].datasourceName).toBe(wantSource);
    });
  }

  it("restores a whole set, with one Service per service and one DataSource per data source", () => {
    const all = Object.values(cases);
    const out = toOpenSlo(all);
    const docs = parseAllDocuments(out);
    expect(Array.isArray(docs) && docs.map((d) => `${d.get("kind")}:${d.getIn(["metadata", "name"])}`)).toEqual([
      "Service:checkout-api",
      "Service:search",
      "DataSource:production-prometheus",
      "DataSource:thanos",
      ...all.map((c) => `SLO:${c.definition.slug}`),
    ]);
    const back = parseOpenSlo(out);
    expect(back.errors).toEqual([]);
    expect(back.slos.map((s) => s.definition)).toEqual(all.map((c) => c.definition));
    expect(back.slos.map((s) => s.document)).toEqual([5, 6, 7, 8, 9]);
    expect(back.datasources).toEqual([prom, { name: "thanos", url: "http://thanos-query:9090" }]);
    expect(back.services).toEqual(["checkout-api", "search"]);
  });
});

describe("toOpenSlo output", () => {
  const latency = cases["latency, calendar month, timeslices, labels"];
  const doc = parseAllDocuments(toOpenSlo([latency]));
  // The shape of the written SLO document, as far as these tests read it.
  type WrittenSlo = Record<string, unknown> & {
    metadata: { annotations?: Record<string, string> } & Record<string, unknown>;
    spec: { indicator: { spec: { ratioMetric: unknown } } } & Record<string, unknown>;
  };
  const slo = (Array.isArray(doc) ? doc.at(-1)!.toJS() : {}) as WrittenSlo;

  it("writes a latency SLI as a ratio of histogram buckets any OpenSLO tool can read, plus Keel's annotations", () => {
    const rm = slo.spec.indicator.spec.ratioMetric;
    const good = 'sum(rate(http_request_duration_seconds_bucket{service="checkout-api",method!="OPTIONS",le="0.5"}[$window]))';
    const total = 'sum(rate(http_request_duration_seconds_count{service="checkout-api",method!="OPTIONS"}[$window]))';
    expect(rm).toEqual({
      counter: true,
      good: { metricSource: { metricSourceRef: "production-prometheus", type: "Prometheus", spec: { query: good } } },
      total: { metricSource: { metricSourceRef: "production-prometheus", type: "Prometheus", spec: { query: total } } },
    });
    // The same SLI as Keel itself evaluates it: errors = total − good.
    expect(sliQueries(latency.definition.sli as Parameters<typeof sliQueries>[0], "$window")).toEqual({ total, errors: `(${total}) - (${good})` });
    expect(slo.metadata.annotations).toEqual({
      "keel.dev/sli-kind": "latency",
      "keel.dev/latency-metric": "http_request_duration_seconds",
      "keel.dev/latency-selector": '{service="checkout-api",method!="OPTIONS"}',
      "keel.dev/latency-threshold-seconds": "0.5",
    });
  });

  it("writes the window, budgeting and objective in OpenSLO's terms", () => {
    expect(slo.apiVersion).toBe("openslo/v1");
    expect(slo.metadata).toMatchObject({ name: "checkout-latency", displayName: "Checkout p99 < 500 ms", labels: { team: "payments", tier: "1" } });
    expect(slo.spec.timeWindow).toEqual([{ duration: "1M", isRolling: false, calendar: { startTime: "2020-01-01 00:00:00", timeZone: "Europe/Berlin" } }]);
    expect(slo.spec.budgetingMethod).toBe("Timeslices");
    expect(slo.spec.objectives).toEqual([{ displayName: "Checkout p99 < 500 ms", target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: "5m" }]);
  });

  it("imports an edited latency export as the ratio its queries now describe", () => {
    const edited = toOpenSlo([latency]).replace('le=\\"0.5\\"', 'le=\\"1\\"').replace('le="0.5"', 'le="1"');
    const back = parseOpenSlo(edited);
    expect(back.errors).toEqual([]);
    expect(back.slos[0].definition.sli).toMatchObject({ kind: "ratio", good: expect.stringContaining('le="1"') });
    expect(back.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/latency annotations do not match the queries/));
  });

  it("gives distinct data source names distinct documents", () => {
    const out = toOpenSlo([
      { definition: base, datasource: { name: "Prod Prom", url: "http://a:9090" } },
      { definition: { ...base, slug: "b" + base.slug }, datasource: { name: "prod-prom", url: "http://b:9090" } },
    ]);
    const back = parseOpenSlo(out);
    expect(back.errors).toEqual([]);
    expect(back.datasources).toEqual([{ name: "Prod Prom", url: "http://a:9090" }, { name: "prod-prom", url: "http://b:9090" }]);
    expect(back.slos.map((s) => s.datasourceName)).toEqual(["Prod Prom", "prod-prom"]);
  });
});

describe("parseOpenSlo: DataSource and label checks", () => {
  const ds = (spec: string) => `apiVersion: openslo/v1\nkind: DataSource\nmetadata: { name: p }\nspec: ${spec}\n`;

  it("needs an http(s) URL for Prometheus data sources", () => {
    expect(parseOpenSlo(ds("{ type: Prometheus, connectionDetails: { url: 'http://p:9090' } }")).datasources).toEqual([{ name: "p", url: "http://p:9090" }]);
    expect(parseOpenSlo(ds("{ type: Prometheus, connectionDetails: { url: 'file:///etc/passwd' } }")).errors[0].message).toMatch(/must be an http\(s\) URL/);
    expect(parseOpenSlo(ds("{ type: Prometheus }")).errors[0]).toMatchObject({ document: 1, kind: "DataSource", name: "p", message: expect.stringMatching(/connectionDetails\.url is required/) });
  });

  it("refuses an SLO whose metricSourceRef names a non-Prometheus DataSource of the file", () => {
    const out = toOpenSlo([{ definition: base, datasource: prom }]).replace("type: Prometheus\n  connectionDetails", "type: Datadog\n  connectionDetails");
    const noType = out.replace(/\n {12}type: Prometheus/g, "");
    const r = parseOpenSlo(noType);
    expect(r.errors.map((e) => [e.document, e.kind, e.message])).toEqual([
      [3, "SLO", expect.stringMatching(/^ratioMetric\.good: metric source type "Datadog" is not supported/)],
      [3, "SLO", expect.stringMatching(/^ratioMetric\.total: metric source type "Datadog"/)],
    ]);
  });

  it("checks label names", () => {
    const out = toOpenSlo([{ definition: { ...base, labels: { "bad key!": "x" } } }]);
    expect(parseOpenSlo(out).errors).toEqual([{ document: 2, kind: "SLO", name: "checkout-availability", message: "metadata.labels.bad key!: Label keys start with a letter or _ and use letters, digits, _ . - /." }]);
  });
});
