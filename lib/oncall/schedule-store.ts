import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { ZodType } from "zod";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation, validationError, type FieldErrors } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { iso, type ScheduleDto, type ScheduleSummaryDto } from "./dto";
import { editLayer } from "./history";
import { checkLayer, newLayer } from "./layer";
import { loadSchedule, noSchedule } from "./load";
import { peopleById, personOf, resolvePeople } from "./people";
import { duplicateLayerNames, scheduleCreateSchema, schedulePatchSchema } from "./schedule-input";
import type { LayerDefinition, LayerVersion, Schedule } from "./types";
import { localInstant, parseLocalDate, parseTimeOfDay } from "./zone";

const s = schema.schedules;
const l = schema.scheduleLayers;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A schedule by uuid or exact name. */
export const scheduleWhere = (ref: string) => (UUID.test(ref) ? eq(s.id, ref.toLowerCase()) : eq(s.name, ref));

export function parseInput<T>(schemaOf: ZodType<T>, input: unknown): T {
  const parsed = schemaOf.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

const invalid = (fields: FieldErrors) => new AppError("bad_request", "Some fields are invalid.", fields);
const nameTaken = (name: string) => new AppError("conflict", `A schedule called "${name}" already exists.`, { name: ["This name is already used by another schedule."] });

type LayerIn = { name: string; rotation: { type: LayerDefinition["rotation"]["type"]; length: number; handoffTime: string; start: string; participants: string[] }; restrictions?: LayerDefinition["restrictions"] };

/** A definition in a fixed shape, so two equal ones serialize the same. */
export function normalDefinition(d: LayerDefinition): LayerDefinition {
  const r = d.rotation;
  const out: LayerDefinition = { rotation: { type: r.type, length: r.length, handoffTime: r.handoffTime, start: r.start, participants: [...r.participants] } };
  if (d.restrictions?.length) out.restrictions = d.restrictions.map((x) => (x.days ? { days: [...x.days], start: x.start, end: x.end } : { start: x.start, end: x.end }));
  return out;
}

/** Participants (ids or emails) to user ids, and the core's own checks; any problem is a field error and nothing is saved. */
async function resolveLayers(layers: LayerIn[]): Promise<LayerDefinition[]> {
  const { ids, problems } = await resolvePeople(layers.flatMap((x) => x.rotation.participants));
  const fields: FieldErrors = duplicateLayerNames(layers);
  let k = 0;
  const defs = layers.map((layer, i) => {
    const participants = layer.rotation.participants.map((_, j) => {
      const problem = problems[k];
      const id = ids[k++];
      if (problem) (fields[`layers.${i}.rotation.participants.${j}`] ??= []).push(problem);
      return id ?? "";
    });
    return normalDefinition({ rotation: { ...layer.rotation, participants }, restrictions: layer.restrictions });
  });
  if (Object.keys(fields).length) throw invalid(fields);
  defs.forEach((d, i) => {
    try {
      checkLayer(newLayer("check", layers[i].name, d));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      fields[`layers.${i}`] = [err.message];
    }
  });
  if (Object.keys(fields).length) throw invalid(fields);
  return defs;
}

async function resolveTeam(slug: string | null | undefined): Promise<string | null> {
  if (!slug) return null;
  const [t] = await getDb().select({ id: schema.teams.id }).from(schema.teams).where(eq(schema.teams.slug, slug)).limit(1);
  if (!t) throw invalid({ team: [`No team "${slug}".`] });
  return t.id;
}

/** The first instant any layer has someone on call by its definitions (its own start, or when it was added). */
function firstShiftMs(schedule: Schedule): number {
  let first = Infinity;
  for (const layer of schedule.layers) {
    const v = layer.versions[0];
    const day = parseLocalDate(v.rotation.start);
    const minutes = parseTimeOfDay(v.rotation.handoffTime);
    if (day === null || minutes === null) continue;
    first = Math.min(first, Math.max(v.effectiveFrom ?? -Infinity, localInstant(day, minutes, schedule.timeZone)));
  }
  return first;
}

/** Whether the schedule has had a shift (its time zone is then fixed). */
export async function scheduleStarted(id: string, nowMs = Date.now()): Promise<boolean> {
  return firstShiftMs((await loadSchedule(id)).schedule) < nowMs;
}

/** Schedules by name (viewer and up). */
export async function listSchedules(actor: Principal): Promise<{ items: ScheduleSummaryDto[] }> {
  assertRole(actor, "viewer");
  const db = getDb();
  const rows = await db
    .select({ id: s.id, name: s.name, description: s.description, timeZone: s.timeZone, version: s.version, updatedAt: s.updatedAt, teamSlug: schema.teams.slug, teamName: schema.teams.name })
    .from(s)
    .leftJoin(schema.teams, eq(schema.teams.id, s.teamId))
    .orderBy(asc(s.name));
  const layers = await db.select({ id: l.id, name: l.name, scheduleId: l.scheduleId }).from(l).where(isNull(l.removedAt)).orderBy(asc(l.position), asc(l.createdAt));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      timeZone: r.timeZone,
      team: r.teamSlug ? { slug: r.teamSlug, name: r.teamName ?? r.teamSlug } : null,
      version: r.version,
      updatedAt: iso(r.updatedAt.getTime()),
      layers: layers.filter((x) => x.scheduleId === r.id).map((x) => ({ id: x.id, name: x.name })),
    })),
  };
}

