import { describe, expect, it } from "vitest";
import { SEVERITY_TABLE } from "./severity";
import { severityFormToInput, severityTargetsInputSchema, targetProblem, targetToForm, toSeverityFormErrors, withEdits } from "./severity-schemas";

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
}

describe("severity targets input", () => {
  it("reads the form's value and unit per target, hours as minutes", () => {
    const f = form({ "SEV1.respondValue": "10", "SEV1.respondUnit": "minutes", "SEV1.resolveValue": "3", "SEV1.resolveUnit": "hours", "SEV1.postmortemRequired": "on", "SEV4.respondValue": "2", "SEV4.respondUnit": "businessDays" });
    const input = severityFormToInput(f) as Record<string, { respond: unknown; resolve: unknown; postmortemRequired: boolean }>;
    expect(input.SEV1).toEqual({ respond: { minutes: 10 }, resolve: { minutes: 180 }, postmortemRequired: true });
    expect(input.SEV4.respond).toEqual({ businessDays: 2 });
    expect(input.SEV4.postmortemRequired).toBe(false);
  });

  it("refuses empty, fractional, zero and oversized targets with a message on the field", () => {
    const bad = severityTargetsInputSchema.safeParse({
      SEV1: { respond: { minutes: NaN }, resolve: { minutes: 60 }, postmortemRequired: true },
      SEV2: { respond: { minutes: 0 }, resolve: { minutes: 1.5 }, postmortemRequired: true },
      SEV3: { respond: { businessDays: 61 }, resolve: { minutes: 60 }, postmortemRequired: false },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.slice(0, 2).join("."));
    expect(paths).toEqual(expect.arrayContaining(["SEV1.respond", "SEV2.respond", "SEV2.resolve", "SEV3.respond"]));
    expect(toSeverityFormErrors({ "SEV2.respond.minutes": ["At least 1 minute."], "SEV2.resolve": ["x"] })).toEqual({ "SEV2.respondValue": ["At least 1 minute."], "SEV2.resolveValue": ["x"] });
  });

  it("refuses a resolve target shorter than the respond target when both are in minutes", () => {
    expect(targetProblem({ respond: { minutes: 60 }, resolve: { minutes: 30 }, postmortemRequired: false })).toMatch(/shorter/);
    expect(targetProblem({ respond: { minutes: 60 }, resolve: { minutes: 60 }, postmortemRequired: false })).toBeNull();
    expect(targetProblem({ respond: { businessDays: 1 }, resolve: { minutes: 60 }, postmortemRequired: false })).toBeNull();
  });

  it("applies edits over the defaults and leaves the other severities alone", () => {
    const t = withEdits({ SEV2: { respond: { minutes: 20 }, resolve: { minutes: 600 }, postmortemRequired: false } });
    expect(t.SEV2).toMatchObject({ label: "high", meaning: "Major feature broken", respond: { minutes: 20 }, resolve: { minutes: 600 }, postmortemRequired: false });
    expect(t.SEV1).toBe(SEVERITY_TABLE.SEV1);
  });

  it("shows a target in the largest unit that divides it", () => {
    expect(targetToForm({ minutes: 240 })).toEqual({ value: "4", unit: "hours" });
    expect(targetToForm({ minutes: 90 })).toEqual({ value: "90", unit: "minutes" });
    expect(targetToForm({ businessDays: 1 })).toEqual({ value: "1", unit: "businessDays" });
  });
});
