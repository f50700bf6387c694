import { describe, expect, it } from "vitest";
import { targetRows } from "./targets";

const MIN = 60_000;
const detected = "2025-03-03T10:00:00.000Z"; // a Monday
const at = (minutes: number) => new Date(Date.parse(detected) + minutes * MIN).toISOString();
const incident = (severity: "SEV1" | "SEV2" | "SEV3" | "SEV4", acknowledged: string | null, resolved: string | null) => ({
  severity,
  timestamps: { started: at(-30), detected, acknowledged, mitigated: resolved, resolved, closed: null },
});

describe("incident targets", () => {
  it("are met at the limit and missed a minute after, counted from detection", () => {
    const rows = targetRows(incident("SEV1", at(15), at(4 * 60 + 1)), Date.parse(at(300)));
    expect(rows).toEqual([
      { label: "Respond", target: "15 min", state: "met", detail: "acknowledged after 15 min" },
      { label: "Resolve", target: "4 h", state: "missed", detail: "resolved after 4 h 1 min" },
    ]);
  });

  it("run until due and are overdue after", () => {
    const rows = targetRows(incident("SEV2", null, null), Date.parse(at(40)));
    expect(rows.map((r) => [r.state, r.detail])).toEqual([
      ["overdue", "overdue by 10 min"],
      ["running", "due in 11 h 20 min"],
    ]);
  });

  it("give SEV4 until the next business day to respond", () => {
    // Friday 10:00 → Monday 10:00.
    const friday = { severity: "SEV4" as const, timestamps: { started: "2025-03-07T10:00:00.000Z", detected: "2025-03-07T10:00:00.000Z", acknowledged: null, mitigated: null, resolved: null, closed: null } };
    expect(targetRows(friday, Date.parse("2025-03-09T10:00:00Z"))[0]).toMatchObject({ state: "running", detail: "due in 24 h" });
    expect(targetRows(friday, Date.parse("2025-03-10T10:30:00Z"))[0]).toMatchObject({ state: "overdue", detail: "overdue by 30 min" });
  });
});
