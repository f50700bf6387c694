import "server-only";
import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { planUpdate, type IncidentState, type ServiceRef } from "./changes";
import { alertsOf } from "./alerts";
import { summaryOf, type IncidentDto, type IncidentSummaryDto } from "./dto";
import { incidentColumns, incidentIdOf, lockIncident, refOf, type IncidentRow, type Tx } from "./lookup";
import { peopleById, resolvePeople, type Person } from "./people";
import { parseIncidentRef } from "./ref";
import { incidentFilterSchema, incidentInputSchema, incidentPatchSchema, type IncidentFilter, type IncidentInput, type IncidentPatch } from "./schemas";
import { severityLevel, severityOf } from "./severity";
import { getSeverityTable } from "./severity-targets";
import { postmortemGate } from "@/lib/postmortems/closing";
import { enqueueRoleMails } from "@/lib/notify/role-mail";
import { roleMailChange } from "./role-changes";
import { writeTimeline } from "./timeline";
import { checkTimestampEdit, stampLabel, type StampField } from "./timestamps";
import { enqueueIncidentEvent } from "@/lib/notify/enqueue";
import { changeEvents } from "@/lib/notify/routing";
import { startEscalation, stopEscalationIfAcknowledged } from "@/lib/oncall/escalation-run";

const i = schema.incidents;
const is = schema.incidentServices;
const ir = schema.incidentResponders;
const svc = schema.services;
const invalid = (field: string, message: string) => new AppError("bad_request", message, { [field]: [message] });
/** Clock skew tolerated on times given by a client. */
const SKEW_MS = 60_000;

/** Service ids for slugs; a 400 naming every slug that is not a service. */
async function servicesBySlug(tx: Tx, slugs: string[]): Promise<ServiceRef[]> {
  if (!slugs.length) return [];
  const rows = await tx.select({ id: svc.id, slug: svc.slug }).from(svc).where(inArray(svc.slug, slugs));
  const missing = slugs.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length) throw invalid("services", `No service with slug ${missing.map((s) => `"${s}"`).join(", ")}.`);
  return slugs.map((s) => rows.find((r) => r.slug === s)!);
}

async function servicesOf(incidentIds: string[], db: ReturnType<typeof getDb> | Tx = getDb()) {
  const out = new Map<string, { id: string; slug: string; name: string }[]>(incidentIds.map((id) => [id, []]));
  if (!incidentIds.length) return out;
  const rows = await db
    .select({ incidentId: is.incidentId, id: svc.id, slug: svc.slug, name: svc.name })
    .from(is)
    .innerJoin(svc, eq(svc.id, is.serviceId))
    .where(inArray(is.incidentId, incidentIds))
    .orderBy(asc(svc.name));
  for (const { incidentId, ...s } of rows) out.get(incidentId)?.push(s);
  return out;
}

/** Declares an incident (responder and up); it starts in triaging with a "declared" timeline entry. */
export async function createIncident(actor: Principal, input: IncidentInput, nowMs = Date.now()): Promise<IncidentDto> {
  assertRole(actor, "responder");
  const parsed = incidentInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const detectedAt = v.detectedAt ? new Date(v.detectedAt) : new Date(nowMs);
  const startedAt = v.startedAt ? new Date(v.startedAt) : detectedAt;
  if (detectedAt.getTime() > nowMs + SKEW_MS) throw invalid("detectedAt", "Detection cannot be in the future.");
  if (startedAt > detectedAt) throw invalid("startedAt", "The incident cannot start after it was detected.");
  const { actorId } = auditActor(actor);
  const created = await getDb().transaction(async (tx) => {
    const services = await servicesBySlug(tx, v.services);
    const [row] = await tx
      .insert(i)
      .values({ title: v.title, summary: v.summary, severity: severityLevel(v.severity), customerFacing: v.customerFacing, detectedBy: v.detectedBy, startedAt, detectedAt, createdBy: actorId })
      .returning({ id: i.id, number: i.number });
    if (services.length) await tx.insert(is).values(services.map((s) => ({ incidentId: row.id, serviceId: s.id })));
    await writeTimeline(tx, row.id, [
      { kind: "status", body: `Declared ${refOf(row)} as ${v.severity}: ${v.title}`, data: { declared: true, to: "triaging", severity: v.severity, services: v.services }, authorId: actorId },
    ]);
    await enqueueIncidentEvent(tx, row.id, "declared", new Date(nowMs));
    await startEscalation(tx, row.id, new Date(nowMs));
    return row;
  });
  await recordAudit({ action: "incident.declared", ...auditActor(actor), target: refOf(created), details: { severity: v.severity, services: v.services } });
  return getIncident(actor, created.id);
}

