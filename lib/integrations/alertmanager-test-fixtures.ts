import type { AlertmanagerPayloadInput } from "./alertmanager-payload";

/** Alertmanager webhook payloads for tests, shaped as Alertmanager 0.25 sends them. */

export type TestAlert = { name?: string; fingerprint: string; status?: "firing" | "resolved"; labels?: Record<string, string>; annotations?: Record<string, string>; startsAt?: string; endsAt?: string };

export const ZERO_TIME = "0001-01-01T00:00:00Z";

export function testAlert(a: TestAlert): AlertmanagerPayloadInput["alerts"][number] {
  const status = a.status ?? "firing";
  return {
    status,
    labels: { alertname: a.name ?? "HighErrorRate", ...a.labels },
    annotations: a.annotations ?? {},
    startsAt: a.startsAt ?? "2025-03-01T10:00:00.123456789Z",
    endsAt: a.endsAt ?? (status === "resolved" ? "2025-03-01T10:20:00Z" : ZERO_TIME),
    generatorURL: "http://prometheus.example:9090/graph?g0.expr=up",
    fingerprint: a.fingerprint,
  };
}

export function testPayload(groupKey: string, alerts: TestAlert[], extra: Partial<AlertmanagerPayloadInput> = {}): AlertmanagerPayloadInput {
  const built = alerts.map(testAlert);
  return {
    version: "4",
    groupKey,
    truncatedAlerts: 0,
    status: built.some((a) => a.status === "firing") ? "firing" : "resolved",
    receiver: "keel",
    groupLabels: { alertname: built[0]?.labels.alertname ?? "" },
    commonLabels: { alertname: built[0]?.labels.alertname ?? "" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: built,
    ...extra,
  } as AlertmanagerPayloadInput;
}
