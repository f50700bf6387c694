import { describe, expect, it } from "vitest";
import type { MappingRule } from "@/db/schema/integrations";
import { describeLabels, mapAlert, mapGroup, matches, severityFromLabel, slugOf, titleOf } from "./mapping";
import { normaliseAlerts, alertmanagerPayloadSchema } from "./alertmanager-payload";
import { testPayload } from "./alertmanager-test-fixtures";

describe("default mapping", () => {
  it("maps the severity label: critical → SEV1, high and error → SEV2, warning → SEV3, info → SEV4, any case; SEV1..SEV4 as they are", () => {
    const table: [string, string | null][] = [
      ["critical", "SEV1"],
      ["CRITICAL", "SEV1"],
      ["high", "SEV2"],
      ["error", "SEV2"],
      ["warning", "SEV3"],
      [" Info ", "SEV4"],
      ["sev2", "SEV2"],
      ["SEV4", "SEV4"],
      ["page", null],
      ["", null],
    ];
    for (const [label, sev] of table) expect(severityFromLabel(label), label).toBe(sev);
    expect(mapAlert({ severity: "page" }, [], "SEV3").severity).toBe("SEV3");
    expect(mapAlert({}, [], "SEV2").severity).toBe("SEV2");
  });

  it("takes the service label, else job, as a slug", () => {
    expect(mapAlert({ service: "checkout", job: "node" }, [], "SEV3").service).toBe("checkout");
    expect(mapAlert({ job: "Node Exporter" }, [], "SEV3").service).toBe("node-exporter");
    expect(mapAlert({ job: "api_server/v2" }, [], "SEV3").service).toBe("api-server-v2");
    expect(mapAlert({ service: "!!", job: "search" }, [], "SEV3").service).toBe("search");
    expect(mapAlert({ instance: "x:9100" }, [], "SEV3").service).toBeNull();
    expect(slugOf("-a-")).toBeNull();
    expect(slugOf("x".repeat(70) + "-y")).toHaveLength(63);
  });
});

describe("rules", () => {
  it("match exact values (absent = \"\") and whole-value regexes", () => {
    expect(matches({ match: { env: "prod" } }, { env: "prod" })).toBe(true);
    expect(matches({ match: { env: "prod" } }, { env: "production" })).toBe(false);
    expect(matches({ match: { env: "" } }, {})).toBe(true);
    expect(matches({ match: { job: { regex: "api-.*" } } }, { job: "api-gw" })).toBe(true);
    expect(matches({ match: { job: { regex: "api" } } }, { job: "my-api-gw" })).toBe(false);
    expect(matches({ match: { job: { regex: "api|web" } } }, { job: "web" })).toBe(true);
    expect(matches({ match: { job: { regex: ".+" } } }, {})).toBe(false);
    expect(matches({ match: {} }, { anything: "x" })).toBe(true);
    expect(matches({ match: { a: "1", b: { regex: "2|3" } } }, { a: "1", b: "4" })).toBe(false);
  });

  it("decide severity and service independently, first matching rule per field, before the defaults", () => {
    const rules: MappingRule[] = [
      { match: { team: "payments" }, service: "checkout" },
      { match: { env: "staging" }, severity: "SEV4" },
      { match: { team: { regex: "pay.*" } }, severity: "SEV1", service: "billing" },
    ];
    expect(mapAlert({ team: "payments", severity: "warning" }, rules, "SEV3")).toEqual({ severity: "SEV1", service: "checkout" });
    expect(mapAlert({ team: "payments", env: "staging" }, rules, "SEV3")).toEqual({ severity: "SEV4", service: "checkout" });
    expect(mapAlert({ team: "payroll", job: "hr" }, rules, "SEV3")).toEqual({ severity: "SEV1", service: "billing" });
    expect(mapAlert({ team: "search", severity: "info", job: "search" }, rules, "SEV2")).toEqual({ severity: "SEV4", service: "search" });
  });

  it("for a group: the most severe alert and every service named, first seen first", () => {
    const group = mapGroup([{ labels: { severity: "warning", service: "search" } }, { labels: { severity: "critical", job: "checkout" } }, { labels: { service: "search" } }], [], "SEV4");
    expect(group).toEqual({ severity: "SEV1", services: ["search", "checkout"] });
    expect(mapGroup([{ labels: {} }], [], "SEV2")).toEqual({ severity: "SEV2", services: [] });
  });
});

describe("titles", () => {
  const alertsOf = (p: unknown) => normaliseAlerts(alertmanagerPayloadSchema.parse(p));

  it("use the summary annotation of the group, else of the first firing alert", () => {
    const p = testPayload("g", [{ fingerprint: "a", status: "resolved", annotations: { summary: "old" } }, { fingerprint: "b", annotations: { summary: "Checkout fails" } }]);
    expect(titleOf(alertmanagerPayloadSchema.parse(p), alertsOf(p))).toBe("Checkout fails");
    const q = { ...p, commonAnnotations: { summary: "Group summary" } };
    expect(titleOf(alertmanagerPayloadSchema.parse(q), alertsOf(q))).toBe("Group summary");
  });

  it("else alertname and the common labels sorted by name, else the first alert's labels", () => {
    const p = testPayload("g", [{ fingerprint: "a", labels: { service: "checkout", severity: "critical" } }], { commonLabels: { alertname: "HighErrorRate", severity: "critical", service: "checkout" } });
    expect(titleOf(alertmanagerPayloadSchema.parse(p), alertsOf(p))).toBe("HighErrorRate (service=checkout, severity=critical)");
    const q = { ...p, commonLabels: {} };
    expect(titleOf(alertmanagerPayloadSchema.parse(q), alertsOf(q))).toBe("HighErrorRate (service=checkout, severity=critical)");
    expect(describeLabels("X", { v: "y".repeat(300) })).toHaveLength(200);
  });
});
