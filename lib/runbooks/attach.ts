import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { incidentIdOf, lockIncident, refOf, type Tx } from "@/lib/incidents/lookup";
import { writeTimeline } from "@/lib/incidents/timeline";
import { severityOf } from "@/lib/incidents/severity";
import type { AttachedRunbookDto } from "./dto";
import { setDone } from "./progress";
import { noRunbook } from "./queries";

/**
 * Runbooks on incidents: attached by a responder or by Keel (alert names), steps ticked as a
 * checklist. Every change is written on the incident's timeline as an "action" entry, in the
 * transaction that makes it, with the incident locked so concurrent ticks are serialised.
 */

const rb = schema.runbooks;
const ir = schema.incidentRunbooks;
const u = schema.users;

type Reader = ReturnType<typeof getDb> | Tx;

async function attachedRows(db: Reader, incidentId: string, runbookId?: string): Promise<AttachedRunbookDto[]> {
  const rows = await db
    .select({
      slug: rb.slug,
      title: rb.title,
      scenario: rb.scenario,
      severityHint: rb.severityHint,
      steps: rb.steps,
      contacts: rb.contacts,
      version: rb.version,
      done: ir.done,
      attachedAt: ir.attachedAt,
      byId: u.id,
      byName: u.name,
      byEmail: u.email,
    })
    .from(ir)
    .innerJoin(rb, eq(rb.id, ir.runbookId))
    .leftJoin(u, eq(u.id, ir.attachedBy))
    .where(and(eq(ir.incidentId, incidentId), runbookId ? eq(ir.runbookId, runbookId) : undefined))
    .orderBy(asc(ir.attachedAt), asc(rb.title));
  return rows.map((r) => ({
    runbook: { slug: r.slug, title: r.title, scenario: r.scenario, severityHint: r.severityHint === null ? null : severityOf(r.severityHint), steps: r.steps, contacts: r.contacts, version: r.version },
    done: r.done,
    attachedBy: r.byId ? { id: r.byId, name: r.byName ?? "", email: r.byEmail ?? "" } : null,
    attachedAt: r.attachedAt.toISOString(),
  }));
}

/** The runbooks attached to an incident, in the order they were attached (viewer and up). */
export async function listAttachedRunbooks(actor: Principal, incidentRef: string): Promise<AttachedRunbookDto[]> {
  assertRole(actor, "viewer");
  return attachedRows(getDb(), await incidentIdOf(incidentRef));
}

async function runbookBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select({ id: rb.id, slug: rb.slug, title: rb.title, steps: rb.steps }).from(rb).where(eq(rb.slug, slug)).limit(1);
  if (!row) throw noRunbook(slug);
  return row;
}

/** Attaches a runbook to an incident (responder and up). Attaching one already attached changes nothing (`created` false). */
export async function attachRunbook(actor: Principal, incidentRef: string, slug: string, nowMs = Date.now()): Promise<{ attached: AttachedRunbookDto; created: boolean }> {
  assertRole(actor, "responder");
  const { actorId } = auditActor(actor);
  const result = await getDb().transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentRef);
    const runbook = await runbookBySlug(tx, slug);
    const inserted = await tx.insert(ir).values({ incidentId: incident.id, runbookId: runbook.id, attachedBy: actorId, attachedAt: new Date(nowMs) }).onConflictDoNothing().returning({ runbookId: ir.runbookId });
    if (inserted.length) {
      await writeTimeline(tx, incident.id, [
        { kind: "action", body: `Attached runbook “${runbook.title}” (${runbook.steps.length} steps)`, data: { runbook: runbook.slug, change: "attached" }, at: new Date(nowMs), authorId: actorId },
      ]);
    }
    const [attached] = await attachedRows(tx, incident.id, runbook.id);
    return { attached, created: inserted.length > 0, ref: refOf(incident) };
  });
  if (result.created) await recordAudit({ action: "incident.runbook_attached", ...auditActor(actor), target: result.ref, details: { runbook: slug } });
  return { attached: result.attached, created: result.created };
}

