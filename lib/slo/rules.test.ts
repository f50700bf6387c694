import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMetricsText, requirePrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import { selector } from "@/lib/prometheus/escape";
import { startPrometheus } from "@/scripts/prometheus/runner";
import type { SloDefinition } from "./definition";
import { recordedSeriesQuery, ruleFileYaml, sloRuleGroups, type AlertingRule, type RecordingRule, type RuleFile, type SloForRules } from "./rules";

const prom = requirePrometheus();
const run = promisify(execFile);
const KEEL = "https://keel.example.com";

function def(over: Partial<SloDefinition> & Pick<SloDefinition, "slug" | "service" | "sli">): SloDefinition {
  return { name: over.slug, description: "", target: 0.999, window: { kind: "rolling", days: 30 }, budgeting: { method: "occurrences" }, labels: {}, ...over };
}

// Two ratio SLOs over the same checkout traffic (bad form and good form), one with hostile text in
// every field a user controls: quotes and backslashes (PromQL escaping) and `{{` (Go templates).
const CHECKOUT = 'http_requests_total{service="checkout"}';
const A: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000a",
  definition: def({
    name: "Checkout availability",
    slug: "availability",
    service: "checkout",
    sli: { kind: "ratio", bad: 'http_requests_total{service="checkout",code=~"5.."}', total: CHECKOUT },
    labels: { team: "payments" },
  }),
};
const WEIRD_SERVICE = 'we"ird\\{{ svc }}';
const B: SloForRules = {
  id: 'weird-"id"\\2',
  definition: def({
    name: 'Orders {{ .Labels }} "EU"',
    slug: "orders-eu",
    service: WEIRD_SERVICE,
    sli: { kind: "ratio", good: 'sum(rate(http_requests_total{service="checkout",code!~"5.."}[$window]))', total: CHECKOUT },
  }),
};
const LATENCY: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000c",
  definition: def({
    name: "Search latency",
    slug: "latency",
    service: "search",
    target: 0.995,
    window: { kind: "calendar", unit: "quarter", timeZone: "Europe/Berlin" },
    sli: { kind: "latency", metric: "http_request_duration_seconds", selector: '{service="search"}', thresholdSeconds: 0.5 },
  }),
};
const INCIDENTS: SloForRules = {
  id: "0b6f3c2e-5d1a-4c8e-9f00-00000000000d",
  definition: def({ slug: "no-sev1", service: "checkout", sli: { kind: "incidents", minSeverity: 1 } }),
};
const ALL = [LATENCY, INCIDENTS, B, A];

const WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"];
const META = ["slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio"];
/** Recording (7 burn windows + period + 6 metadata) and alerting (page, ticket, no data) rules per SLO. */
const RULES_PER_SLO = WINDOWS.length + 1 + META.length + 3;

const group = (file: RuleFile, name: string) => {
  const g = file.groups.find((x) => x.name === name);
  if (!g) throw new Error(`no group ${name} in ${file.groups.map((x) => x.name).join(", ")}`);
  return g;
};
const recording = (file: RuleFile, groupName: string, record: string) => group(file, groupName).rules.find((r): r is RecordingRule => "record" in r && r.record === record)!;
const alerting = (file: RuleFile, groupName: string, alert: string) => group(file, groupName).rules.find((r): r is AlertingRule => "alert" in r && r.alert === alert)!;

