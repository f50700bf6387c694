import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { integrationInputSchema, integrationPatchSchema } from "./schemas";

describe("integration schemas", () => {
  it("fills the defaults: monitoring when all resolved, SEV3, no rules", () => {
    expect(integrationInputSchema.parse({ name: "prod alertmanager" })).toEqual({ name: "prod alertmanager", onAllResolved: "monitoring", defaultSeverity: "SEV3", rules: [] });
  });

  it("accepts ordered rules with values and regexes, refusing ones that set nothing, bad regexes, labels and slugs", () => {
    const rules = [{ match: { team: "payments", job: { regex: "api-.*" } }, severity: "SEV1", service: "checkout" }, { match: {}, severity: "SEV2" }];
    expect(integrationInputSchema.parse({ name: "x", rules }).rules).toEqual(rules);
    const bad = integrationInputSchema.safeParse({
      name: "x",
      rules: [{ match: { team: "a" } }, { match: { job: { regex: "(" } }, severity: "SEV1" }, { match: { "bad-label": "x" }, severity: "SEV1" }, { match: {}, service: "Not A Slug" }, { match: {}, severity: "SEV5" }],
    });
    expect(bad.success).toBe(false);
    const fields = fieldErrorsOf(bad.error!);
    expect(fields["rules.0"]).toEqual(["A rule sets a severity, a service or both."]);
    expect(fields["rules.1.match.job.regex"]).toEqual(["This regular expression does not compile."]);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["rules.2.match.bad-label", "rules.3.service", "rules.4.severity"]));
  });

  it("patches are partial and strict; rotateSecret is only `true`", () => {
    expect(integrationPatchSchema.parse({ rotateSecret: true, version: 2 })).toEqual({ rotateSecret: true, version: 2 });
    expect(integrationPatchSchema.safeParse({ rotateSecret: false }).success).toBe(false);
    expect(integrationPatchSchema.safeParse({ secret: "x" }).success).toBe(false);
  });
});
