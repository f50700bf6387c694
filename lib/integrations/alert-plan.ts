/**
 * What one delivery changes about an incident's alerts, compared per fingerprint with what is
 * stored. Pure. An alert's firing episode is identified by its `startsAt`: Alertmanager gives an
 * alert that fires again after resolving a new, later `startsAt`, so a delivery about an older
 * episode (a retry that arrives late) changes nothing.
 *
 *   stored →     | none   | firing                        | resolved
 *   incoming ↓   |        |                               |
 *   firing       | new    | refresh (same or later start) | refire when it starts later, else stale
 *   resolved     | new    | resolve (same or later start) | resolve when it starts later, else stale
 *
 * A `new` or `refire` change means the group fires (again); `new` resolved or `resolve` means an
 * alert has just resolved. Repeats (`refresh`, `stale`) write nothing to the timeline.
 */
import type { AlertStatus } from "@/db/schema/integrations";
import type { IncomingAlert } from "./alertmanager-payload";
import { describeLabels } from "./mapping";

export type StoredAlert = { fingerprint: string; status: AlertStatus; startsAt: Date; endsAt: Date | null };

export type AlertChangeKind = "new" | "refire" | "resolve" | "refresh" | "stale";
export type AlertChange = { kind: AlertChangeKind; alert: IncomingAlert };

export function planAlerts(stored: readonly StoredAlert[], incoming: readonly IncomingAlert[]): AlertChange[] {
  const known = new Map(stored.map((s) => [s.fingerprint, s]));
  return incoming.map((alert) => ({ kind: changeKind(known.get(alert.fingerprint), alert), alert }));
}

function changeKind(s: StoredAlert | undefined, a: IncomingAlert): AlertChangeKind {
  if (!s) return "new";
  const later = a.startsAt.getTime() > s.startsAt.getTime();
  const same = a.startsAt.getTime() === s.startsAt.getTime();
  if (a.status === "firing") {
    if (s.status === "firing") return later || same ? "refresh" : "stale";
    return later ? "refire" : "stale";
  }
  if (s.status === "firing") return later || same ? "resolve" : "stale";
  return later ? "resolve" : "stale";
}

/** Whether the changes start a firing episode: an alert never seen, or one firing again. */
export const firesAgain = (changes: readonly AlertChange[]) => changes.some((c) => (c.kind === "new" && c.alert.status === "firing") || c.kind === "refire");

/** Whether an alert resolved with these changes. */
export const someResolved = (changes: readonly AlertChange[]) => changes.some((c) => c.kind === "resolve" || (c.kind === "new" && c.alert.status === "resolved"));

/** The changes that write something (rows and, except refresh, timeline entries). */
export const effective = (changes: readonly AlertChange[]) => changes.filter((c) => c.kind !== "stale");

/** The statuses of the incident's alerts once the changes are applied. */
export function statusesAfter(stored: readonly StoredAlert[], changes: readonly AlertChange[]): Map<string, AlertStatus> {
  const out = new Map(stored.map((s) => [s.fingerprint, s.status]));
  for (const c of effective(changes)) out.set(c.alert.fingerprint, c.alert.status);
  return out;
}

export type AlertEntry = { kind: "alert_firing" | "alert_resolved"; body: string; data: Record<string, unknown>; at: Date };

const clamp = (d: Date, min: Date, max: Date) => new Date(Math.min(Math.max(d.getTime(), min.getTime()), max.getTime()));

/**
 * One timeline entry per alert that started firing or resolved, dated when that happened (kept
 * between the incident's start and now, since the clocks of Prometheus and Keel may differ).
 */
export function alertEntries(changes: readonly AlertChange[], incidentStart: Date, now: Date): AlertEntry[] {
  const out: AlertEntry[] = [];
  for (const { kind, alert: a } of changes) {
    if (kind === "stale" || kind === "refresh") continue;
    const firing = a.status === "firing";
    const what = describeLabels(a.alertname, a.labels);
    const summary = a.annotations.summary?.trim();
    const data = { fingerprint: a.fingerprint, alertname: a.alertname, labels: a.labels, startsAt: a.startsAt.toISOString(), ...(a.endsAt ? { endsAt: a.endsAt.toISOString() } : {}), ...(a.generatorUrl ? { generatorURL: a.generatorUrl } : {}) };
    out.push({
      kind: firing ? "alert_firing" : "alert_resolved",
      body: `${firing ? (kind === "refire" ? "Alert firing again" : "Alert firing") : "Alert resolved"}: ${what}${summary ? ` — ${summary}` : ""}`,
      data,
      at: clamp(firing ? a.startsAt : (a.endsAt ?? now), incidentStart, now),
    });
  }
  return out;
}