describe("sloRuleGroups", () => {
  const file = sloRuleGroups(ALL, { keelUrl: `${KEEL}/` });

  it("writes one recording and one alert group per SLO, in a stable order whatever the input order", () => {
    expect(file.groups.map((g) => g.name)).toEqual([
      "keel-slo-checkout-availability-recordings",
      "keel-slo-checkout-availability-alerts",
      "keel-slo-search-latency-recordings",
      "keel-slo-search-latency-alerts",
      `keel-slo-${WEIRD_SERVICE}-orders-eu-recordings`,
      `keel-slo-${WEIRD_SERVICE}-orders-eu-alerts`,
    ]);
    const yaml = ruleFileYaml(ALL, { keelUrl: KEEL });
    expect(ruleFileYaml([A, B, INCIDENTS, LATENCY], { keelUrl: KEEL })).toBe(yaml);
    expect(ruleFileYaml([...ALL].reverse(), { keelUrl: KEEL })).toBe(yaml);
    // The YAML is exactly the structure, comments aside.
    expect(parse(yaml)).toEqual(file);
  });

  it("records Sloth's series names with Keel's and Sloth's identity labels", () => {
    const g = group(file, "keel-slo-checkout-availability-recordings");
    expect(g.rules.map((r) => ("record" in r ? r.record : r.alert))).toEqual([...WINDOWS.map((w) => `slo:sli_error:ratio_rate${w}`), "slo:sli_error:ratio_rate30d", ...META]);
    const identity = { slo_id: A.id, slo_name: "availability", slo_service: "checkout", sloth_id: "checkout-availability", sloth_service: "checkout", sloth_slo: "availability" };
    expect(recording(file, g.name, "slo:sli_error:ratio_rate1h").labels).toEqual({ ...identity, sloth_window: "1h" });
    expect(recording(file, g.name, "slo:objective:ratio")).toEqual({ record: "slo:objective:ratio", expr: "vector(0.999)", labels: identity });
    expect(recording(file, g.name, "slo:time_period:days").expr).toBe("vector(30)");
    // A calendar quarter is recorded over 90 days.
    const latency = group(file, "keel-slo-search-latency-recordings");
    expect(latency.rules.map((r) => ("record" in r ? r.record : ""))).toContain("slo:sli_error:ratio_rate90d");
    expect(recording(file, latency.name, "slo:time_period:days").expr).toBe("vector(90)");
    expect(recording(file, latency.name, "slo:period_burn_rate:ratio").expr).toContain("slo:sli_error:ratio_rate90d{");
  });

  it("divides errors by total for each SLI form", () => {
    const total5m = 'sum(rate(http_requests_total{service="checkout"}[5m]))';
    // Bad form: a bad query with no series (no error yet) counts as zero errors where there is traffic.
    expect(recording(file, "keel-slo-checkout-availability-recordings", "slo:sli_error:ratio_rate5m").expr).toBe(
      `((sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m]))) or ((${total5m}) * 0))\n/\n(${total5m})`,
    );
    // Good form: errors are total − good.
    expect(recording(file, `keel-slo-${WEIRD_SERVICE}-orders-eu-recordings`, "slo:sli_error:ratio_rate30d").expr).toBe(
      `((${total5m.replace("5m", "30d")}) - ((sum(rate(http_requests_total{service="checkout",code!~"5.."}[30d]))) or ((${total5m.replace("5m", "30d")}) * 0)))\n/\n(${total5m.replace("5m", "30d")})`,
    );
    // Latency: requests slower than the threshold bucket over all requests.
    const count = 'sum(rate(http_request_duration_seconds_count{service="search"}[6h]))';
    expect(recording(file, "keel-slo-search-latency-recordings", "slo:sli_error:ratio_rate6h").expr).toBe(
      `((${count}) - (sum(rate(http_request_duration_seconds_bucket{service="search",le="0.5"}[6h]))))\n/\n(${count})`,
    );
  });

  it("escapes label values in PromQL and in alert templates, and keeps them raw in labels", () => {
    const rec = group(file, `keel-slo-${WEIRD_SERVICE}-orders-eu-recordings`);
    const burn = recording(file, rec.name, "slo:current_burn_rate:ratio");
    expect(burn.expr).toBe('slo:sli_error:ratio_rate5m{slo_id="weird-\\"id\\"\\\\2"} / on(slo_id) group_left\nslo:error_budget:ratio{slo_id="weird-\\"id\\"\\\\2"}');
    expect(burn.labels).toMatchObject({ slo_id: B.id, slo_service: WEIRD_SERVICE, sloth_id: `${WEIRD_SERVICE}-orders-eu` });
    const page = alerting(file, `keel-slo-${WEIRD_SERVICE}-orders-eu-alerts`, "KeelSLOErrorBudgetBurnPage");
    expect(page.expr).toContain('slo:sli_error:ratio_rate1h{slo_id="weird-\\"id\\"\\\\2"} >');
    // Alert labels and annotations are Go templates: `{{` is written as a template printing it.
    expect(page.labels.service).toBe('we"ird\\{{ "{{" }} svc }}');
    expect(page.annotations.summary).toContain('"Orders {{ "{{" }} .Labels }} "EU""');
    expect(page.annotations.runbook_url).toBe(`${KEEL}/slos/weird-%22id%22%5C2`);
    expect(recordedSeriesQuery(B.id, "30d")).toBe('slo:sli_error:ratio_rate30d{slo_id="weird-\\"id\\"\\\\2"}');
    expect(recordedSeriesQuery(A.id, "5m")).toBe(`slo:sli_error:ratio_rate5m{slo_id="${A.id}"}`);
    expect(() => recordedSeriesQuery(A.id, "2d" as never)).toThrow(/2d/);
  });

  it("skips incident-based SLIs and names them in a comment", () => {
    expect(JSON.stringify(file)).not.toContain(INCIDENTS.id);
    const yaml = ruleFileYaml(ALL, { keelUrl: KEEL });
    expect(yaml).toMatch(new RegExp(`^#.*checkout/no-sev1 \\(${INCIDENTS.id}\\)$`, "m"));
    expect(yaml).toMatch(/^\s*# Calendar quarter \(Europe\/Berlin\): recorded over 90d/m);
    expect(sloRuleGroups([INCIDENTS], { keelUrl: KEEL })).toEqual({ groups: [] });
  });

  it("sets burn-rate thresholds at factor × (1 − target), per the SRE workbook", () => {
    const workbook = { page: [["1h", "5m", 14.4], ["6h", "30m", 6]], ticket: [["1d", "2h", 3], ["3d", "6h", 1]] } as const;
    for (const [slo, base, shown] of [[A, "keel-slo-checkout-availability", "99.9%"], [LATENCY, "keel-slo-search-latency", "99.5%"]] as const) {
      for (const severity of ["page", "ticket"] as const) {
        const rule = alerting(file, `${base}-alerts`, severity === "page" ? "KeelSLOErrorBudgetBurnPage" : "KeelSLOErrorBudgetBurnTicket");
        const found = [...rule.expr.matchAll(/slo:sli_error:ratio_rate(\w+)\{slo_id="([^"]+)"\} > ([0-9.e+-]+)\)/g)].map((m) => {
          expect(m[2]).toBe(slo.id);
          return [m[1], Number(m[3])] as const;
        });
        const expected = workbook[severity].flatMap(([long, short, factor]): [string, number][] => [
          [long, factor * (1 - slo.definition.target)],
          [short, factor * (1 - slo.definition.target)],
        ]);
        expect(found.map(([w]) => w)).toEqual(expected.map(([w]) => w));
        found.forEach(([, v], i) => expect(Math.abs(v - expected[i][1]) / expected[i][1]).toBeLessThan(1e-9));
        expect(rule.labels).toMatchObject({ severity, slo_id: slo.id, slo_name: slo.definition.slug, service: slo.definition.service });
        expect(rule.annotations).toMatchObject({ runbook_url: `${KEEL}/slos/${slo.id}`, dashboard: `${KEEL}/slos/${slo.id}` });
        expect(rule.annotations.description).toContain("{{ $value | humanizePercentage }}");
      }
      expect(alerting(file, `${base}-alerts`, "KeelSLOErrorBudgetBurnPage").annotations.summary).toContain(`target ${shown}`);
    }
    expect(alerting(file, "keel-slo-checkout-availability-alerts", "KeelSLOErrorBudgetBurnPage").for).toBe("2m");
    expect(alerting(file, "keel-slo-checkout-availability-alerts", "KeelSLOErrorBudgetBurnTicket").for).toBe("15m");
    expect(alerting(file, "keel-slo-checkout-availability-alerts", "KeelSLONoData")).toMatchObject({
      expr: `absent_over_time(slo:sli_error:ratio_rate5m{slo_id="${A.id}"}[30m])`,
      labels: { severity: "ticket", team: "payments" },
    });
  });

  it("takes the alerts' `for` from the options", () => {
    const f = sloRuleGroups([A], { keelUrl: KEEL, for: { page: "0s", ticket: "1h30m" } });
    expect(alerting(f, "keel-slo-checkout-availability-alerts", "KeelSLOErrorBudgetBurnPage").for).toBeUndefined();
    expect(alerting(f, "keel-slo-checkout-availability-alerts", "KeelSLOErrorBudgetBurnTicket").for).toBe("1h30m");
    expect(() => sloRuleGroups([A], { keelUrl: KEEL, for: { page: "soon" } })).toThrow(/page/);
  });
});

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "keel-slo-rules-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function promtool(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(prom.promtoolPath!, args);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe.skipIf(!prom.path)("the rule file in promtool", () => {
  it("passes `promtool check rules`", async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, "rules.yml"), ruleFileYaml(ALL, { keelUrl: KEEL }));
      const { code, out } = await promtool(["check", "rules", path.join(dir, "rules.yml")]);
      expect(out).toContain(`SUCCESS: ${3 * RULES_PER_SLO} rules found`);
      expect(code, out).toBe(0);
    });
  });

  /**
   * `promtool test rules` with the default `for` durations: one-minute samples of checkout traffic,
   * 1000 requests a minute, errors per minute as each case says. Expected error ratios are summed
   * here from those per-minute counts.
   */
  it("fires the page and ticket alerts exactly when the workbook says, and no-data when the metrics vanish", async () => {
    const PER_MINUTE = 1000;
    const input = (minutes: number, errorsAt: (m: number) => number) => {
      let ok = 0;
      let bad = 0;
      const okValues = [0];
      const badValues = [0];
      for (let m = 1; m <= minutes; m++) {
        bad += errorsAt(m);
        ok += PER_MINUTE - errorsAt(m);
        okValues.push(ok);
        badValues.push(bad);
      }
      return [
        { series: 'http_requests_total{service="checkout",code="200"}', values: okValues.join(" ") },
        { series: 'http_requests_total{service="checkout",code="500"}', values: badValues.join(" ") },
      ];
    };
    /** Error ratio over minutes (from, to], as the recorded series sees it when every sample is in range. */
    const ratio = (errorsAt: (m: number) => number, from: number, to: number) => {
      let e = 0;
      for (let m = Math.max(from, 0) + 1; m <= to; m++) e += errorsAt(m);
      return e / (PER_MINUTE * (to - Math.max(from, 0)));
    };
    /** Prometheus's humanizePercentage: %.4g of the percentage. */
    const pct = (r: number) => `${Number((r * 100).toPrecision(4))}%`;

    const file = sloRuleGroups([A, B, INCIDENTS], { keelUrl: KEEL });
    const template = (slo: SloForRules, alert: string) =>
      alerting(file, `keel-slo-${slo.definition.service}-${slo.definition.slug}-alerts`, alert).annotations;
    const expected = (alert: string, severity: string, value: number | null) =>
      [A, B].map((slo) => {
        const d = slo.definition;
        const isNoData = alert === "KeelSLONoData";
        const summary = `SLO "${d.name}" of ${d.service} (target 99.9%, 30 days, rolling) ${
          isNoData ? "has no data" : severity === "page" ? "is burning its error budget fast" : "is burning its error budget steadily"
        }`;
        return {
          exp_labels: {
            severity,
            slo_id: slo.id,
            slo_name: d.slug,
            service: d.service,
            ...d.labels,
            // From the recorded series (the no-data alert only has the slo_id its selector names).
            ...(isNoData ? {} : { slo_service: d.service, sloth_id: `${d.service}-${d.slug}`, sloth_service: d.service, sloth_slo: d.slug, sloth_severity: severity }),
          },
          exp_annotations: {
            ...template(slo, alert),
            summary,
            ...(value === null ? {} : { description: template(slo, alert).description.replace("{{ $value | humanizePercentage }}", pct(value)) }),
          },
        };
      });

    // Three clean hours first, so the 6h ratio of an hour-long burn stays under 6× (0.6 %).
    const fast = (m: number) => (m > 180 ? 20 : 0); // 2 % errors (20× budget) from minute 180 on
    const blip = (m: number) => (m > 180 && m <= 235 ? 20 : 0); // the same, stopped after 55 minutes
    const under14 = (m: number) => (m > 180 ? 13 : 0); // 1.3 % for an hour: 13× budget
    const steady7 = () => 7; // 0.7 % all along: 7× budget
    const steady5 = () => 5; // 0.5 % all along: 5× budget
    const page = "KeelSLOErrorBudgetBurnPage";
    const ticket = "KeelSLOErrorBudgetBurnTicket";
    const tests = [
      {
        name: "fast burn: pages once the 1h window is over 14.4×, not before",
        interval: "1m",
        input_series: input(240, fast),
        alert_rule_test: [
          { eval_time: "170m", alertname: page, exp_alerts: [] },
          // Twenty minutes in, the 1h ratio is 0.67 %: too short a blip to page.
          { eval_time: "200m", alertname: page, exp_alerts: [] },
          { eval_time: "240m", alertname: page, exp_alerts: expected(page, "page", ratio(fast, 180, 240)) },
        ],
      },
      {
        name: "the short window resolves the page once the burn stops",
        interval: "1m",
        input_series: input(245, blip),
        alert_rule_test: [
          { eval_time: "235m", alertname: page, exp_alerts: expected(page, "page", ratio(blip, 175, 235)) },
          // The 1h ratio is still 1.67 % (> 1.44 %) but the last 5 minutes were clean.
          { eval_time: "245m", alertname: page, exp_alerts: [] },
        ],
      },
      {
        name: "13× for an hour does not page",
        interval: "1m",
        input_series: input(240, under14),
        alert_rule_test: [{ eval_time: "240m", alertname: page, exp_alerts: [] }],
      },
      {
        name: "7× for an hour pages through the 6h/30m pair",
        interval: "1m",
        input_series: input(60, steady7),
        alert_rule_test: [{ eval_time: "60m", alertname: page, exp_alerts: expected(page, "page", ratio(steady7, 0, 60)) }],
      },
      {
        name: "5× for an hour does not page but opens a ticket through the 1d/2h pair (after 15m)",
        interval: "1m",
        input_series: input(60, steady5),
        alert_rule_test: [
          { eval_time: "60m", alertname: page, exp_alerts: [] },
          { eval_time: "10m", alertname: ticket, exp_alerts: [] },
          { eval_time: "60m", alertname: ticket, exp_alerts: expected(ticket, "ticket", ratio(steady5, 0, 60)) },
        ],
      },
      {
        name: "no error series yet (no 5xx ever): the error ratio is 0, not missing, and there is no no-data alert",
        interval: "1m",
        input_series: input(30, () => 0).slice(0, 1),
        promql_expr_test: [
          {
            expr: "slo:sli_error:ratio_rate5m",
            eval_time: "30m",
            exp_samples: [A, B].map((slo) => ({
              labels: `slo:sli_error:ratio_rate5m${selector({
                slo_id: slo.id,
                slo_name: slo.definition.slug,
                slo_service: slo.definition.service,
                sloth_id: `${slo.definition.service}-${slo.definition.slug}`,
                sloth_service: slo.definition.service,
                sloth_slo: slo.definition.slug,
                sloth_window: "5m",
              })}`,
              value: 0,
            })),
          },
        ],
        alert_rule_test: [{ eval_time: "30m", alertname: "KeelSLONoData", exp_alerts: [] }],
      },
      {
        name: "no data once the metrics are gone for 30 minutes (plus `for`)",
        interval: "1m",
        input_series: input(60, () => 0),
        alert_rule_test: [
          { eval_time: "60m", alertname: "KeelSLONoData", exp_alerts: [] },
          { eval_time: "90m", alertname: "KeelSLONoData", exp_alerts: [] },
          { eval_time: "110m", alertname: "KeelSLONoData", exp_alerts: expected("KeelSLONoData", "ticket", null) },
        ],
      },
    ];

    // One promtool per case, all at once: each replays hours of one-minute evaluations.
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, "rules.yml"), ruleFileYaml([A, B, INCIDENTS], { keelUrl: KEEL }));
      const results = await Promise.all(
        tests.map(async (t, i) => {
          const file = path.join(dir, `tests-${i}.yml`);
          await writeFile(file, stringify({ rule_files: ["rules.yml"], evaluation_interval: "1m", tests: [t] }, { lineWidth: 0 }));
          return { name: t.name, ...(await promtool(["test", "rules", file])) };
        }),
      );
      for (const r of results) {
        expect(r.code, `${r.name}:\n${r.out}`).toBe(0);
        expect(r.out).toMatch(/SUCCESS/);
      }
    });
  });
});