/** One schedule with each layer's current definition (viewer and up); `ref` is its uuid or name. */
export async function getSchedule(actor: Principal, ref: string): Promise<ScheduleDto> {
  assertRole(actor, "viewer");
  const db = getDb();
  const [row] = await db
    .select({ id: s.id, name: s.name, description: s.description, timeZone: s.timeZone, version: s.version, createdAt: s.createdAt, updatedAt: s.updatedAt, teamSlug: schema.teams.slug, teamName: schema.teams.name })
    .from(s)
    .leftJoin(schema.teams, eq(schema.teams.id, s.teamId))
    .where(scheduleWhere(ref))
    .limit(1);
  if (!row) throw noSchedule(ref);
  const layers = await db.select().from(l).where(and(eq(l.scheduleId, row.id), isNull(l.removedAt))).orderBy(asc(l.position), asc(l.createdAt));
  const versions = layers.map((x) => x.versions as unknown as LayerVersion[]);
  const people = await peopleById(versions.flatMap((v) => v.at(-1)!.rotation.participants));
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    team: row.teamSlug ? { slug: row.teamSlug, name: row.teamName ?? row.teamSlug } : null,
    version: row.version,
    createdAt: iso(row.createdAt.getTime()),
    updatedAt: iso(row.updatedAt.getTime()),
    layers: layers.map((x, i) => {
      const v = versions[i].at(-1)!;
      return {
        id: x.id,
        name: x.name,
        position: i,
        rotation: { ...v.rotation, participants: v.rotation.participants.map((p) => personOf(people, p)) },
        restrictions: v.restrictions ?? [],
        versions: versions[i].length,
      };
    }),
  };
}