/** One incident by uuid, INC-42 or 42 (viewer and up). */
export async function getIncident(actor: Principal, ref: string): Promise<IncidentDto> {
  assertRole(actor, "viewer");
  const id = await incidentIdOf(ref);
  const [row] = await getDb().select(incidentColumns).from(i).where(eq(i.id, id));
  const responders = await getDb().select({ userId: ir.userId }).from(ir).where(eq(ir.incidentId, id)).orderBy(asc(ir.addedAt));
  const people = await peopleById([row.commanderId, row.commsLeadId, row.createdBy, ...responders.map((r) => r.userId)]);
  const services = (await servicesOf([id])).get(id)!.map(({ slug, name }) => ({ slug, name }));
  const previous = row.previousIncidentId
    ? (await getDb().select({ id: i.id, number: i.number }).from(i).where(eq(i.id, row.previousIncidentId)))[0]
    : undefined;
  const person = (pid: string | null) => (pid ? (people.get(pid) ?? null) : null);
  return {
    ...summaryOf(row, services, person(row.commanderId)),
    summary: row.summary,
    roles: { commander: person(row.commanderId), commsLead: person(row.commsLeadId), responders: responders.map((r) => people.get(r.userId)).filter((p): p is Person => Boolean(p)) },
    impact: row.impact,
    previousIncident: previous ? { id: previous.id, ref: refOf(previous) } : null,
    createdBy: person(row.createdBy),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    alerts: await alertsOf(id),
  };
}

const commander = alias(schema.users, "commander");
/** started_at to the microsecond, so a cursor never skips or repeats rows that share a millisecond. */
const startedKey = sql<string>`to_char(${i.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Incidents matching the filters, newest start first, keyset-paginated by (started_at, id).
 * `q` is full-text (web search syntax: words, "phrases", -not, or) over title and summary, and
 * also matches the number given as INC-42 or 42.
 */
export async function listIncidents(actor: Principal, filter: IncidentFilter = {}): Promise<{ items: IncidentSummaryDto[]; nextCursor: string | null }> {
  assertRole(actor, "viewer");
  const parsed = incidentFilterSchema.safeParse(filter);
  if (!parsed.success) throw validationError(parsed.error);
  const f = parsed.data;
  const where: (SQL | undefined)[] = [];
  if (f.status?.length) where.push(inArray(i.status, f.status));
  if (f.severity?.length) where.push(inArray(i.severity, f.severity.map(severityLevel)));
  if (f.service) where.push(sql`exists (select 1 from ${is} join ${svc} on ${svc.id} = ${is.serviceId} where ${is.incidentId} = ${i.id} and ${svc.slug} = ${f.service})`);
  if (f.from) where.push(gte(i.startedAt, new Date(f.from)));
  if (f.to) where.push(lt(i.startedAt, new Date(f.to)));
  if (f.q) {
    const text = sql`${i.search} @@ websearch_to_tsquery('english', ${f.q})`;
    const byNumber = parseIncidentRef(f.q);
    where.push(byNumber && "number" in byNumber ? or(text, eq(i.number, byNumber.number)) : text);
  }
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor);
    if (Number.isNaN(Date.parse(at))) throw invalid("cursor", "The cursor is not valid; start again without it.");
    where.push(sql`(${i.startedAt}, ${i.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await getDb()
    .select({
      id: i.id,
      number: i.number,
      title: i.title,
      severity: i.severity,
      status: i.status,
      customerFacing: i.customerFacing,
      detectedBy: i.detectedBy,
      startedAt: i.startedAt,
      detectedAt: i.detectedAt,
      acknowledgedAt: i.acknowledgedAt,
      mitigatedAt: i.mitigatedAt,
      resolvedAt: i.resolvedAt,
      closedAt: i.closedAt,
      key: startedKey,
      commanderId: commander.id,
      commanderName: commander.name,
      commanderEmail: commander.email,
    })
    .from(i)
    .leftJoin(commander, eq(commander.id, i.commanderId))
    .where(and(...where))
    // "nulls last" (the columns are never null) matches incidents_started_idx, so the planner walks the
    // index instead of sorting the table: 130 ms → 2 ms for the first page of 100,000 (bench/RESULTS.md).
    .orderBy(sql`${i.startedAt} desc nulls last`, sql`${i.id} desc nulls last`)
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const services = await servicesOf(page.map((r) => r.id));
  const items = page.map((r) =>
    summaryOf(
      r,
      services.get(r.id)!.map(({ slug, name }) => ({ slug, name })),
      r.commanderId ? { id: r.commanderId, name: r.commanderName ?? "", email: r.commanderEmail ?? "" } : null,
    ),
  );
  const last = page.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor([last.key, last.id]) : null };
}

