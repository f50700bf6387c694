import { describe, expect, it } from "vitest";
import { checkPayload, MAX_ALERTS } from "./alertmanager-payload";
import { testAlert, testPayload, ZERO_TIME } from "./alertmanager-test-fixtures";

const fail = (body: unknown) => {
  const r = checkPayload(body);
  if (r.ok) throw new Error("expected a refusal");
  return r;
};

describe("Alertmanager payload validation", () => {
  it("accepts a version 4 payload with nanosecond times, zero-time ends and extra fields, normalising each alert", () => {
    const body = testPayload("{}:{alertname=\"HighErrorRate\"}", [
      { fingerprint: "aa11", labels: { severity: "critical" }, startsAt: "2025-03-01T10:00:00.123456789+01:00" },
      { fingerprint: "bb22", status: "resolved", endsAt: "2025-03-01T10:30:00Z" },
    ]);
    const r = checkPayload({ ...body, somethingNew: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.alerts).toEqual([
      { fingerprint: "aa11", alertname: "HighErrorRate", status: "firing", labels: { alertname: "HighErrorRate", severity: "critical" }, annotations: {}, startsAt: new Date("2025-03-01T09:00:00.123Z"), endsAt: null, generatorUrl: "http://prometheus.example:9090/graph?g0.expr=up" },
      expect.objectContaining({ fingerprint: "bb22", status: "resolved", endsAt: new Date("2025-03-01T10:30:00Z") }),
    ]);
  });

  it("keeps the last of two alerts with one fingerprint and takes alertname from the common labels when an alert lacks it", () => {
    const a = testAlert({ fingerprint: "x" });
    const r = checkPayload({ ...testPayload("g", []), alerts: [a, { ...a, status: "resolved", endsAt: "2025-03-01T11:00:00Z", labels: { job: "api" } }], commonLabels: { alertname: "Common" } });
    expect(r.ok && r.alerts).toEqual([expect.objectContaining({ fingerprint: "x", status: "resolved", alertname: "Common" })]);
  });

  it("refuses what is not a version 4 payload, naming the field", () => {
    const good = testPayload("g", [{ fingerprint: "f" }]);
    expect(fail("hello").message).toMatch(/^Not an Alertmanager webhook payload: Invalid input/);
    expect(fail({ ...good, version: "3" }).message).toBe('Not an Alertmanager webhook payload: version: Keel reads Alertmanager webhook payloads of version "4".');
    expect(fail({ ...good, groupKey: "" }).fields).toHaveProperty("groupKey");
    expect(fail({ ...good, alerts: [] }).message).toBe("Not an Alertmanager webhook payload: alerts: The payload has no alerts.");
    expect(fail({ ...good, alerts: [{ ...good.alerts[0], fingerprint: undefined }] }).fields).toHaveProperty(["alerts.0.fingerprint"]);
    expect(fail({ ...good, alerts: [{ ...good.alerts[0], status: "pending" }] }).fields["alerts.0.status"]).toEqual(["Status is firing or resolved."]);
    expect(fail({ ...good, alerts: [{ ...good.alerts[0], startsAt: "yesterday" }] }).fields).toHaveProperty(["alerts.0.startsAt"]);
    expect(fail({ ...good, alerts: [{ ...good.alerts[0], labels: { a: 1 } }] }).fields).toHaveProperty(["alerts.0.labels.a"]);
    const many = Array.from({ length: MAX_ALERTS + 1 }, () => good.alerts[0]);
    expect(fail({ ...good, alerts: many }).message).toMatch(/max_alerts/);
  });

  it("reads Go's zero time as no end", () => {
    const r = checkPayload(testPayload("g", [{ fingerprint: "f", endsAt: ZERO_TIME }]));
    expect(r.ok && r.alerts[0].endsAt).toBeNull();
  });
});
