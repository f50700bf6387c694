import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { schema } from "@/db";
import type { Tx } from "@/lib/incidents/lookup";
import { writeTimeline } from "@/lib/incidents/timeline";
import { logger } from "@/lib/observability/logger";
import { escalationPlan, type EscalationStep } from "./escalation";

/**
 * Starting and stopping an incident's escalation, inside the transaction that opens or changes the
 * incident: opening plans every notification of each policy covering its services as durable
 * timers (escalation_timers, fired by escalation-worker.ts); acknowledging cancels the pending ones.
 */

const t = schema.escalationTimers;
const i = schema.incidents;

/**
 * Plans the escalation of a just-opened incident: for each distinct policy of its services (a
 * service follows at most one), one pending timer per step and round, the first due at `openedAt`.
 * The timers keep the steps as planned, so editing the policy later changes no running escalation.
 * A policy that is somehow invalid is logged and skipped: it never stops the incident opening.
 */
export async function startEscalation(tx: Tx, incidentId: string, openedAt: Date): Promise<number> {
  const p = schema.escalationPolicies;
  const sp = schema.serviceEscalationPolicies;
  const rows = await tx
    .select({ serviceId: sp.serviceId, policyId: p.id, steps: p.steps, repeat: p.repeat })
    .from(schema.incidentServices)
    .innerJoin(sp, eq(sp.serviceId, schema.incidentServices.serviceId))
    .innerJoin(p, eq(p.id, sp.policyId))
    .where(eq(schema.incidentServices.incidentId, incidentId))
    .orderBy(asc(p.name), asc(sp.serviceId));
  const seen = new Set<string>();
  const values: (typeof t.$inferInsert)[] = [];
  for (const r of rows) {
    if (seen.has(r.policyId)) continue;
    seen.add(r.policyId);
    try {
      for (const n of escalationPlan({ steps: r.steps as unknown as EscalationStep[], repeat: r.repeat }, openedAt.getTime())) {
        values.push({ incidentId, policyId: r.policyId, serviceId: r.serviceId, stepIndex: n.stepIndex, round: n.round, targets: n.targets, dueAt: new Date(n.dueMs) });
      }
    } catch (err) {
      logger().error({ err, policy: r.policyId, incident: incidentId }, "escalation policy is invalid; the incident does not escalate");
    }
  }
  if (values.length) await tx.insert(t).values(values).onConflictDoNothing();
  return values.length;
}

/** Cancels the incident's pending timers with a timeline entry saying why; returns how many. */
export async function cancelEscalation(tx: Tx, incidentId: string, at: Date, why: string): Promise<number> {
  const cancelled = await tx
    .update(t)
    .set({ status: "cancelled" })
    .where(and(eq(t.incidentId, incidentId), eq(t.status, "pending")))
    .returning({ id: t.id });
  if (cancelled.length) {
    const n = cancelled.length;
    await writeTimeline(tx, incidentId, [{ kind: "action", body: `Escalation stopped: ${why}; ${n} pending page${n === 1 ? "" : "s"} cancelled.`, data: { escalation: { stopped: why, cancelled: n } }, at, authorId: null }]);
  }
  return cancelled.length;
}

/** Whether an incident counts as acknowledged: it left triaging or has an acknowledgement time. */
export const isAcknowledged = (row: { status: string; acknowledgedAt: Date | null }) => row.status !== "triaging" || row.acknowledgedAt !== null;

/**
 * Stops the escalation if the incident (as written in this transaction) is acknowledged. Call it
 * after an update; it does nothing when nothing is pending or the incident is still unacknowledged.
 */
export async function stopEscalationIfAcknowledged(tx: Tx, incidentId: string, at: Date): Promise<number> {
  const [row] = await tx.select({ status: i.status, acknowledgedAt: i.acknowledgedAt }).from(i).where(eq(i.id, incidentId));
  if (!row || !isAcknowledged(row)) return 0;
  return cancelEscalation(tx, incidentId, at, row.status === "resolved" || row.status === "closed" ? "the incident was resolved" : "the incident was acknowledged");
}
