import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { schema } from "@/db";
import { env } from "@/lib/env";
import type { Tx } from "@/lib/incidents/lookup";
import { incidentRef } from "@/lib/incidents/ref";
import { severityOf } from "@/lib/incidents/severity";
import { writeTimeline } from "@/lib/incidents/timeline";
import { incidentUrl } from "@/lib/notify/payload";
import { inScope } from "@/lib/notify/routing";
import { publicBaseUrl } from "@/lib/status-page/base-url";
import { scheduleLookup, stepRecipients, type EscalationTarget, type OnCallLookup } from "./escalation";
import { labelTarget, loadDirectory } from "./escalation-targets";
import { cancelEscalation, isAcknowledged } from "./escalation-run";
import { loadOverrides, loadSchedule } from "./load";
import { ON_CALL_HORIZON_MS } from "./on-call-at";
import { escalationPayload, nobodyProblem, pageEmail, timelineText, type PagedPerson, type StepFired } from "./page-message";
import type { Override, Schedule } from "./types";

/**
 * Fires one claimed escalation timer inside the caller's transaction (which holds the timer and
 * its incident locked): if the incident was acknowledged meanwhile, cancels what is pending;
 * otherwise resolves the step's people at `now` from the schedules, queues a page email to each
 * (recipient deliveries in the notification outbox) and an "escalated" event to every enabled
 * webhook channel covering the incident that takes "declared" news, writes the timeline entry and
 * marks the timer fired with who was paged, or with "Nobody on call" as its problem.
 */

const t = schema.escalationTimers;
const d = schema.notificationDeliveries;
export type TimerRow = typeof t.$inferSelect;

/** The schedules the targets name, with overrides around `atMs`, read through the transaction. */
async function lookupFor(tx: Tx, targets: EscalationTarget[], atMs: number): Promise<OnCallLookup> {
  const ids = [...new Set(targets.flatMap((x) => (x.kind === "user" ? [] : [x.scheduleId])))];
  const map = new Map<string, { schedule: Schedule; overrides: Override[] }>();
  for (const id of ids) {
    const found = await loadSchedule(id, tx).catch(() => null);
    if (found) map.set(id, { schedule: found.schedule, overrides: await loadOverrides(id, { fromMs: atMs - ON_CALL_HORIZON_MS, toMs: atMs + ON_CALL_HORIZON_MS }, tx) });
  }
  const lookup = scheduleLookup(map);
  // A schedule the core refuses (a broken stored layer) reaches nobody rather than stopping the escalation.
  const seen = new Map<string, string[] | null>();
  return (target, at) => {
    const key = `${target.scheduleId}:${target.kind === "layer" ? target.layerId : ""}:${at}`;
    if (!seen.has(key)) {
      try {
        seen.set(key, lookup(target, at));
      } catch {
        seen.set(key, null);
      }
    }
    return seen.get(key)!;
  };
}

async function incidentOf(tx: Tx, incidentId: string) {
  const i = schema.incidents;
  const [row] = await tx.select({ id: i.id, number: i.number, title: i.title, severity: i.severity, status: i.status, acknowledgedAt: i.acknowledgedAt }).from(i).where(eq(i.id, incidentId));
  const services = await tx
    .select({ id: schema.services.id, slug: schema.services.slug, name: schema.services.name, teamId: schema.services.teamId })
    .from(schema.incidentServices)
    .innerJoin(schema.services, eq(schema.services.id, schema.incidentServices.serviceId))
    .where(eq(schema.incidentServices.incidentId, incidentId))
    .orderBy(asc(schema.services.name));
  return { row, services };
}

/** How many steps and rounds the escalation has, and when the step after this one is due. */
async function shapeOf(tx: Tx, timer: TimerRow) {
  const samePolicy = timer.policyId ? eq(t.policyId, timer.policyId) : isNull(t.policyId);
  const all = await tx.select({ stepIndex: t.stepIndex, round: t.round, dueAt: t.dueAt, status: t.status }).from(t).where(and(eq(t.incidentId, timer.incidentId), samePolicy)).orderBy(asc(t.dueAt), asc(t.round), asc(t.stepIndex));
  const steps = Math.max(...all.map((x) => x.stepIndex)) + 1;
  const rounds = Math.max(...all.map((x) => x.round)) + 1;
  const next = all.find((x) => x.status === "pending" && (x.round > timer.round || (x.round === timer.round && x.stepIndex > timer.stepIndex)));
  return { steps, rounds, nextAt: next ? next.dueAt.toISOString() : null };
}