/**
 * The rule file loaded into a real Prometheus (rules evaluated every second, alerts without `for`),
 * over backfilled checkout traffic whose last 90 minutes ran at 10 % errors.
 */
describe.skipIf(!prom.path)("the rule file in a real Prometheus", () => {
  let p: RunningPrometheus;
  let dir: string;
  const STEP = 15;
  const NOW = Math.floor(Date.now() / 1000 / STEP) * STEP;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keel-slo-rules-"));
    const ok: [number, number][] = [];
    const bad: [number, number][] = [];
    let o = 0;
    let b = 0;
    for (let t = NOW - 3 * 3600; t <= NOW; t += STEP) {
      ok.push([t, o]);
      bad.push([t, b]);
      const errors = t >= NOW - 90 * 60 ? 25 : 0; // 250 requests per 15 s; 10 % errors
      o += 250 - errors;
      b += errors;
    }
    const rules = path.join(dir, "rules.yml");
    await writeFile(rules, ruleFileYaml([A, B, INCIDENTS], { keelUrl: KEEL, for: { page: "0s", ticket: "0s", noData: "0s" } }));
    p = await startPrometheus({
      binaries: { prometheus: prom.path!, promtool: prom.promtoolPath! },
      openMetrics: openMetricsText([
        { name: "http_requests", type: "counter", labels: { service: "checkout", code: "200" }, samples: ok },
        { name: "http_requests", type: "counter", labels: { service: "checkout", code: "500" }, samples: bad },
      ]),
      evaluationInterval: "1s",
      ruleFiles: [rules],
    });
  }, 60_000);
  afterAll(async () => {
    await p?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function api<T>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${p.url}${pathAndQuery}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== "success") throw new Error(`${pathAndQuery}: ${body.error}`);
    return body.data;
  }
  async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const v = await fn();
        if (v !== undefined) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ""}\n${p.logTail()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  type Sample = { metric: Record<string, string>; value: [number, string] };
  const query = (q: string) => api<{ result: Sample[] }>(`/api/v1/query?query=${encodeURIComponent(q)}`).then((d) => d.result);

  it("loads every rule, evaluates them without errors and fires the page alert", async () => {
    type Rules = { groups: { name: string; rules: { name: string; health: string; lastError?: string; lastEvaluation: string }[] }[] };
    const groups = await eventually("every rule evaluated", async () => {
      const d = await api<Rules>("/api/v1/rules");
      const all = d.groups.flatMap((g) => g.rules);
      return all.length > 0 && all.every((r) => !r.lastEvaluation.startsWith("0001")) ? d.groups : undefined;
    });
    expect(groups.map((g) => g.name).sort()).toEqual(
      ["keel-slo-checkout-availability-alerts", "keel-slo-checkout-availability-recordings", `keel-slo-${WEIRD_SERVICE}-orders-eu-alerts`, `keel-slo-${WEIRD_SERVICE}-orders-eu-recordings`].sort(),
    );
    const rules = groups.flatMap((g) => g.rules);
    expect(rules).toHaveLength(2 * RULES_PER_SLO);
    for (const r of rules) expect({ rule: r.name, health: r.health, error: r.lastError ?? "" }).toEqual({ rule: r.name, health: "ok", error: "" });

    // The recorded 1h error ratio at "now": the last 90 minutes ran at exactly 10 % errors.
    for (const slo of [A, B]) {
      const [s, ...rest] = await eventually("the recorded 1h ratio", async () => {
        const r = await query(recordedSeriesQuery(slo.id, "1h"));
        return r.length ? r : undefined;
      });
      expect(rest).toEqual([]);
      expect(Number(s.value[1])).toBeCloseTo(0.1, 9);
      expect(s.metric).toMatchObject({ slo_id: slo.id, sloth_service: slo.definition.service, sloth_window: "1h" });
    }
    const [remaining] = await query(`slo:period_error_budget_remaining:ratio{slo_id=${JSON.stringify(A.id)}}`);
    // 90 minutes at 10 % in 3 hours of history: 5 % errors against a 0.1 % budget.
    expect(Number(remaining.value[1])).toBeCloseTo(1 - 0.05 / 0.001, 6);

    const firing = await eventually("both page alerts firing", async () => {
      const r = await query('ALERTS{alertname="KeelSLOErrorBudgetBurnPage",alertstate="firing"}');
      return r.length === 2 ? r : undefined;
    });
    const bySlo = Object.fromEntries(firing.map((s) => [s.metric.slo_id, s.metric]));
    expect(bySlo[A.id]).toMatchObject({ severity: "page", sloth_severity: "page", slo_name: "availability", service: "checkout", team: "payments" });
    // The label went through Prometheus's template expansion and came out as written.
    expect(bySlo[B.id]).toMatchObject({ severity: "page", slo_name: "orders-eu", service: WEIRD_SERVICE });
    const alerts = await api<{ alerts: { labels: Record<string, string>; annotations: Record<string, string> }[] }>("/api/v1/alerts");
    const b = alerts.alerts.find((a) => a.labels.alertname === "KeelSLOErrorBudgetBurnPage" && a.labels.slo_id === B.id)!;
    expect(b.annotations.summary).toBe(`SLO "Orders {{ .Labels }} "EU"" of ${WEIRD_SERVICE} (target 99.9%, 30 days, rolling) is burning its error budget fast`);
    expect(b.annotations.description).toContain("The error ratio is 10% over the long window");
    // Nothing is missing, so no no-data alert.
    expect(await query('ALERTS{alertname="KeelSLONoData",alertstate="firing"}')).toEqual([]);
  });
});
