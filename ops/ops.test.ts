import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireBinary } from "@/test/fixtures/binaries";
import {
  read,
  run,
  parseRules,
  slug,
  headingAnchors,
  metricNames,
  exportedSeries,
  Dashboard,
  allPanels,
  dashboardQueries,
  withVariables,
} from "./ops-files";

/**
 * Checks Keel's operations files (ops/): the Prometheus rules and their unit tests, the example
 * Prometheus and Alertmanager configurations, the runbooks and the Grafana dashboard. The pure checks
 * run everywhere; those needing promtool (Debian package prometheus) or amtool (Debian package
 * prometheus-alertmanager) are skipped without them, except under CI=true.
 */

const OPS = path.dirname(fileURLToPath(import.meta.url));
const RULES = path.join(OPS, "prometheus/keel-rules.yml");
const RULES_TEST = path.join(OPS, "prometheus/keel-rules.test.yml");
const PROM_CONFIG = path.join(OPS, "prometheus/prometheus.example.yml");
const AM_CONFIG = path.join(OPS, "alertmanager.example.yml");
const RUNBOOKS = path.join(OPS, "runbooks.md");
const DASHBOARD = path.join(OPS, "grafana/keel-dashboard.json");

const RUNBOOK_BASE = "https://github.com/keel-sre/keel/blob/main/ops/runbooks.md#";
const WEBHOOK_URL = "http://keel.example/api/v1/integrations/alertmanager";
const SEVERITIES = new Set(["critical", "warning", "info"]);
/** Alerts Keel's operators rely on; the rules file may add more, never drop these. */
const REQUIRED_ALERTS = ["KeelHighErrorRate", "KeelHighLatencyP95", "KeelDbPoolSaturated", "KeelTargetDown"];
/** Series Prometheus itself writes for every scrape target. */
const SCRAPE_SERIES = new Set(["up"]);


const rules = parseRules(read(RULES));
const alerts = rules.filter((r) => r.kind === "alert");
const recorded = new Set(rules.filter((r) => r.kind === "record").map((r) => r.name));
const dashboard = JSON.parse(read(DASHBOARD)) as Dashboard;

// ---------------------------------------------------------------------------------------------
// Pure checks: run everywhere.
// ---------------------------------------------------------------------------------------------

describe("ops: the PromQL reader used by these tests", () => {
  it("finds selected metrics, not functions, labels, keywords or durations", () => {
    expect(
      metricNames(
        'sum by (job, le) (rate(keel_x_bucket{route!~"/_next|a(b)"}[5m])) / on (job) group_left ignoring(le) keel:y:rate5m > 0.5 and absent(up{job="keel"}) offset 1d',
      ),
    ).toEqual(["keel_x_bucket", "keel:y:rate5m", "up"]);
  });

  it("reads Keel's rules file shape", () => {
    const parsed = parseRules(
      [
        "groups:",
        "  - name: g",
        "    rules:",
        "      - record: a:b:rate5m",
        "        expr: sum(rate(x[5m]))",
        "      - alert: A",
        "        expr: |",
        "          a:b:rate5m",
        "          > 1",
        "        for: 5m",
        "        labels:",
        "          severity: warning",
        "        annotations:",
        "          summary: 'it''s {{ $value }}'",
        '          runbook_url: "https://x/#a"',
      ].join("\n"),
    );
    expect(parsed).toEqual([
      { kind: "record", name: "a:b:rate5m", expr: "sum(rate(x[5m]))", labels: {}, annotations: {} },
      { kind: "alert", name: "A", expr: "a:b:rate5m\n> 1", labels: { severity: "warning" }, annotations: { summary: "it's {{ $value }}", runbook_url: "https://x/#a" } },
    ]);
  });
});