export async function fireTimer(tx: Tx, timer: TimerRow, now: Date): Promise<"fired" | "cancelled"> {
  const { row, services } = await incidentOf(tx, timer.incidentId);
  if (isAcknowledged(row)) {
    const resolved = row.status === "resolved" || row.status === "closed";
    await cancelEscalation(tx, row.id, now, resolved ? "the incident was resolved" : "the incident was acknowledged");
    return "cancelled";
  }
  const targets = timer.targets as unknown as EscalationTarget[];
  const lookup = await lookupFor(tx, targets, now.getTime());
  const found = stepRecipients({ targets }, now.getTime(), lookup);
  const dir = await loadDirectory(found.userIds, tx);
  const enabled = (id: string) => dir.users.some((u) => u.id === id && !u.disabled);
  const paged: PagedPerson[] = [];
  for (const target of targets) {
    const people = target.kind === "user" ? [target.userId] : (lookup(target, now.getTime()) ?? []);
    const label = labelTarget(dir, target);
    for (const id of people) {
      const user = dir.users.find((u) => u.id === id);
      if (!user || !enabled(id) || paged.some((p) => p.id === id)) continue;
      const via = target.kind === "user" ? null : target.kind === "layer" ? label.label.split(" · ").at(-1)! : label.label;
      paged.push({ id, name: user.name, email: user.email, via, viaLong: target.kind === "user" ? null : label.label });
    }
  }
  const disabled = found.userIds.filter((id) => !enabled(id)).map((id) => `${dir.users.find((u) => u.id === id)?.name ?? "a removed person"} (account disabled)`);
  const nobody = [...found.empty.map((e) => labelTarget(dir, e.target).label), ...disabled];

  const ref = incidentRef(row.number);
  const shape = await shapeOf(tx, timer);
  const fired: StepFired = {
    incident: { id: row.id, ref, title: row.title, severity: severityOf(row.severity), status: row.status, services: services.map(({ slug, name }) => ({ slug, name })), url: incidentUrl(publicBaseUrl(), ref) },
    step: timer.stepIndex + 1,
    steps: shape.steps,
    round: timer.round + 1,
    rounds: shape.rounds,
    paged,
    nobody,
    nextAt: shape.nextAt,
    at: now.toISOString(),
  };
  const problem = nobodyProblem(fired);
  const rows: (typeof d.$inferInsert)[] = [];
  if (env().SMTP_URL) for (const person of paged) rows.push({ channelId: null, recipient: person.email, incidentId: row.id, event: "escalation_page", payload: pageEmail(fired, person), nextAttemptAt: now });
  const c = schema.notificationChannels;
  const channels = await tx.select({ id: c.id, serviceId: c.serviceId, teamId: c.teamId, events: c.events }).from(c).where(and(eq(c.enabled, true), eq(c.kind, "webhook")));
  const scope = { serviceIds: services.map((s) => s.id), teamIds: services.map((s) => s.teamId) };
  const payload = escalationPayload(fired);
  for (const ch of channels) if (inScope(ch, scope) && ch.events.includes("declared")) rows.push({ channelId: ch.id, incidentId: row.id, event: "escalated", payload, nextAttemptAt: now });
  if (rows.length) await tx.insert(d).values(rows);

  const notified = paged.map((p) => p.id);
  await writeTimeline(tx, row.id, [
    {
      kind: problem ? "note" : "action",
      body: timelineText(fired),
      data: { escalation: { timerId: timer.id, policyId: timer.policyId, step: fired.step, round: fired.round, notified, nobodyOnCall: nobody, problem, emailed: Boolean(env().SMTP_URL) } },
      at: now,
      authorId: null,
    },
  ]);
  await tx.update(t).set({ status: "fired", firedAt: now, notified, problem }).where(eq(t.id, timer.id));
  return "fired";
}
