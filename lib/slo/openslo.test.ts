import { describe, expect, it } from "vitest";
import { parseOpenSlo } from "./openslo";
import { onlyError, ratio, SERVICE, slo } from "./openslo-test-fixtures";

/** Adapted from the OpenSLO v1 README and examples: every supported kind, plus ignored ones. */
const FILE = `apiVersion: openslo/v1
kind: Service
metadata:
  name: web-shop
  displayName: Web shop
spec:
  description: The storefront
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prometheus
  displayName: Production Prometheus
spec:
  type: Prometheus
  connectionDetails:
    - url: http://prometheus.example.com:9090
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: datadog
spec:
  type: Datadog
  connectionDetails:
    - apiKey: my-api-key
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: search-availability
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        metricSourceRef: prometheus
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{service="search",code!~"5.."}[$window]))
    total:
      metricSource:
        metricSourceRef: prometheus
        spec:
          query: sum(rate(http_requests_total{service="search"}[$window]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: search-availability
  displayName: Search availability
  labels:
    env: [prod]
    team: [team-a, team-b]
spec:
  description: 99.9 % of search requests succeed
  service: web-shop
  indicatorRef: search-availability
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good
      targetPercent: 99.9
  alertPolicies:
    - page-on-fast-burn
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-errors
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="checkout"}
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: 2022-01-01 12:00:00
        timeZone: America/New_York
  budgetingMethod: Timeslices
  objectives:
    - target: 0.995
      timeSliceTarget: 0.95
      timeSliceWindow: 1m
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: page-on-fast-burn
spec:
  alertWhenBreaching: true
  conditions:
    - conditionRef: fast-burn
`;

describe("parseOpenSlo: a realistic multi-document file", () => {
  const r = parseOpenSlo(FILE);

  it("imports both SLOs, the Prometheus data source and the services, without errors", () => {
    expect(r.errors).toEqual([]);
    expect(r.datasources).toEqual([{ name: "Production Prometheus", url: "http://prometheus.example.com:9090" }]);
    expect(r.services).toEqual(["web-shop", "checkout"]);
    expect(r.slos.map((s) => s.document)).toEqual([5, 6]);
  });

  it("maps an indicatorRef SLO with targetPercent, a rolling window and list labels", () => {
    expect(r.slos[0]).toEqual({
      document: 5,
      datasourceName: "Production Prometheus",
      definition: {
        name: "Search availability",
        slug: "search-availability",
        description: "99.9 % of search requests succeed",
        service: "web-shop",
        sli: {
          kind: "ratio",
          good: 'sum(rate(http_requests_total{service="search",code!~"5.."}[$window]))',
          total: 'sum(rate(http_requests_total{service="search"}[$window]))',
        },
        target: 0.999,
        window: { kind: "rolling", days: 28 },
        budgeting: { method: "occurrences" },
        labels: { env: "prod", team: "team-a,team-b" },
      },
    });
  });

  it("maps an inline bad/total SLI with {{.window}}, a calendar month and timeslices", () => {
    expect(r.slos[1].datasourceName).toBeUndefined();
    expect(r.slos[1].definition).toMatchObject({
      name: "checkout-errors",
      slug: "checkout-errors",
      description: "",
      sli: { kind: "ratio", bad: 'sum(rate(http_requests_total{service="checkout",code=~"5.."}[$window]))', total: 'http_requests_total{service="checkout"}' },
      target: 0.995,
      window: { kind: "calendar", unit: "month", timeZone: "America/New_York" },
      budgeting: { method: "timeslices", sliceMinutes: 1, sliceTarget: 0.95 },
      labels: {},
    });
  });

  it("says what it ignored or interpreted, per document", () => {
    const notes = r.notes.map((n) => `${n.document} ${n.kind} ${n.message}`);
    expect(notes).toContainEqual(expect.stringMatching(/^3 DataSource DataSource of type Datadog is ignored/));
    expect(notes).toContainEqual(expect.stringMatching(/^5 SLO spec\.alertPolicies are ignored/));
    expect(notes).toContainEqual(expect.stringMatching(/^6 SLO \{\{\.window\}\}/));
    expect(notes).toContainEqual(expect.stringMatching(/^6 SLO calendar\.startTime 2022-01-01 12:00:00: .*midnight/));
    expect(notes).toContainEqual(expect.stringMatching(/^7 AlertPolicy AlertPolicy documents are ignored/));
  });
});

