import { describe, expect, it } from "vitest";
import { parseSloth } from "./sloth";

/** The example of Sloth's prometheus/v1 spec documentation (two SLOs of the Kubernetes API server). */
const APISERVER = `version: "prometheus/v1"
service: "k8s-apiserver"
labels:
  cluster: "valhalla"
  component: "kubernetes"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for Kubernetes apiserver HTTP request responses."
    sli:
      events:
        error_query: sum(rate(apiserver_request_total{code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(apiserver_request_total[{{.window}}]))
    alerting:
      name: K8sApiserverAvailabilityAlert
      labels:
        category: "availability"
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        labels:
          severity: warning
  - name: "requests-latency"
    objective: 99
    description: "Common SLO based on latency for Kubernetes apiserver HTTP request responses."
    labels:
      component: "apiserver"
    sli:
      events:
        error_query: |
          (
            sum(rate(apiserver_request_duration_seconds_count{verb!="WATCH"}[{{.window}}]))
            -
            sum(rate(apiserver_request_duration_seconds_bucket{le="0.4",verb!="WATCH"}[{{ .window }}]))
          )
        total_query: sum(rate(apiserver_request_duration_seconds_count{verb!="WATCH"}[{{.window}}]))
    alerting:
      name: K8sApiserverLatencyAlert
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        disable: true
`;

describe("parseSloth", () => {
  it("maps Sloth's documented example to ratio SLOs with a 30-day rolling window", () => {
    const r = parseSloth(APISERVER);
    expect(r.errors).toEqual([]);
    expect(r.services).toEqual(["k8s-apiserver"]);
    expect(r.slos).toEqual([
      {
        document: 1,
        definition: {
          name: "requests-availability",
          slug: "requests-availability",
          description: "Common SLO based on availability for Kubernetes apiserver HTTP request responses.",
          service: "k8s-apiserver",
          sli: { kind: "ratio", bad: 'sum(rate(apiserver_request_total{code=~"(5..|429)"}[$window]))', total: "sum(rate(apiserver_request_total[$window]))" },
          target: 0.999,
          window: { kind: "rolling", days: 30 },
          budgeting: { method: "occurrences" },
          labels: { cluster: "valhalla", component: "kubernetes" },
        },
      },
      {
        document: 1,
        definition: expect.objectContaining({
          slug: "requests-latency",
          target: 0.99,
          labels: { cluster: "valhalla", component: "apiserver" },
          sli: {
            kind: "ratio",
            bad:
              '(\n  sum(rate(apiserver_request_duration_seconds_count{verb!="WATCH"}[$window]))\n  -\n' +
              '  sum(rate(apiserver_request_duration_seconds_bucket{le="0.4",verb!="WATCH"}[$window]))\n)',
            total: 'sum(rate(apiserver_request_duration_seconds_count{verb!="WATCH"}[$window]))',
          },
        }),
      },
    ]);
    const notes = r.notes.map((n) => n.message);
    expect(notes).toContainEqual(expect.stringMatching(/^alerting is ignored/));
    expect(notes).toContainEqual(expect.stringMatching(/30-day rolling window, Sloth's default/));
  });

  it("reads multi-document files and Sloth's Kubernetes resource (camelCase keys)", () => {
    const k8s = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata: { name: sloth-slo-my-service, namespace: monitoring }
spec:
  service: "myservice"
  labels: { owner: "myteam", tier: 2 }
  slos:
    - name: "requests-availability"
      objective: 99.95
      sli:
        events:
          errorQuery: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
          totalQuery: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
`;
    const r = parseSloth(`${APISERVER}---\n${k8s}`);
    expect(r.errors).toEqual([]);
    expect(r.services).toEqual(["k8s-apiserver", "myservice"]);
    expect(r.slos[2]).toMatchObject({ document: 2, definition: { service: "myservice", target: 0.9995, labels: { owner: "myteam", tier: "2" }, description: "" } });
    expect(r.slos[2].definition.sli).toEqual({ kind: "ratio", bad: expect.stringContaining("[$window]"), total: expect.stringContaining("[$window]") });
  });

  it("imports into the given service when one is passed", () => {
    const r = parseSloth(APISERVER, "control-plane");
    expect(r.slos.map((s) => s.definition.service)).toEqual(["control-plane", "control-plane"]);
    expect(r.services).toEqual(["control-plane"]);
    expect(r.notes.map((n) => n.message)).toContainEqual('The spec\'s service "k8s-apiserver" is imported into "control-plane".');
  });

  const one = (slo: string, head = 'version: "prometheus/v1"\nservice: svc\n') => `${head}slos:\n${slo}`;
  const events = '    sli: { events: { error_query: "sum(rate(e[{{.window}}]))", total_query: "sum(rate(t[{{.window}}]))" } }\n';

  it("refuses raw error-ratio SLIs and plugins, naming the document and the SLO", () => {
    const raw = one('  - name: wifi\n    objective: 95\n    sli:\n      raw:\n        error_ratio_query: "1 - avg_over_time(x[{{.window}}])"\n');
    const r = parseSloth(`${one(`  - name: ok\n    objective: 99\n${events}`)}---\n${raw}`);
    expect(r.errors).toEqual([{ document: 2, kind: "SLO", name: "wifi", message: expect.stringMatching(/^sli\.raw \(error_ratio_query\) is not supported/) }]);
    const plugin = parseSloth(one('  - name: pp\n    objective: 99\n    sli: { plugin: { id: "sloth-common/availability" } }\n'));
    expect(plugin.errors[0].message).toMatch(/^sli\.plugin is not supported/);
  });

  it("checks objectives, names, queries and versions", () => {
    const err = (y: string, s?: string) => parseSloth(y, s).errors.map((e) => e.message);
    expect(err(one(`  - name: ab\n    objective: 100\n${events}`))).toEqual([expect.stringMatching(/^objective must be a percentage between 0 and 100 \(exclusive\)/)]);
    expect(err(one(`  - name: ab\n    objective: "99.9"\n${events}`))).toEqual([]);
    expect(err(one(`  - objective: 99\n${events}`))).toEqual(["name is required."]);
    expect(err(one('  - name: ab\n    objective: 99\n    sli: { events: { error_query: "sum(rate(e[5m]))", total_query: "t_total" } }\n'))).toEqual([
      expect.stringMatching(/fixed range \[5m\].*write \{\{\.window\}\} \(or \$window\) where the range goes \(here: sum\(rate\(e\[\$window\]\)\)\)/),
    ]);
    expect(err(one(`  - name: ab\n    objective: 99\n${events}`, "version: prometheus/v2\nservice: s\n"))).toEqual(['version must be "prometheus/v1" (found "prometheus/v2").']);
    expect(err(one(`  - name: ab\n    objective: 99\n${events}`, 'version: "prometheus/v1"\n'))).toEqual(["service is required."]);
    expect(err("apiVersion: openslo/v1\nkind: SLO\n")).toEqual(["This is an OpenSLO document: import it as OpenSLO, not as a Sloth spec."]);
    expect(err(one(`  - name: ab\n    objective: 99\n${events}  - name: ab\n    objective: 98\n${events}`))).toEqual([expect.stringMatching(/^Another SLO of service "svc" has the slug "ab"/)]);
  });

  it("reports invalid YAML with its line and column", () => {
    expect(parseSloth('version: "prometheus/v1"\nslos: [\n')).toEqual({
      slos: [],
      services: [],
      notes: [],
      errors: [{ document: 1, kind: "", name: "", message: expect.stringMatching(/^Invalid YAML at line 3, column 1: /) }],
    });
  });
});
