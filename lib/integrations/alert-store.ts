import "server-only";
import { and, eq } from "drizzle-orm";
import { schema } from "@/db";
import type { Tx } from "@/lib/incidents/lookup";
import { writeTimeline } from "@/lib/incidents/timeline";
import { alertEntries, type AlertChange, type StoredAlert } from "./alert-plan";
import type { IncomingAlert } from "./alertmanager-payload";

/** Reads and writes an incident's alerts (incident_alerts) inside the ingestion transaction. */

const a = schema.incidentAlerts;
const CHUNK = 500;

export type StoredAlertRow = StoredAlert & { labels: Record<string, string>; annotations: Record<string, string>; generatorUrl: string };

export async function loadAlerts(tx: Tx, incidentId: string): Promise<StoredAlertRow[]> {
  return tx
    .select({ fingerprint: a.fingerprint, status: a.status, startsAt: a.startsAt, endsAt: a.endsAt, labels: a.labels, annotations: a.annotations, generatorUrl: a.generatorUrl })
    .from(a)
    .where(eq(a.incidentId, incidentId));
}

const sameRecord = (x: Record<string, string>, y: Record<string, string>) => {
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
};

/** Whether a repeat brings nothing new (Alertmanager re-sends the same alert every repeat_interval). */
function unchanged(s: StoredAlertRow | undefined, n: IncomingAlert): boolean {
  return !!s && s.startsAt.getTime() === n.startsAt.getTime() && sameRecord(s.labels, n.labels) && sameRecord(s.annotations, n.annotations) && s.generatorUrl === n.generatorUrl;
}

const values = (n: IncomingAlert) => ({
  alertname: n.alertname,
  labels: n.labels,
  annotations: n.annotations,
  status: n.status,
  startsAt: n.startsAt,
  endsAt: n.status === "resolved" ? n.endsAt : null,
  generatorUrl: n.generatorUrl,
});

/**
 * Writes the changes: new alerts inserted, others updated in place, one timeline entry per alert
 * that started firing or resolved. Returns how many rows or entries were written (0: a pure repeat).
 */
export async function applyAlertChanges(tx: Tx, incident: { id: string; startedAt: Date }, stored: readonly StoredAlertRow[], changes: readonly AlertChange[], now: Date): Promise<number> {
  const known = new Map(stored.map((s) => [s.fingerprint, s]));
  const inserts = changes.filter((c) => c.kind === "new").map((c) => ({ incidentId: incident.id, fingerprint: c.alert.fingerprint, ...values(c.alert), updatedAt: now }));
  const updates = changes.filter((c) => (c.kind === "refire" || c.kind === "resolve" || c.kind === "refresh") && !(c.kind === "refresh" && unchanged(known.get(c.alert.fingerprint), c.alert)));
  for (let k = 0; k < inserts.length; k += CHUNK) await tx.insert(a).values(inserts.slice(k, k + CHUNK));
  for (const { alert } of updates) {
    await tx
      .update(a)
      .set({ ...values(alert), updatedAt: now })
      .where(and(eq(a.incidentId, incident.id), eq(a.fingerprint, alert.fingerprint)));
  }
  const entries = alertEntries(changes, incident.startedAt, now);
  for (let k = 0; k < entries.length; k += CHUNK) await writeTimeline(tx, incident.id, entries.slice(k, k + CHUNK).map((e) => ({ ...e, authorId: null })));
  return inserts.length + updates.length + entries.length;
}