async function stateOf(tx: Tx, row: IncidentRow): Promise<IncidentState> {
  const responders = await tx.select({ userId: ir.userId }).from(ir).where(eq(ir.incidentId, row.id)).orderBy(asc(ir.addedAt));
  const people = await peopleById([row.commanderId, row.commsLeadId, ...responders.map((r) => r.userId)], tx);
  const person = (pid: string | null) => (pid ? (people.get(pid) ?? null) : null);
  return {
    title: row.title,
    summary: row.summary,
    severity: severityOf(row.severity),
    status: row.status,
    customerFacing: row.customerFacing,
    impact: row.impact,
    commander: person(row.commanderId),
    commsLead: person(row.commsLeadId),
    responders: responders.map((r) => people.get(r.userId)).filter((p): p is Person => Boolean(p)),
    services: (await servicesOf([row.id], tx)).get(row.id)!,
    stamps: { acknowledged: row.acknowledgedAt, mitigated: row.mitigatedAt, resolved: row.resolvedAt, closed: row.closedAt },
  };
}

function staleVersion(ref: string): AppError {
  return new AppError("conflict", `Someone else changed ${ref} since you opened it. Reload to see their changes; your input is kept.`);
}

/**
 * Changes an incident (responder and up): status through the state machine, severity, roles,
 * title, summary, customer-facing, impact, services. All or nothing: every change and its
 * timeline entries are written in one transaction; a refused status move or a stale `version`
 * writes nothing. A patch that changes nothing writes nothing either.
 */
