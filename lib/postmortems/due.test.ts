import { describe, expect, it } from "vitest";
import { SEVERITIES } from "@/lib/incidents/severity";
import { DEFAULT_REQUIREMENT, isOverdue, postmortemDueAt, postmortemPolicySchema, postmortemRequired } from "./due";

describe("postmortemDueAt", () => {
  it("is 48 hours after resolution by default, or the configured hours", () => {
    expect(postmortemDueAt("2025-03-01T15:10:00Z")).toBe("2025-03-03T15:10:00.000Z");
    expect(postmortemDueAt(new Date("2025-03-01T15:10:00Z"), 72)).toBe("2025-03-04T15:10:00.000Z");
    // Across a DST change it is still 48 elapsed hours (UTC), not two wall-clock days.
    expect(postmortemDueAt("2025-03-29T12:00:00Z")).toBe("2025-03-31T12:00:00.000Z");
  });

  it("has no due time while unresolved or for an unreadable time", () => {
    expect(postmortemDueAt(null)).toBeNull();
    expect(postmortemDueAt("yesterday")).toBeNull();
  });
});

describe("isOverdue (postmortems)", () => {
  const due = "2025-03-03T15:10:00.000Z";
  it("is overdue after the due time until published", () => {
    expect(isOverdue({ status: "draft", dueAt: due }, Date.parse(due))).toBe(false);
    expect(isOverdue({ status: "draft", dueAt: due }, Date.parse(due) + 1)).toBe(true);
    expect(isOverdue({ status: "in_review", dueAt: due }, new Date("2025-03-10T00:00:00Z"))).toBe(true);
    expect(isOverdue({ status: "published", dueAt: due }, new Date("2025-03-10T00:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "draft", dueAt: null }, new Date("2099-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("postmortemRequired", () => {
  it("requires one for SEV1 and SEV2 by default, not SEV3/SEV4", () => {
    for (const s of SEVERITIES) expect(postmortemRequired({ severity: s }).required).toBe(s === "SEV1" || s === "SEV2");
    expect(postmortemRequired({ severity: "SEV1" }).reasons).toEqual(["Every SEV1 incident needs a postmortem."]);
  });

  it("requires one when more than 20 % of a budget was consumed (exactly 20 % is not more)", () => {
    expect(postmortemRequired({ severity: "SEV3" }, DEFAULT_REQUIREMENT, 0.2).required).toBe(false);
    expect(postmortemRequired({ severity: "SEV3" }, DEFAULT_REQUIREMENT, 0.2001)).toEqual({
      required: true,
      reasons: ["It consumed 20.01 % of an error budget; over 20 % needs a postmortem."],
    });
    expect(postmortemRequired({ severity: "SEV4" }, DEFAULT_REQUIREMENT, 1.04).reasons).toEqual(["It consumed 104 % of an error budget; over 20 % needs a postmortem."]);
    expect(postmortemRequired({ severity: "SEV3" }, DEFAULT_REQUIREMENT, null).required).toBe(false);
    expect(postmortemRequired({ severity: "SEV3" }, DEFAULT_REQUIREMENT, Number.NaN).required).toBe(false);
  });

  it("gives both reasons when both apply, and follows the configuration", () => {
    expect(postmortemRequired({ severity: "SEV2" }, DEFAULT_REQUIREMENT, 0.5).reasons).toHaveLength(2);
    const strict = { severities: ["SEV1", "SEV2", "SEV3"] as const, budgetShareThreshold: 0.05 };
    expect(postmortemRequired({ severity: "SEV3" }, strict).required).toBe(true);
    expect(postmortemRequired({ severity: "SEV4" }, strict, 0.06).reasons).toEqual(["It consumed 6 % of an error budget; over 5 % needs a postmortem."]);
    expect(postmortemRequired({ severity: "SEV1" }, { severities: [], budgetShareThreshold: 0.2 }, 0.1).required).toBe(false);
  });
});

describe("postmortemPolicySchema", () => {
  it("coerces form values and refuses nonsense", () => {
    expect(postmortemPolicySchema.parse({ dueHours: "72", severities: ["SEV1", "SEV1", "SEV2"], budgetShareThreshold: "0.2" })).toEqual({ dueHours: 72, severities: ["SEV1", "SEV2"], budgetShareThreshold: 0.2 });
    const r = postmortemPolicySchema.safeParse({ dueHours: "0", severities: ["SEV9"], budgetShareThreshold: "0" });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      dueHours: "Due hours is at least 1.",
      "severities.0": "Severity is SEV1, SEV2, SEV3 or SEV4.",
      budgetShareThreshold: "The budget threshold is above 0 %.",
    });
  });
});