/** Creates a schedule (admin). Participants are user ids or emails; any bad field is a 400 and nothing is saved. */
export async function createSchedule(actor: Principal, input: unknown): Promise<ScheduleDto> {
  assertRole(actor, "admin");
  const v = parseInput(scheduleCreateSchema, input);
  const defs = await resolveLayers(v.layers);
  const teamId = await resolveTeam(v.team);
  const createdBy = actor.via === "cli" ? null : actor.userId;
  let id: string;
  try {
    id = await getDb().transaction(async (tx) => {
      const [row] = await tx.insert(s).values({ name: v.name, description: v.description ?? "", timeZone: v.timeZone, teamId, createdBy }).returning({ id: s.id });
      await tx.insert(l).values(defs.map((d, i) => ({ scheduleId: row.id, name: v.layers[i].name, position: i, versions: [d] as unknown as Record<string, unknown>[] })));
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(v.name);
    throw err;
  }
  await recordAudit({ action: "schedule.created", ...auditActor(actor), target: v.name, details: { scheduleId: id, timeZone: v.timeZone, layers: v.layers.map((x) => x.name) } });
  return getSchedule(actor, id);
}

/**
 * Changes a schedule (admin). Layers, when given, are the whole new list in order: a layer with an
 * `id` is kept (its rotation edited at `nowMs` when it changed, so shifts before stay as they
 * were), one without is added from `nowMs` on, a layer left out is removed from `nowMs` on. The
 * time zone can change only before the first shift (it would move every past one). A stale
 * `version` is refused.
 */
export async function updateSchedule(actor: Principal, ref: string, patch: unknown, nowMs = Date.now()): Promise<ScheduleDto> {
  assertRole(actor, "admin");
  const v = parseInput(schedulePatchSchema, patch);
  const defs = v.layers ? await resolveLayers(v.layers) : null;
  const teamId = v.team === undefined ? undefined : await resolveTeam(v.team);
  const now = new Date(nowMs);
  let summary: { id: string; name: string; edited: string[]; added: string[]; removed: string[] };
  try {
    summary = await getDb().transaction(async (tx) => {
      const [row] = await tx.select({ id: s.id, name: s.name, version: s.version, timeZone: s.timeZone }).from(s).where(scheduleWhere(ref)).for("update");
      if (!row) throw noSchedule(ref);
      if (v.version !== undefined && v.version !== row.version) {
        throw new AppError("conflict", "Someone else changed this schedule since you opened it. Reload to see their changes; your input is kept.");
      }
      const { schedule } = await loadSchedule(row.id, tx);
      if (v.timeZone && v.timeZone !== row.timeZone && firstShiftMs(schedule) < nowMs) {
        throw invalid({ timeZone: ["The time zone cannot change once the schedule has started: past shifts would move. Create a new schedule instead."] });
      }
      const out = { id: row.id, name: v.name ?? row.name, edited: [] as string[], added: [] as string[], removed: [] as string[] };
      if (v.layers && defs) {
        const live = new Map((await tx.select({ id: l.id, name: l.name }).from(l).where(and(eq(l.scheduleId, row.id), isNull(l.removedAt)))).map((x) => [x.id, x.name]));
        const unknown: FieldErrors = {};
        v.layers.forEach((x, i) => {
          if (x.id && !live.has(x.id)) unknown[`layers.${i}.id`] = ["This layer is not (or no longer) in the schedule."];
        });
        if (Object.keys(unknown).length) throw invalid(unknown);
        for (const [i, x] of v.layers.entries()) {
          if (!x.id) {
            await tx.insert(l).values({ scheduleId: row.id, name: x.name, position: i, versions: [{ ...defs[i], effectiveFrom: nowMs }] as unknown as Record<string, unknown>[] });
            out.added.push(x.name);
            continue;
          }
          const layer = schedule.layers.find((y) => y.id === x.id)!;
          const changed = JSON.stringify(normalDefinition(layer.versions.at(-1)!)) !== JSON.stringify(defs[i]);
          const versions = changed ? editLayer(layer, defs[i], nowMs).versions : layer.versions;
          if (changed) out.edited.push(x.name);
          await tx.update(l).set({ name: x.name, position: i, versions: versions as unknown as Record<string, unknown>[] }).where(eq(l.id, x.id));
        }
        const kept = new Set(v.layers.map((x) => x.id).filter(Boolean));
        for (const [id, name] of live) {
          if (kept.has(id)) continue;
          await tx.update(l).set({ removedAt: now }).where(eq(l.id, id));
          out.removed.push(name);
        }
      }
      await tx
        .update(s)
        .set({
          ...(v.name !== undefined ? { name: v.name } : {}),
          ...(v.description !== undefined ? { description: v.description } : {}),
          ...(v.timeZone !== undefined ? { timeZone: v.timeZone } : {}),
          ...(teamId !== undefined ? { teamId } : {}),
          version: sql`${s.version} + 1`,
          updatedAt: now,
        })
        .where(eq(s.id, row.id));
      return out;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(v.name ?? ref);
    throw err;
  }
  await recordAudit({
    action: "schedule.updated",
    ...auditActor(actor),
    target: summary.name,
    details: { scheduleId: summary.id, fields: Object.keys(v).filter((k) => k !== "version" && k !== "layers"), layersEdited: summary.edited, layersAdded: summary.added, layersRemoved: summary.removed },
  });
  return getSchedule(actor, summary.id);
}

/** Deletes a schedule with its layers, overrides, swaps and feed links (admin). */
export async function deleteSchedule(actor: Principal, ref: string): Promise<void> {
  assertRole(actor, "admin");
  const deleted = await getDb().delete(s).where(scheduleWhere(ref)).returning({ id: s.id, name: s.name });
  if (!deleted.length) throw noSchedule(ref);
  await recordAudit({ action: "schedule.deleted", ...auditActor(actor), target: deleted[0].name, details: { scheduleId: deleted[0].id } });
}