export async function updateIncident(actor: Principal, ref: string, patch: IncidentPatch, version?: number, nowMs = Date.now()): Promise<IncidentDto> {
  assertRole(actor, "responder");
  const parsed = incidentPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const p = parsed.data;
  const expected = version ?? p.version;
  const { actorId } = auditActor(actor);
  // Read before the transaction: the embedded database has one connection, which the transaction holds.
  const table = await getSeverityTable();
  const gate = p.status === "closed" ? await postmortemGate(await incidentIdOf(ref)) : { published: false, requiredByBudget: false };
  const result = await getDb().transaction(async (tx) => {
    const row = await lockIncident(tx, ref);
    if (expected !== undefined && expected !== row.version) throw staleVersion(refOf(row));
    const roleRefs = { commander: p.commander ? [p.commander] : [], commsLead: p.commsLead ? [p.commsLead] : [], addResponders: p.addResponders ?? [] };
    const people = await resolvePeople(tx, roleRefs);
    const leaving = await resolvePeople(tx, { removeResponders: p.removeResponders ?? [] }, false);
    const plan = planUpdate(
      await stateOf(tx, row),
      {
        ...p,
        commander: p.commander === undefined ? undefined : (people.commander[0] ?? null),
        commsLead: p.commsLead === undefined ? undefined : (people.commsLead[0] ?? null),
        addResponders: people.addResponders,
        removeResponders: leaving.removeResponders,
        services: p.services === undefined ? undefined : await servicesBySlug(tx, p.services),
      },
      new Date(nowMs),
      { postmortemPublished: gate.published, postmortemRequired: gate.requiredByBudget || undefined, table },
    );
    if (!plan.changed.length) return { row, changed: [] };
    await tx
      .update(i)
      .set({ ...plan.row, version: sql`${i.version} + 1`, updatedAt: new Date(nowMs) })
      .where(eq(i.id, row.id));
    if (plan.responders.add.length) await tx.insert(ir).values(plan.responders.add.map((userId) => ({ incidentId: row.id, userId })));
    if (plan.responders.remove.length) await tx.delete(ir).where(and(eq(ir.incidentId, row.id), inArray(ir.userId, plan.responders.remove)));
    if (plan.services.add.length) await tx.insert(is).values(plan.services.add.map((serviceId) => ({ incidentId: row.id, serviceId })));
    if (plan.services.remove.length) await tx.delete(is).where(and(eq(is.incidentId, row.id), inArray(is.serviceId, plan.services.remove)));
    await writeTimeline(tx, row.id, plan.entries.map((e) => ({ ...e, at: new Date(nowMs), authorId: actorId })));
    await enqueueIncidentEvent(tx, row.id, changeEvents(plan.changed, plan.row.status), new Date(nowMs), { severity: severityOf(row.severity), status: row.status });
    await enqueueRoleMails(tx, row.id, roleMailChange(row, plan), { id: actorId, name: actor.name || actor.email }, new Date(nowMs));
    await stopEscalationIfAcknowledged(tx, row.id, new Date(nowMs));
    return { row, changed: plan.changed };
  });
  if (result.changed.length) {
    await recordAudit({ action: "incident.updated", ...auditActor(actor), target: refOf(result.row), details: { changed: result.changed, ...(p.status ? { status: p.status } : {}), ...(p.severity ? { severity: p.severity } : {}) } });
  }
  return getIncident(actor, result.row.id);
}

/**
 * Back-fills one of the incident's recorded times with a reason (responder and up), e.g. when it
 * started well before anyone noticed. The times keep their order (started ≤ detected ≤
 * acknowledged ≤ mitigated ≤ resolved ≤ closed) and cannot be in the future; a time not yet
 * recorded is set by the status move, not here.
 */
export async function editTimestamp(actor: Principal, ref: string, field: StampField, at: string | Date, reason: string, version?: number, nowMs = Date.now()): Promise<IncidentDto> {
  assertRole(actor, "responder");
  const edit = checkTimestampEdit({ field, at, reason, version });
  const { actorId } = auditActor(actor);
  const { row, changed } = await getDb().transaction(async (tx) => {
    const row = await lockIncident(tx, ref);
    if (edit.version !== undefined && edit.version !== row.version) throw staleVersion(refOf(row));
    const stamps = { started: row.startedAt, detected: row.detectedAt, acknowledged: row.acknowledgedAt, mitigated: row.mitigatedAt, resolved: row.resolvedAt, closed: row.closedAt };
    const problem = edit.problem(stamps, nowMs + SKEW_MS);
    if (problem) throw invalid("at", problem);
    const before = stamps[edit.field]!;
    if (before.getTime() === edit.at.getTime()) return { row, changed: false };
    await tx
      .update(i)
      .set({ [`${edit.field}At`]: edit.at, version: sql`${i.version} + 1`, updatedAt: new Date(nowMs) })
      .where(eq(i.id, row.id));
    await writeTimeline(tx, row.id, [
      {
        kind: "timestamp_edit",
        body: `${stampLabel(edit.field)} time corrected to ${edit.at.toISOString()} (was ${before.toISOString()}): ${edit.reason}`,
        data: { field: edit.field, from: before.toISOString(), to: edit.at.toISOString(), reason: edit.reason },
        at: new Date(nowMs),
        authorId: actorId,
      },
    ]);
    return { row, changed: true };
  });
  if (changed) await recordAudit({ action: "incident.timestamp_edited", ...auditActor(actor), target: refOf(row), details: { field: edit.field, at: edit.at.toISOString(), reason: edit.reason } });
  return getIncident(actor, row.id);
}
