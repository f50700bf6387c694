import "server-only";
import { eq, sql } from "drizzle-orm";
import { schema } from "@/db";
import { checkTransition, transitionStamps, type Status } from "./lifecycle";
import type { Tx } from "./lookup";
import { severityLevel, type Severity } from "./severity";
import { writeTimeline } from "./timeline";
import { enqueueIncidentEvent } from "@/lib/notify/enqueue";
import { startEscalation, stopEscalationIfAcknowledged } from "@/lib/oncall/escalation-run";

/**
 * Changes Keel makes to incidents on its own (alert ingestion), inside the caller's transaction:
 * no author, no role check (the caller has authorised the source), timeline entries by the system.
 */

const i = schema.incidents;

export type SystemIncidentInput = {
  title: string;
  summary: string;
  severity: Severity;
  serviceIds: string[];
  startedAt: Date;
  detectedAt: Date;
  alertGroupKeyHash: string;
  previousIncidentId: string | null;
  /** The "declared" entry; `data.declared` and `data.to` are added. */
  declared: (ref: { id: string; number: number }) => { body: string; data: Record<string, unknown> };
};

/** Opens an incident detected by an alert, in triaging, with a declared entry written by Keel. */
export async function insertAlertIncident(tx: Tx, v: SystemIncidentInput): Promise<{ id: string; number: number }> {
  const [row] = await tx
    .insert(i)
    .values({
      title: v.title,
      summary: v.summary,
      severity: severityLevel(v.severity),
      detectedBy: "alert",
      startedAt: v.startedAt,
      detectedAt: v.detectedAt,
      alertGroupKeyHash: v.alertGroupKeyHash,
      previousIncidentId: v.previousIncidentId,
    })
    .returning({ id: i.id, number: i.number });
  if (v.serviceIds.length) await tx.insert(schema.incidentServices).values(v.serviceIds.map((serviceId) => ({ incidentId: row.id, serviceId })));
  const declared = v.declared(row);
  await writeTimeline(tx, row.id, [{ kind: "status", body: declared.body, data: { declared: true, to: "triaging", ...declared.data }, at: v.detectedAt, authorId: null }]);
  await enqueueIncidentEvent(tx, row.id, "declared", v.detectedAt);
  await startEscalation(tx, row.id, v.detectedAt);
  return row;
}

type MovableRow = { id: string; status: Status; acknowledgedAt: Date | null; mitigatedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null };

/**
 * Moves the (locked) incident to `to` through the state machine, setting its timestamps as a person's
 * move would, with a status entry saying why. Closing is left to people. Returns false, writing
 * nothing, when the move is not allowed.
 */
export async function moveStatusBySystem(tx: Tx, row: MovableRow, to: Exclude<Status, "closed">, at: Date, reason: string, data: Record<string, unknown> = {}): Promise<boolean> {
  if (!checkTransition(row.status, to).ok) return false;
  const stamps = transitionStamps(row.status, to, { acknowledged: row.acknowledgedAt, mitigated: row.mitigatedAt, resolved: row.resolvedAt, closed: row.closedAt }, at);
  const set = Object.fromEntries(Object.entries(stamps).map(([field, value]) => [`${field}At`, value]));
  await tx
    .update(i)
    .set({ ...set, status: to, version: sql`${i.version} + 1`, updatedAt: at })
    .where(eq(i.id, row.id));
  await writeTimeline(tx, row.id, [{ kind: "status", body: `Status ${row.status} → ${to}: ${reason}`, data: { from: row.status, to, ...data }, at, authorId: null }]);
  await enqueueIncidentEvent(tx, row.id, to === "resolved" ? "resolved" : "status_changed", at, { status: row.status });
  await stopEscalationIfAcknowledged(tx, row.id, at);
  return true;
}
