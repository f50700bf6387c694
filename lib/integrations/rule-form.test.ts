import { describe, expect, it } from "vitest";
import { rulesFromForm } from "./rule-form";

describe("rules from the settings form", () => {
  it("turns rows into mapping rules, leaving out what a row does not set", () => {
    const r = rulesFromForm(JSON.stringify([{ match: 'alertname="DiskFull"', severity: "SEV2", service: "" }, { match: 'team=~"pay.*"', severity: "", service: "payments" }, { match: "", severity: "SEV4", service: "" }]));
    expect(r).toEqual({ ok: true, rules: [{ match: { alertname: "DiskFull" }, severity: "SEV2" }, { match: { team: { regex: "pay.*" } }, service: "payments" }, { match: {}, severity: "SEV4" }] });
  });

  it("names the rows that need attention and keeps none of them", () => {
    const r = rulesFromForm(JSON.stringify([{ match: 'a="1"', severity: "SEV1", service: "" }, { match: "a=1", severity: "SEV1", service: "" }, { match: 'b="2"', severity: "", service: "" }, { match: 'c="3"', severity: "SEV9", service: "" }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fields)).toEqual(["rules.1", "rules.2", "rules.3"]);
    expect(r.fields["rules.2"]).toEqual(["A rule sets a severity, a service or both."]);
  });

  it("treats an unreadable payload as an error, an empty one as no rules", () => {
    expect(rulesFromForm("{oops").ok).toBe(false);
    expect(rulesFromForm('{"a":1}').ok).toBe(false);
    expect(rulesFromForm("")).toEqual({ ok: true, rules: [] });
  });
});