describe("ops: alerting rules and runbooks", () => {
  it("defines the alerts Keel's operators rely on", () => {
    expect(alerts.map((a) => a.name)).toEqual(expect.arrayContaining(REQUIRED_ALERTS));
    expect(new Set(alerts.map((a) => a.name)).size).toBe(alerts.length);
  });

  it.each(alerts.map((a) => [a.name, a] as const))("%s has a severity, a summary and a description", (_, alert) => {
    expect(SEVERITIES).toContain(alert.labels.severity);
    expect(alert.annotations.summary?.length).toBeGreaterThan(10);
    expect(alert.annotations.description?.length).toBeGreaterThan(20);
  });

  const anchors = headingAnchors(read(RUNBOOKS));
  it.each(alerts.map((a) => [a.name, a] as const))("%s links to its own section of ops/runbooks.md", (name, alert) => {
    const url = alert.annotations.runbook_url ?? "";
    expect(url.startsWith(RUNBOOK_BASE), url).toBe(true);
    const anchor = url.slice(RUNBOOK_BASE.length);
    expect(anchor).toBe(slug(name));
    expect(anchors, `no heading "${name}" in ops/runbooks.md`).toContain(anchor);
  });

  it("has no runbook section for an alert that does not exist", () => {
    const sections = [...read(RUNBOOKS).matchAll(/^## (Keel\w+)\s*$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual(alerts.map((a) => a.name).sort());
  });

  it.each(alerts.map((a) => [a.name] as const))("%s is unit-tested both firing and not firing", (name) => {
    // keel-rules.test.yml writes `alertname:` directly above `exp_alerts:`.
    const cases = [...read(RULES_TEST).matchAll(/alertname:\s*(\w+)\s*\n\s*exp_alerts:\s*(\[\])?/g)].filter((m) => m[1] === name);
    expect(cases.some((m) => !m[2]), "no test where it fires").toBe(true);
    expect(cases.some((m) => m[2]), "no test where it stays quiet").toBe(true);
  });
});

describe("ops: metric names", () => {
  let exported: Set<string>;
  beforeAll(async () => {
    exported = await exportedSeries();
  });

  it("knows Keel's exported series", () => {
    for (const name of ["keel_http_requests_total", "keel_http_request_duration_seconds_bucket", "keel_db_pool_connections_in_use", "keel_login_attempts_total", "keel_process_cpu_seconds_total"]) {
      expect(exported).toContain(name);
    }
  });

  it("rules select only series Keel exports, Prometheus writes, or the rules record", () => {
    for (const rule of rules) {
      const names = metricNames(rule.expr);
      expect(names.length, `${rule.name} selects no metric`).toBeGreaterThan(0);
      for (const n of names) {
        expect(exported.has(n) || recorded.has(n) || SCRAPE_SERIES.has(n), `${rule.name}: unknown metric ${n}`).toBe(true);
      }
    }
  });

  it("every dashboard query selects only series Keel exports, Prometheus writes, or the rules record", () => {
    const queries = dashboardQueries(dashboard);
    expect(queries.length).toBeGreaterThan(5);
    for (const { panel, expr } of queries) {
      const names = metricNames(expr);
      expect(names.length, `"${panel}" selects no metric: ${expr}`).toBeGreaterThan(0);
      for (const n of names) {
        expect(exported.has(n) || recorded.has(n) || SCRAPE_SERIES.has(n), `"${panel}": unknown metric ${n}`).toBe(true);
      }
    }
  });
});

describe("ops: Grafana dashboard", () => {
  const DS_UID = "${DS_PROMETHEUS}";

  it("is a dashboard Grafana imports as is, with its Prometheus data source as a variable", () => {
    expect(dashboard.title).toBeTruthy();
    expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ds = dashboard.templating.list.find((v) => v.name === "DS_PROMETHEUS");
    expect(ds).toMatchObject({ type: "datasource", query: "prometheus" });
  });

  it("queries its data source variable in every panel, target and query variable", () => {
    for (const p of allPanels(dashboard).filter((p) => p.type !== "row")) {
      expect(p.datasource?.uid, p.title).toBe(DS_UID);
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) expect(t.datasource?.uid, p.title).toBe(DS_UID);
      expect(new Set(p.targets?.map((t) => t.refId)).size, `${p.title}: duplicate refId`).toBe(p.targets?.length);
    }
    for (const v of dashboard.templating.list.filter((v) => v.type === "query")) expect(v.datasource?.uid, v.name).toBe(DS_UID);
  });

  it("uses only variables it defines", () => {
    const defined = new Set(dashboard.templating.list.map((v) => v.name));
    for (const { panel, expr } of dashboardQueries(dashboard)) {
      for (const m of expr.matchAll(/\$(\w+)/g)) {
        if (m[1].startsWith("__")) continue; // Grafana's own ($__rate_interval ...)
        expect(defined, `"${panel}" uses undefined $${m[1]}`).toContain(m[1]);
      }
    }
  });

  it("has unique panel ids and a layout inside the 24-column grid", () => {
    const panels = allPanels(dashboard);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      expect(p.gridPos.w * p.gridPos.h, p.title).toBeGreaterThan(0);
    }
  });

  it("shows request rate by route, p95 latency, error rate, DB pool in use vs max and sign-ins", () => {
    const panels = allPanels(dashboard).map((p) => (p.targets ?? []).map((t) => t.expr ?? "").join("\n"));
    const some = (test: (exprs: string) => boolean) => panels.some(test);
    expect(some((e) => /sum by \(route\) \(rate\(keel_http_requests_total\{/.test(e))).toBe(true);
    expect(some((e) => /histogram_quantile\(0\.95,[^\n]*keel_http_request_duration_seconds_bucket/.test(e))).toBe(true);
    expect(some((e) => /status_class="5xx"[^\n]*\/[^\n]*keel_http_requests_total/.test(e))).toBe(true);
    expect(some((e) => e.includes("keel_db_pool_connections_in_use") && e.includes("keel_db_pool_connections_max"))).toBe(true);
    expect(some((e) => /keel_login_attempts_total/.test(e) && /by \(result\)/.test(e))).toBe(true);
  });
});

describe("ops: example configurations", () => {
  it("scrapes Keel as job keel on /api/metrics with a bearer token from a file", () => {
    const config = read(PROM_CONFIG);
    expect(config).toMatch(/- job_name: keel\n\s+metrics_path: \/api\/metrics\n/);
    expect(config).toMatch(/authorization:\n\s+type: Bearer\n\s+credentials_file: \S+/);
    expect(config).toMatch(/rule_files:\n\s+- keel-rules\.yml\n/);
  });

  it("sends alerts to Keel's Alertmanager endpoint with a bearer token", () => {
    const config = read(AM_CONFIG);
    expect(config).toContain(`url: ${WEBHOOK_URL}\n`);
    expect(config).toMatch(/authorization:\n\s+type: Bearer\n\s+credentials_file: \S+/);
  });
});

// ---------------------------------------------------------------------------------------------
// promtool (Debian package prometheus).
// ---------------------------------------------------------------------------------------------

const promtool = requireBinary("promtool", "prometheus");

describe.skipIf(!promtool.path)("ops: promtool", () => {
  const bin = promtool.path!;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "keel-ops-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts the rules (lint included) and finds every rule this test reads", () => {
    const r = run(bin, ["check", "rules", "--lint=all", "--lint-fatal", RULES]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`SUCCESS: ${rules.length} rules found`);
  });

  it("passes the rules' unit tests", () => {
    const r = run(bin, ["test", "rules", RULES_TEST]);
    expect(r.status, r.output).toBe(0);
  });

  it("accepts the example Prometheus configuration with its rules and token file", () => {
    copyFileSync(PROM_CONFIG, path.join(dir, "prometheus.yml"));
    copyFileSync(RULES, path.join(dir, "keel-rules.yml"));
    const token = /credentials_file: (\S+)/.exec(read(PROM_CONFIG))![1];
    expect(path.isAbsolute(token), "the example keeps the token file beside the configuration").toBe(false);
    writeFileSync(path.join(dir, token), "example-metrics-token\n");
    const r = run(bin, ["check", "config", "prometheus.yml"], dir);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS: 1 rule files found");
  });

  it("parses every dashboard query", () => {
    const queries = dashboardQueries(dashboard);
    const file = path.join(dir, "dashboard-queries.yml");
    const lines = ["groups:", "  - name: dashboard", "    rules:"];
    queries.forEach(({ expr }, i) => lines.push(`      - record: dashboard:query_${i}`, `        expr: ${JSON.stringify(withVariables(expr))}`));
    writeFileSync(file, lines.join("\n") + "\n");
    const r = run(bin, ["check", "rules", "--lint=none", file]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`SUCCESS: ${queries.length} rules found`);
  });
});

// ---------------------------------------------------------------------------------------------
// amtool (Debian package prometheus-alertmanager).
// ---------------------------------------------------------------------------------------------

const amtool = requireBinary("amtool", "prometheus-alertmanager");

describe.skipIf(!amtool.path)("ops: amtool", () => {
  const bin = amtool.path!;

  it("accepts the example Alertmanager configuration", () => {
    const r = run(bin, ["check-config", AM_CONFIG]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain("SUCCESS");
  });

  it.each(alerts.map((a) => [a.name, a.labels.severity] as const))("routes %s (%s) to Keel", (name, severity) => {
    const r = run(bin, ["config", "routes", "test", `--config.file=${AM_CONFIG}`, "--verify.receivers=keel", `alertname=${name}`, `severity=${severity}`, "job=keel"]);
    expect(r.status, r.output).toBe(0);
  });
});
