import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError, type FieldErrors } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "./enqueue";
import type { MaintenanceDto } from "./maintenance-dto";
import { announceMaintenance } from "./maintenance-enqueue";
import { maintenanceIdSchema, maintenanceInputSchema, maintenancePatchSchema, type MaintenanceInput, type MaintenancePatch } from "./maintenance-schemas";
import { announcementForEdit, isChangeable, maintenancePhase, scheduleErrors, type Announcement } from "./maintenance-state";

/*
 * Scheduled maintenance inside Keel: viewers read it; responders and admins schedule, edit and
 * cancel it (it is customer communication, like an incident's status updates). Each change is
 * audited, and the announcement emails are queued in the change's own transaction.
 */

const m = schema.statusMaintenances;
const ms = schema.statusMaintenanceServices;
const s = schema.services;
const u = schema.users;
const MAX_LIST = 500;

type Reader = ReturnType<typeof getDb> | Tx;

/** A change and how many subscriber emails it queued. */
export type MaintenanceChange = { maintenance: MaintenanceDto; notified: number };

export function noMaintenance(id: string): AppError {
  return new AppError("not_found", `No maintenance "${id}".`);
}

const columns = {
  id: m.id,
  title: m.title,
  description: m.description,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  cancelledAt: m.cancelledAt,
  announcedAt: m.announcedAt,
  version: m.version,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
  creatorName: u.name,
  creatorEmail: u.email,
};

