import { describe, expect, it } from "vitest";
import type { IncomingAlert } from "./alertmanager-payload";
import { alertEntries, firesAgain, planAlerts, someResolved, statusesAfter, type StoredAlert } from "./alert-plan";

const T = (m: number) => new Date(Date.UTC(2025, 2, 1, 10, m));
const incoming = (fingerprint: string, status: "firing" | "resolved", start: number, end?: number): IncomingAlert => ({
  fingerprint,
  alertname: "Disk",
  status,
  labels: { alertname: "Disk", severity: "warning" },
  annotations: { summary: "Disk full" },
  startsAt: T(start),
  endsAt: end === undefined ? null : T(end),
  generatorUrl: "",
});
const stored = (fingerprint: string, status: "firing" | "resolved", start: number): StoredAlert => ({ fingerprint, status, startsAt: T(start), endsAt: status === "resolved" ? T(start + 5) : null });

describe("planAlerts", () => {
  it("classifies every combination of stored and incoming state by fingerprint and start", () => {
    const cases: [StoredAlert | null, IncomingAlert, string][] = [
      [null, incoming("a", "firing", 0), "new"],
      [null, incoming("a", "resolved", 0, 5), "new"],
      [stored("a", "firing", 0), incoming("a", "firing", 0), "refresh"],
      [stored("a", "firing", 0), incoming("a", "firing", 3), "refresh"],
      [stored("a", "firing", 3), incoming("a", "firing", 0), "stale"],
      [stored("a", "firing", 0), incoming("a", "resolved", 0, 5), "resolve"],
      [stored("a", "firing", 3), incoming("a", "resolved", 0, 2), "stale"],
      [stored("a", "resolved", 0), incoming("a", "firing", 0), "stale"],
      [stored("a", "resolved", 0), incoming("a", "firing", 10), "refire"],
      [stored("a", "resolved", 0), incoming("a", "resolved", 0, 5), "stale"],
      [stored("a", "resolved", 0), incoming("a", "resolved", 10, 15), "resolve"],
    ];
    for (const [s, n, kind] of cases) expect(planAlerts(s ? [s] : [], [n])[0].kind, `${s?.status ?? "none"}@${s?.startsAt.getUTCMinutes()} + ${n.status}@${n.startsAt.getUTCMinutes()}`).toBe(kind);
  });

  it("handles a delivery mixing firing and resolved alerts per alert", () => {
    const changes = planAlerts([stored("a", "firing", 0), stored("b", "firing", 0)], [incoming("a", "resolved", 0, 5), incoming("b", "firing", 0), incoming("c", "firing", 4)]);
    expect(changes.map((c) => c.kind)).toEqual(["resolve", "refresh", "new"]);
    expect(firesAgain(changes)).toBe(true);
    expect(someResolved(changes)).toBe(true);
    expect(Object.fromEntries(statusesAfter([stored("a", "firing", 0), stored("b", "firing", 0), stored("d", "resolved", 0)], changes))).toEqual({ a: "resolved", b: "firing", c: "firing", d: "resolved" });
  });

  it("a pure repeat neither fires again nor resolves anything", () => {
    const changes = planAlerts([stored("a", "firing", 0), stored("b", "resolved", 0)], [incoming("a", "firing", 0), incoming("b", "resolved", 0, 5)]);
    expect([firesAgain(changes), someResolved(changes)]).toEqual([false, false]);
    expect(alertEntries(changes, T(0), T(30))).toEqual([]);
  });
});

describe("alertEntries", () => {
  it("writes one entry per alert that fired or resolved, dated within the incident's start and now", () => {
    const changes = planAlerts([stored("b", "firing", 0), stored("c", "resolved", 0)], [incoming("a", "firing", -10), incoming("b", "resolved", 0, 12), incoming("c", "firing", 20), incoming("d", "resolved", 1, 99)]);
    const entries = alertEntries(changes, T(0), T(30));
    expect(entries.map((e) => [e.kind, e.at.toISOString(), e.body])).toEqual([
      ["alert_firing", T(0).toISOString(), "Alert firing: Disk (severity=warning) — Disk full"],
      ["alert_resolved", T(12).toISOString(), "Alert resolved: Disk (severity=warning) — Disk full"],
      ["alert_firing", T(20).toISOString(), "Alert firing again: Disk (severity=warning) — Disk full"],
      ["alert_resolved", T(30).toISOString(), "Alert resolved: Disk (severity=warning) — Disk full"],
    ]);
    expect(entries[1].data).toMatchObject({ fingerprint: "b", alertname: "Disk", labels: { severity: "warning" }, endsAt: T(12).toISOString() });
  });
});
