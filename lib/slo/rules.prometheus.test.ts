import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMetricsText, requirePrometheus, type RunningPrometheus } from "@/test/fixtures/prometheus";
import { selector } from "@/lib/prometheus/escape";
import { startPrometheus } from "@/scripts/prometheus/runner";
import { sliHash } from "./sli-hash";
import { recordedSeriesQuery, ruleFileYaml, sloRuleGroups, type SloForRules } from "./rules";
import { KEEL, A, WEIRD_SERVICE, B, INCIDENTS, ALL, RULES_PER_SLO, alerting } from "./rules-test-fixtures";

/** The generated rule file in the real tools: promtool's checker and unit tests, and a running Prometheus. */
const prom = requirePrometheus();
const run = promisify(execFile);

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
      alerting(file, `keel-slo-${slo.definition.service}-${slo.definition.slug}`, alert).annotations;
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
                keel_sli: sliHash(slo.definition.sli),
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
  }, 120_000); // promtool replays hours of evaluations per case: slow on a loaded machine
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
      ["keel-slo-checkout-availability", `keel-slo-${WEIRD_SERVICE}-orders-eu`].sort(),
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