/** Detaches a runbook from an incident (responder and up); its progress goes with it, the timeline keeps the record. */
export async function detachRunbook(actor: Principal, incidentRef: string, slug: string, nowMs = Date.now()): Promise<void> {
  assertRole(actor, "responder");
  const { actorId } = auditActor(actor);
  const ref = await getDb().transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentRef);
    const runbook = await runbookBySlug(tx, slug);
    const gone = await tx.delete(ir).where(and(eq(ir.incidentId, incident.id), eq(ir.runbookId, runbook.id))).returning({ done: ir.done });
    if (!gone.length) throw new AppError("not_found", `Runbook "${slug}" is not attached to ${refOf(incident)}.`);
    await writeTimeline(tx, incident.id, [
      { kind: "action", body: `Detached runbook “${runbook.title}”`, data: { runbook: runbook.slug, change: "detached", done: gone[0].done }, at: new Date(nowMs), authorId: actorId },
    ]);
    return refOf(incident);
  });
  await recordAudit({ action: "incident.runbook_detached", ...auditActor(actor), target: ref, details: { runbook: slug } });
}

/**
 * Ticks (or unticks) step `index` (from 0) of a runbook attached to the incident (responder and
 * up). Setting a step to what it already is writes nothing.
 */
export async function setRunbookStep(actor: Principal, incidentRef: string, slug: string, index: number, done: boolean, nowMs = Date.now()): Promise<AttachedRunbookDto> {
  assertRole(actor, "responder");
  const { actorId } = auditActor(actor);
  return getDb().transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentRef);
    const runbook = await runbookBySlug(tx, slug);
    const [row] = await tx.select({ done: ir.done }).from(ir).where(and(eq(ir.incidentId, incident.id), eq(ir.runbookId, runbook.id)));
    if (!row) throw new AppError("not_found", `Runbook "${slug}" is not attached to ${refOf(incident)}.`);
    if (!Number.isInteger(index) || index < 0 || index >= runbook.steps.length) {
      throw new AppError("not_found", `Runbook "${slug}" has no step ${index}; its steps are numbered 0 to ${runbook.steps.length - 1}.`);
    }
    if (row.done.includes(index) !== done) {
      await tx
        .update(ir)
        .set({ done: setDone(row.done, index, done) })
        .where(and(eq(ir.incidentId, incident.id), eq(ir.runbookId, runbook.id)));
      const step = runbook.steps[index];
      await writeTimeline(tx, incident.id, [
        {
          kind: "action",
          body: `${done ? "Done" : "Not done after all"}: step ${index + 1} “${step.title}” of runbook “${runbook.title}”`,
          data: { runbook: runbook.slug, step: index, stepTitle: step.title, done },
          at: new Date(nowMs),
          authorId: actorId,
        },
      ]);
    }
    const [attached] = await attachedRows(tx, incident.id, runbook.id);
    return attached;
  });
}

/**
 * For alert ingestion, inside its transaction: attaches every runbook whose alert names include
 * one of `alertNames` to the incident just opened, with an entry by Keel for each. Returns their slugs.
 */
export async function attachRunbooksForAlerts(tx: Tx, incidentId: string, alertNames: readonly string[], at: Date): Promise<string[]> {
  const names = [...new Set(alertNames.filter(Boolean))];
  if (!names.length) return [];
  const matches = await tx
    .select({ id: rb.id, slug: rb.slug, title: rb.title, alertNames: rb.alertNames })
    .from(rb)
    .where(sql`${rb.alertNames} ?| array[${sql.join(names.map((n) => sql`${n}`), sql`, `)}]::text[]`)
    .orderBy(asc(rb.title));
  if (!matches.length) return [];
  await tx
    .insert(ir)
    .values(matches.map((m) => ({ incidentId, runbookId: m.id, attachedBy: null, attachedAt: at })))
    .onConflictDoNothing();
  await writeTimeline(
    tx,
    incidentId,
    matches.map((m) => {
      const matched = names.filter((n) => m.alertNames.includes(n));
      return { kind: "action" as const, body: `Attached runbook “${m.title}” for alert ${matched.join(", ")}`, data: { runbook: m.slug, change: "attached", alertNames: matched }, at, authorId: null };
    }),
  );
  return matches.map((m) => m.slug);
}