async function loadDtos(db: Reader, where: SQL | undefined, nowMs: number, limit: number): Promise<MaintenanceDto[]> {
  const rows = await db.select(columns).from(m).leftJoin(u, eq(u.id, m.createdBy)).where(where).orderBy(desc(m.startsAt), desc(m.createdAt)).limit(limit);
  if (!rows.length) return [];
  const links = await db
    .select({ maintenanceId: ms.maintenanceId, slug: s.slug, name: s.name, public: s.public })
    .from(ms)
    .innerJoin(s, eq(s.id, ms.serviceId))
    .where(
      inArray(
        ms.maintenanceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(s.name), asc(s.slug));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    phase: maintenancePhase({ startsMs: r.startsAt.getTime(), endsMs: r.endsAt.getTime(), cancelledMs: r.cancelledAt?.getTime() ?? null }, nowMs),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    announcedAt: r.announcedAt?.toISOString() ?? null,
    services: links.filter((l) => l.maintenanceId === r.id).map(({ slug, name, public: isPublic }) => ({ slug, name, public: isPublic })),
    version: r.version,
    createdBy: r.creatorEmail ? { name: r.creatorName ?? "", email: r.creatorEmail } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Every maintenance, newest start first (viewer and up). */
export async function listMaintenances(actor: Principal, nowMs = Date.now()): Promise<{ items: MaintenanceDto[] }> {
  assertRole(actor, "viewer");
  return { items: await loadDtos(getDb(), undefined, nowMs, MAX_LIST) };
}

export async function getMaintenance(actor: Principal, id: string, nowMs = Date.now()): Promise<MaintenanceDto> {
  assertRole(actor, "viewer");
  if (!maintenanceIdSchema.safeParse(id).success) throw noMaintenance(id);
  const [found] = await loadDtos(getDb(), eq(m.id, id), nowMs, 1);
  if (!found) throw noMaintenance(id);
  return found;
}

/** The services a maintenance may name: the public ones, by name (viewer and up). */
export async function maintenanceComponentChoices(actor: Principal): Promise<{ slug: string; name: string }[]> {
  assertRole(actor, "viewer");
  return getDb().select({ slug: s.slug, name: s.name }).from(s).where(eq(s.public, true)).orderBy(asc(s.name), asc(s.slug));
}

/** The public services named by slug; a field error naming those that are not. */
async function publicServices(db: Reader, slugs: readonly string[], errors: FieldErrors): Promise<{ id: string; slug: string }[]> {
  const rows = await db
    .select({ id: s.id, slug: s.slug })
    .from(s)
    .where(and(inArray(s.slug, [...slugs]), eq(s.public, true)));
  const missing = slugs.filter((slug) => !rows.some((r) => r.slug === slug));
  if (missing.length) errors.services = [`Not a public service: ${missing.join(", ")}. Choose components from the list.`];
  return rows;
}

function throwIfAny(errors: FieldErrors) {
  if (Object.keys(errors).length) throw new AppError("bad_request", "Some fields are invalid.", errors);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Schedules a maintenance (responder and up) and announces it to the subscribers of its components. */
export async function createMaintenance(actor: Principal, input: MaintenanceInput, nowMs = Date.now()): Promise<MaintenanceChange> {
  assertRole(actor, "responder");
  const parsed = maintenanceInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const errors: FieldErrors = { ...scheduleErrors(v.startsMs, v.endsMs, nowMs) };
  const services = await publicServices(getDb(), v.services, errors);
  throwIfAny(errors);
  const { id, notified } = await getDb().transaction(async (tx) => {
    const now = new Date(nowMs);
    const [row] = await tx
      .insert(m)
      .values({ title: v.title, description: v.description, startsAt: new Date(v.startsMs), endsAt: new Date(v.endsMs), createdBy: actor.via === "cli" ? null : actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: m.id });
    await tx.insert(ms).values(services.map((x) => ({ maintenanceId: row.id, serviceId: x.id })));
    return { id: row.id, notified: await announceMaintenance(tx, row.id, "scheduled", nowMs) };
  });
  await recordAudit({ action: "status_maintenance.created", ...auditActor(actor), target: id, details: { title: v.title, startsAt: iso(v.startsMs), endsAt: iso(v.endsMs), services: v.services, notified } });
  return { maintenance: await getMaintenance(actor, id, nowMs), notified };
}

/** The row an edit or cancellation works on, locked for the transaction. */
async function lockedRow(tx: Tx, id: string) {
  if (!maintenanceIdSchema.safeParse(id).success) throw noMaintenance(id);
  const [row] = await tx
    .select({ id: m.id, title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, cancelledAt: m.cancelledAt, announcedAt: m.announcedAt, version: m.version })
    .from(m)
    .where(eq(m.id, id))
    .for("update");
  if (!row) throw noMaintenance(id);
  return { ...row, startsMs: row.startsAt.getTime(), endsMs: row.endsAt.getTime(), cancelledMs: row.cancelledAt?.getTime() ?? null };
}

const finished = (phase: "completed" | "cancelled", doing: string) => new AppError("conflict", `This maintenance is ${phase}; it can no longer be ${doing}.`);

/**
 * Changes a scheduled or in-progress maintenance (responder and up). A stale `version` is refused.
 * A new window or other components are announced again (to the subscribers of the components it
 * affects now and those it affected before); a change of text alone is not.
 */
export async function updateMaintenance(actor: Principal, id: string, patch: MaintenancePatch, nowMs = Date.now()): Promise<MaintenanceChange> {
  assertRole(actor, "responder");
  const parsed = maintenancePatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const c = parsed.data;
  const { notified, announced, title } = await getDb().transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    if (c.version !== undefined && c.version !== row.version) {
      throw new AppError("conflict", "Someone else changed this maintenance since you opened it. Reload to see their changes; your input is kept.");
    }
    const phase = maintenancePhase(row, nowMs);
    if (!isChangeable(phase)) throw finished(phase as "completed" | "cancelled", "changed");
    const startsMs = c.startsMs ?? row.startsMs;
    const endsMs = c.endsMs ?? row.endsMs;
    const timesChanged = startsMs !== row.startsMs || endsMs !== row.endsMs;
    const errors: FieldErrors = timesChanged ? { ...scheduleErrors(startsMs, endsMs, nowMs, phase) } : {};
    const services = c.services ? await publicServices(tx, c.services, errors) : null;
    throwIfAny(errors);
    const before = (await tx.select({ id: ms.serviceId }).from(ms).where(eq(ms.maintenanceId, id))).map((r) => r.id);
    await tx
      .update(m)
      .set({ title: c.title, description: c.description, startsAt: new Date(startsMs), endsAt: new Date(endsMs), version: sql`${m.version} + 1`, updatedAt: new Date(nowMs) })
      .where(eq(m.id, id));
    if (services) {
      await tx.delete(ms).where(eq(ms.maintenanceId, id));
      await tx.insert(ms).values(services.map((x) => ({ maintenanceId: id, serviceId: x.id })));
    }
    const after = services ? services.map((x) => x.id) : before;
    const kind: Announcement | null = announcementForEdit({ startsMs: row.startsMs, endsMs: row.endsMs, componentIds: before }, { startsMs, endsMs, componentIds: after });
    // A window moved into the past (ended early) is recorded, not announced.
    const stillAhead = maintenancePhase({ startsMs, endsMs, cancelledMs: null }, nowMs) !== "completed";
    const queued = kind && stillAhead ? await announceMaintenance(tx, id, kind, nowMs, { previous: { startsMs: row.startsMs, endsMs: row.endsMs }, alsoComponentIds: before }) : 0;
    return { notified: queued, announced: kind && stillAhead ? kind : null, title: c.title ?? row.title };
  });
  const details: Record<string, unknown> = { title, announced, notified };
  if (c.startsMs !== undefined) details.startsAt = iso(c.startsMs);
  if (c.endsMs !== undefined) details.endsAt = iso(c.endsMs);
  if (c.services) details.services = c.services;
  await recordAudit({ action: "status_maintenance.updated", ...auditActor(actor), target: id, details });
  return { maintenance: await getMaintenance(actor, id, nowMs), notified };
}

/**
 * Cancels a maintenance that has not completed (responder and up); the row stays for the record.
 * Subscribers who were told about it are told it is off. Cancelling again changes nothing.
 */
export async function cancelMaintenance(actor: Principal, id: string, nowMs = Date.now()): Promise<MaintenanceChange> {
  assertRole(actor, "responder");
  const outcome = await getDb().transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    const phase = maintenancePhase(row, nowMs);
    if (phase === "cancelled") return null;
    if (phase === "completed") throw finished("completed", "cancelled");
    await tx
      .update(m)
      .set({ cancelledAt: new Date(nowMs), version: sql`${m.version} + 1`, updatedAt: new Date(nowMs) })
      .where(eq(m.id, id));
    return { title: row.title, notified: row.announcedAt ? await announceMaintenance(tx, id, "cancelled", nowMs) : 0 };
  });
  if (outcome) await recordAudit({ action: "status_maintenance.cancelled", ...auditActor(actor), target: id, details: outcome });
  return { maintenance: await getMaintenance(actor, id, nowMs), notified: outcome?.notified ?? 0 };
}
