import { describe, expect, it } from "vitest";
import { SEVERITIES, SEVERITY_TABLE, describeTarget, dueAt, isSeverity, metTarget, severityLevel, severityOf } from "./severity";

describe("severities", () => {
  it("have the meanings and targets Keel ships with", () => {
    const rows = SEVERITIES.map((s) => [s, SEVERITY_TABLE[s].label, SEVERITY_TABLE[s].meaning, describeTarget(SEVERITY_TABLE[s].respond), describeTarget(SEVERITY_TABLE[s].resolve)]);
    expect(rows).toEqual([
      ["SEV1", "critical", "Service down", "15 min", "4 h"],
      ["SEV2", "high", "Major feature broken", "30 min", "12 h"],
      ["SEV3", "medium", "Minor feature broken", "2 h", "48 h"],
      ["SEV4", "low", "Cosmetic issue", "next business day", "1 week"],
    ]);
  });

  it("convert between names and levels", () => {
    expect(SEVERITIES.map(severityLevel)).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4].map(severityOf)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(() => severityOf(5)).toThrow(/levels are 1 to 4/);
    expect(isSeverity("SEV2")).toBe(true);
    expect(isSeverity("sev2")).toBe(false);
  });

  it("compute due times in minutes", () => {
    const from = Date.parse("2025-03-03T10:00:00Z");
    expect(dueAt(SEVERITY_TABLE.SEV1.respond, from)).toBe(Date.parse("2025-03-03T10:15:00Z"));
    expect(dueAt(SEVERITY_TABLE.SEV2.resolve, from)).toBe(Date.parse("2025-03-03T22:00:00Z"));
    expect(dueAt(SEVERITY_TABLE.SEV4.resolve, from)).toBe(Date.parse("2025-03-10T10:00:00Z"));
    expect(metTarget("SEV1", "respond", from, from + 15 * 60_000)).toBe(true);
    expect(metTarget("SEV1", "respond", from, from + 15 * 60_000 + 1)).toBe(false);
  });

  it("skip the weekend for the next business day, in the given zone", () => {
    const sev4 = SEVERITY_TABLE.SEV4.respond;
    // 2025-03-07 is a Friday, 03-08 a Saturday.
    expect(new Date(dueAt(sev4, Date.parse("2025-03-05T15:00:00Z"))).toISOString()).toBe("2025-03-06T15:00:00.000Z");
    expect(new Date(dueAt(sev4, Date.parse("2025-03-07T15:00:00Z"))).toISOString()).toBe("2025-03-10T15:00:00.000Z");
    expect(new Date(dueAt(sev4, Date.parse("2025-03-08T10:00:00Z"))).toISOString()).toBe("2025-03-10T10:00:00.000Z");
    // Friday 23:30 in New York is Saturday in UTC; in New York the next business day is Monday.
    expect(new Date(dueAt(sev4, Date.parse("2025-03-08T04:30:00Z"), "America/New_York")).toISOString()).toBe("2025-03-11T03:30:00.000Z");
  });
});
