import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { recordedSeriesQuery, ruleFileYaml, sloRuleGroups } from "./rules";
import { sliHash } from "./sli-hash";
import { KEEL, A, WEIRD_SERVICE, B, LATENCY, INCIDENTS, ALL, WINDOWS, META, group, recording, alerting } from "./rules-test-fixtures";

describe("sloRuleGroups", () => {
  const file = sloRuleGroups(ALL, { keelUrl: `${KEEL}/` });

  it("writes one group per SLO, recordings before the alerts that read them, in a stable order whatever the input order", () => {
    expect(file.groups.map((g) => g.name)).toEqual(["keel-slo-checkout-availability", "keel-slo-search-latency", `keel-slo-${WEIRD_SERVICE}-orders-eu`]);
    for (const g of file.groups) {
      const kinds = g.rules.map((r) => ("record" in r ? "record" : "alert"));
      expect(kinds.indexOf("alert")).toBe(kinds.lastIndexOf("record") + 1);
    }
    const yaml = ruleFileYaml(ALL, { keelUrl: KEEL });
    expect(ruleFileYaml([A, B, INCIDENTS, LATENCY], { keelUrl: KEEL })).toBe(yaml);
    expect(ruleFileYaml([...ALL].reverse(), { keelUrl: KEEL })).toBe(yaml);
    // The YAML is exactly the structure, comments aside.
    expect(parse(yaml)).toEqual(file);
  });

  it("records Sloth's series names with Keel's and Sloth's identity labels", () => {
    const g = group(file, "keel-slo-checkout-availability");
    expect(g.rules.map((r) => ("record" in r ? r.record : r.alert))).toEqual([
      ...WINDOWS.map((w) => `slo:sli_error:ratio_rate${w}`),
      "slo:sli_error:ratio_rate30d",
      ...META,
      "KeelSLOErrorBudgetBurnPage",
      "KeelSLOErrorBudgetBurnTicket",
      "KeelSLONoData",
    ]);
    const identity = { slo_id: A.id, slo_name: "availability", slo_service: "checkout", sloth_id: "checkout-availability", sloth_service: "checkout", sloth_slo: "availability" };
    expect(recording(file, g.name, "slo:sli_error:ratio_rate1h").labels).toEqual({ ...identity, sloth_window: "1h", keel_sli: sliHash(A.definition.sli) });
    // The fingerprint follows what the SLI measures, not how its fields happen to be ordered.
    expect(sliHash({ total: "t", bad: "b", kind: "ratio" })).toBe(sliHash({ kind: "ratio", bad: "b", total: "t" }));
    expect(sliHash({ kind: "ratio", bad: "b", total: "t" })).not.toBe(sliHash({ kind: "ratio", bad: "b2", total: "t" }));
    expect(recording(file, g.name, "slo:objective:ratio")).toEqual({ record: "slo:objective:ratio", expr: "vector(0.999)", labels: identity });
    expect(recording(file, g.name, "slo:time_period:days").expr).toBe("vector(30)");
    // A calendar quarter is recorded over 90 days.
    const latency = group(file, "keel-slo-search-latency");
    expect(latency.rules.map((r) => ("record" in r ? r.record : ""))).toContain("slo:sli_error:ratio_rate90d");
    expect(recording(file, latency.name, "slo:time_period:days").expr).toBe("vector(90)");
    expect(recording(file, latency.name, "slo:period_burn_rate:ratio").expr).toContain("slo:sli_error:ratio_rate90d{");
  });

  it("divides errors by total for each SLI form", () => {
    const total5m = 'sum(rate(http_requests_total{service="checkout"}[5m]))';
    // Bad form: a bad query with no series (no error yet) counts as zero errors where there is traffic.
    expect(recording(file, "keel-slo-checkout-availability", "slo:sli_error:ratio_rate5m").expr).toBe(
      `((sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m]))) or ((${total5m}) * 0))\n/\n(${total5m})`,
    );
    // Good form: errors are total − good.
    expect(recording(file, `keel-slo-${WEIRD_SERVICE}-orders-eu`, "slo:sli_error:ratio_rate30d").expr).toBe(
      `((${total5m.replace("5m", "30d")}) - ((sum(rate(http_requests_total{service="checkout",code!~"5.."}[30d]))) or ((${total5m.replace("5m", "30d")}) * 0)))\n/\n(${total5m.replace("5m", "30d")})`,
    );
    // Latency: requests slower than the threshold bucket over all requests.
    const count = 'sum(rate(http_request_duration_seconds_count{service="search"}[6h]))';
    expect(recording(file, "keel-slo-search-latency", "slo:sli_error:ratio_rate6h").expr).toBe(
      `((${count}) - (sum(rate(http_request_duration_seconds_bucket{service="search",le="0.5"}[6h]))))\n/\n(${count})`,
    );
  });

  it("escapes label values in PromQL and in alert templates, and keeps them raw in labels", () => {
    const rec = group(file, `keel-slo-${WEIRD_SERVICE}-orders-eu`);
    const burn = recording(file, rec.name, "slo:current_burn_rate:ratio");
    expect(burn.expr).toBe('slo:sli_error:ratio_rate5m{slo_id="weird-\\"id\\"\\\\2"} / on(slo_id) group_left\nslo:error_budget:ratio{slo_id="weird-\\"id\\"\\\\2"}');
    expect(burn.labels).toMatchObject({ slo_id: B.id, slo_service: WEIRD_SERVICE, sloth_id: `${WEIRD_SERVICE}-orders-eu` });
    const page = alerting(file, `keel-slo-${WEIRD_SERVICE}-orders-eu`, "KeelSLOErrorBudgetBurnPage");
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
        const rule = alerting(file, `${base}`, severity === "page" ? "KeelSLOErrorBudgetBurnPage" : "KeelSLOErrorBudgetBurnTicket");
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
      expect(alerting(file, `${base}`, "KeelSLOErrorBudgetBurnPage").annotations.summary).toContain(`target ${shown}`);
    }
    expect(alerting(file, "keel-slo-checkout-availability", "KeelSLOErrorBudgetBurnPage").for).toBe("2m");
    expect(alerting(file, "keel-slo-checkout-availability", "KeelSLOErrorBudgetBurnTicket").for).toBe("15m");
    expect(alerting(file, "keel-slo-checkout-availability", "KeelSLONoData")).toMatchObject({
      expr: `absent_over_time(slo:sli_error:ratio_rate5m{slo_id="${A.id}"}[30m])`,
      labels: { severity: "ticket", team: "payments" },
    });
  });

  it("takes the alerts' `for` from the options", () => {
    const f = sloRuleGroups([A], { keelUrl: KEEL, for: { page: "0s", ticket: "1h30m" } });
    expect(alerting(f, "keel-slo-checkout-availability", "KeelSLOErrorBudgetBurnPage").for).toBeUndefined();
    expect(alerting(f, "keel-slo-checkout-availability", "KeelSLOErrorBudgetBurnTicket").for).toBe("1h30m");
    expect(() => sloRuleGroups([A], { keelUrl: KEEL, for: { page: "soon" } })).toThrow(/page/);
  });
});