describe("parseOpenSlo: errors name the document", () => {
  it("reports invalid YAML once, with the parser's line and column", () => {
    const r = parseOpenSlo(`${SERVICE}apiVersion: openslo/v1\nkind: SLO\nkind: SLI\n`);
    // The duplicate key is on line 7 of the file, column 1, in the second document.
    expect(r.errors).toEqual([{ document: 2, kind: "", name: "", message: expect.stringMatching(/^Invalid YAML at line 7, column 1: Map keys must be unique/) }]);
    expect(r.slos).toEqual([]);
  });

  it("refuses threshold metrics", () => {
    const indicator = "      thresholdMetric:\n        metricSource: { type: Prometheus, spec: { query: 'histogram_quantile(0.99, x)' } }";
    expect(onlyError(SERVICE + slo({ indicator }))).toMatch(/^2 SLO api-availability: threshold metrics are not supported: use a ratio of histogram buckets/);
  });

  it("refuses raw ratio metrics", () => {
    const indicator = "      ratioMetric:\n        rawType: success\n        raw: { metricSource: { type: Prometheus, spec: { query: 'x' } } }";
    expect(onlyError(slo({ indicator }))).toMatch(/^1 SLO api-availability: raw ratio metrics \(rawType\/raw\) are not supported/);
  });

  it("refuses more than one objective", () => {
    expect(onlyError(SERVICE + slo({ objectives: "    - target: 0.999\n    - target: 0.99" }))).toMatch(/^2 SLO api-availability: spec\.objectives must have exactly one objective \(found 2\)/);
  });

  it("refuses targets outside (0, 1) and percentages outside (0, 100)", () => {
    expect(onlyError(slo({ objectives: "    - target: 1" }))).toMatch(/target must be a ratio between 0 and 1 \(exclusive\)/);
    expect(onlyError(slo({ objectives: "    - target: 0" }))).toMatch(/target must be a ratio between 0 and 1/);
    expect(onlyError(slo({ objectives: "    - targetPercent: 100" }))).toMatch(/targetPercent must be a number between 0 and 100 \(exclusive\)/);
    expect(onlyError(slo({ objectives: "    - targetPercent: -5" }))).toMatch(/targetPercent must be/);
    expect(onlyError(slo({ objectives: "    - { target: 0.99, targetPercent: 99 }" }))).toMatch(/both target and targetPercent/);
  });

  it("accepts only 7d, 28d, 30d and 90d rolling windows (in any unit)", () => {
    expect(onlyError(slo({ window: "    - { duration: 14d, isRolling: true }" }))).toMatch(/Rolling window "14d" is not supported: use one of 7d, 28d, 30d, 90d\./);
    expect(onlyError(slo({ window: "    - { duration: 1M, isRolling: true }" }))).toMatch(/Rolling window "1M"/);
    expect(parseOpenSlo(slo({ window: "    - { duration: 4w, isRolling: true }" })).slos[0].definition.window).toEqual({ kind: "rolling", days: 28 });
    expect(parseOpenSlo(slo({ window: "    - { duration: 168h }" })).slos[0].definition.window).toEqual({ kind: "rolling", days: 7 });
  });

  it("checks calendar windows: unit, time zone, start on the first of the period", () => {
    const cal = (d: string, tz: string, start = "2024-01-01 00:00:00") => `    - { duration: ${d}, isRolling: false, calendar: { startTime: "${start}", timeZone: ${tz} } }`;
    expect(parseOpenSlo(slo({ window: cal("1Q", "Europe/Berlin") })).slos[0].definition.window).toEqual({ kind: "calendar", unit: "quarter", timeZone: "Europe/Berlin" });
    expect(onlyError(slo({ window: cal("1M", "Mars/Olympus_Mons") }))).toMatch(/calendar\.timeZone "Mars\/Olympus_Mons" is not a known IANA time zone/);
    expect(onlyError(slo({ window: cal("1Y", "UTC") }))).toMatch(/Calendar window "1Y" is not supported: use 1M .* or 1Q/);
    expect(onlyError(slo({ window: cal("1M", "UTC", "2024-01-15 00:00:00") }))).toMatch(/start on the first day of a month/);
    expect(onlyError(slo({ window: cal("1Q", "UTC", "2024-02-01 00:00:00") }))).toMatch(/first day of a quarter/);
    expect(onlyError(slo({ window: "    - { duration: 1M, isRolling: false }" }))).toMatch(/needs calendar\.timeZone/);
  });

  it("checks budgeting: timeslice sizes and targets", () => {
    const o = (w: string, t = "0.95") => `    - { target: 0.999, timeSliceTarget: ${t}, timeSliceWindow: ${w} }`;
    expect(parseOpenSlo(slo({ budgeting: "Timeslices", objectives: o("5") })).slos[0].definition.budgeting).toEqual({ method: "timeslices", sliceMinutes: 5, sliceTarget: 0.95 });
    expect(onlyError(slo({ budgeting: "Timeslices", objectives: o("10m") }))).toMatch(/timeSliceWindow must be 1m or 5m/);
    expect(onlyError(slo({ budgeting: "Timeslices", objectives: "    - target: 0.999" }))).toMatch(/needs timeSliceTarget/);
    expect(onlyError(slo({ budgeting: "Weekly" }))).toMatch(/budgetingMethod must be Occurrences, Timeslices or RatioTimeslices/);
  });

  it("refuses fixed-range queries and says how to write them", () => {
    const indicator = ratio('sum(rate(req_total{code!~"5..",path=~"/a/[0-9]+"}[5m]))', "sum(rate(req_total[5m]))");
    const r = parseOpenSlo(slo({ indicator }));
    expect(r.errors.map((e) => `${e.document} ${e.kind} ${e.name}: ${e.message}`)).toEqual([
      "1 SLO api-availability: The good query has a fixed range [5m], so it only ever sees that last stretch of time. " +
        'Keel evaluates SLIs over every window from 5m to 30d: write $window where the range goes (here: sum(rate(req_total{code!~"5..",path=~"/a/[0-9]+"}[$window]))), or give a plain counter selector.',
      expect.stringMatching(/^1 SLO api-availability: The total query has a fixed range \[5m\].*\(here: sum\(rate\(req_total\[\$window\]\)\)\)/),
    ]);
  });

  it("refuses non-Prometheus sources, unknown refs, kinds and versions", () => {
    const dd = "      ratioMetric:\n        counter: true\n        good: { metricSource: { type: Datadog, spec: { query: 'a' } } }\n        total: { metricSource: { type: Datadog, spec: { query: 'b' } } }";
    expect(parseOpenSlo(slo({ indicator: dd })).errors[0].message).toMatch(/metric source type "Datadog" is not supported/);
    expect(onlyError(slo().replace(/  indicator:\n    spec:\n[\s\S]*?(?=  timeWindow)/, "  indicatorRef: nowhere\n"))).toMatch(/indicatorRef "nowhere": no SLI document/);
    expect(onlyError(SERVICE + slo({ api: "openslo/v1alpha" }))).toMatch(/^2 SLO api-availability: apiVersion must be openslo\/v1 \(found "openslo\/v1alpha"\)/);
    expect(onlyError("apiVersion: openslo/v1\nkind: Dashboard\nmetadata: { name: x }\nspec: {}\n")).toMatch(/^1 Dashboard x: kind must be one of SLO, SLI, Service, DataSource/);
    expect(onlyError(SERVICE + SERVICE)).toMatch(/^2 Service api: Another Service named "api" is in document 1/);
  });

  it("returns every document's errors, so nothing is half-imported", () => {
    const r = parseOpenSlo(slo({ name: "ok-one" }) + "---\n" + slo({ name: "bad-one", objectives: "    - target: 2" }));
    expect(r.errors.map((e) => [e.document, e.name])).toEqual([[2, "bad-one"]]);
    expect(r.errors.length).toBeGreaterThan(0);
  });
});
