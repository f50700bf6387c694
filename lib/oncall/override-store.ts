import "server-only";
import { and, asc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assertRole, auditActor, hasRole, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { iso, type OverrideDto } from "./dto";
import { formatRange } from "./format";
import { loadOverrides, loadSchedule, noSchedule } from "./load";
import { checkNewOverride } from "./overrides";
import { peopleById, personOf, resolvePeople } from "./people";
import { parseInput, scheduleWhere } from "./schedule-store";
import { overrideInputSchema } from "./schemas";
import type { Override } from "./types";
import { MIN_MS } from "./zone";

const o = schema.scheduleOverrides;
const s = schema.schedules;
const l = schema.scheduleLayers;

/** How far before now a responder's override may start (the form's clock and the server's differ a little). */
export const PAST_GRACE_MS = 15 * MIN_MS;

const noteSchema = z.object({ note: z.string().trim().max(500, "A note is at most 500 characters.").optional() });
const invalid = (fields: FieldErrors, message = "Some fields are invalid.") => new AppError("bad_request", message, fields);
type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type Reader = Pick<ReturnType<typeof getDb>, "select">;

async function overrideDtos(rows: (typeof o.$inferSelect)[], db: Reader = getDb()): Promise<OverrideDto[]> {
  if (!rows.length) return [];
  const people = await peopleById(rows.flatMap((r) => [r.userId, ...(r.createdBy ? [r.createdBy] : [])]), db);
  const layers = new Map((await db.select({ id: l.id, name: l.name }).from(l).where(eq(l.scheduleId, rows[0].scheduleId))).map((x) => [x.id, x.name]));
  return rows.map((r) => ({
    id: r.id,
    scheduleId: r.scheduleId,
    kind: r.kind,
    user: personOf(people, r.userId),
    layerId: r.layerId,
    layerName: r.layerId ? (layers.get(r.layerId) ?? null) : null,
    start: iso(r.startsAt.getTime()),
    end: iso(r.endsAt.getTime()),
    note: r.note,
    createdBy: r.createdBy ? { id: r.createdBy, name: personOf(people, r.createdBy).name } : null,
    createdAt: iso(r.createdAt.getTime()),
  }));
}

async function scheduleId(ref: string, db: Reader = getDb()): Promise<string> {
  const [row] = await db.select({ id: s.id }).from(s).where(scheduleWhere(ref)).limit(1);
  if (!row) throw noSchedule(ref);
  return row.id;
}

/** The schedule's overrides overlapping [fromMs, toMs) (all without a range), by start (viewer and up). */
export async function listOverrides(actor: Principal, ref: string, range?: { fromMs: number; toMs: number }): Promise<{ items: OverrideDto[] }> {
  assertRole(actor, "viewer");
  const id = await scheduleId(ref);
  const rows = await getDb()
    .select()
    .from(o)
    .where(and(eq(o.scheduleId, id), range ? lt(o.startsAt, sql`${iso(range.toMs)}::timestamptz`) : undefined, range ? gt(o.endsAt, sql`${iso(range.fromMs)}::timestamptz`) : undefined))
    .orderBy(asc(o.startsAt), asc(o.createdAt))
    .limit(2000);
  return { items: await overrideDtos(rows) };
}

/**
 * Saves an override inside a transaction that first locks the schedule's row, so two requests
 * cannot both pass the conflict check and save overlapping overrides. `candidate` is checked with
 * the core against the saved ones it overlaps; conflicts are refused with field errors.
 */
export async function insertOverride(tx: Tx, scheduleRef: string, candidate: Omit<Override, "id">, extra: { note: string; createdBy: string | null }): Promise<typeof o.$inferSelect> {
  const [row] = await tx.select({ id: s.id }).from(s).where(scheduleWhere(scheduleRef)).for("update");
  if (!row) throw noSchedule(scheduleRef);
  const { schedule } = await loadSchedule(row.id, tx);
  if (candidate.layerId) {
    const [live] = await tx.select({ id: l.id }).from(l).where(and(eq(l.id, candidate.layerId), eq(l.scheduleId, row.id), isNull(l.removedAt)));
    if (!live) throw invalid({ layerId: ["This layer is not (or no longer) in the schedule."] });
  }
  const existing = await loadOverrides(row.id, { fromMs: candidate.startMs, toMs: candidate.endMs }, tx);
  const problems = checkNewOverride({ ...candidate, id: "new" }, existing, schedule);
  if (problems.length) {
    const people = await peopleById(existing.map((x) => x.userId), tx);
    const messages = problems.map((p) => {
      const other = existing.find((x) => p.overrideIds.includes(x.id));
      if (p.code !== "conflict" || !other) return p.message;
      return `It conflicts with the ${other.kind} override for ${personOf(people, other.userId).name} (${formatRange(other.startMs, other.endMs, schedule.timeZone)}, ${schedule.timeZone}).`;
    });
    throw invalid({ start: messages }, messages[0]);
  }
  const [saved] = await tx
    .insert(o)
    .values({ scheduleId: row.id, layerId: candidate.layerId ?? null, kind: candidate.kind, userId: candidate.userId, startsAt: new Date(candidate.startMs), endsAt: new Date(candidate.endMs), note: extra.note, createdBy: extra.createdBy })
    .returning();
  return saved;
}

/**
 * Adds an override (responder and up): `{ kind, userId (id or email), start, end, layerId?, note? }`.
 * Only admins may change the past (an override starting more than 15 minutes ago): past shifts
 * are history. Refused with field errors, and nothing saved, when it conflicts with a saved one.
 */
export async function addOverride(actor: Principal, ref: string, input: unknown, nowMs = Date.now()): Promise<OverrideDto> {
  assertRole(actor, "responder");
  const v = parseInput(overrideInputSchema, input);
  const { note } = parseInput(noteSchema, { note: (input as { note?: unknown } | null)?.note });
  const admin = hasRole(actor.role, "admin");
  if (!admin && v.startMs < nowMs - PAST_GRACE_MS) throw invalid({ start: ["An override cannot start in the past: past shifts are history (an admin can correct them)."] });
  const { ids, problems } = await resolvePeople([v.userId]);
  if (!ids[0]) throw invalid({ userId: [problems[0]!] });
  const saved = await getDb().transaction((tx) => insertOverride(tx, ref, { ...v, userId: ids[0]! }, { note: note ?? "", createdBy: actor.via === "cli" ? null : actor.userId }));
  if (v.startMs < nowMs - PAST_GRACE_MS) {
    await recordAudit({ action: "oncall.override.past", ...auditActor(actor), target: saved.scheduleId, details: { overrideId: saved.id, kind: saved.kind, userId: saved.userId, start: iso(v.startMs), end: iso(v.endMs) } });
  }
  return (await overrideDtos([saved]))[0];
}

/**
 * Removes an override (responder and up: one they made or that names them; admins any). One that
 * has not started is deleted; one under way is ended now; one in the past is history and stays.
 */
export async function deleteOverride(actor: Principal, ref: string, overrideId: string, nowMs = Date.now()): Promise<{ ended: boolean }> {
  assertRole(actor, "responder");
  if (!z.uuid().safeParse(overrideId).success) throw new AppError("not_found", `No override "${overrideId}".`);
  const result = await getDb().transaction(async (tx) => {
    const [sched] = await tx.select({ id: s.id }).from(s).where(scheduleWhere(ref)).for("update");
    if (!sched) throw noSchedule(ref);
    const [row] = await tx.select().from(o).where(and(eq(o.id, overrideId), eq(o.scheduleId, sched.id)));
    if (!row) throw new AppError("not_found", `No override "${overrideId}" in this schedule.`);
    if (!hasRole(actor.role, "admin") && row.createdBy !== actor.userId && row.userId !== actor.userId) {
      throw new AppError("forbidden", "Only the person who made this override, the person it names or an admin can remove it.");
    }
    if (row.endsAt.getTime() <= nowMs) throw new AppError("conflict", "This override is over: past shifts are history and stay as they were.");
    const swaps = schema.shiftSwaps;
    if (row.startsAt.getTime() < nowMs) {
      await tx.update(o).set({ endsAt: new Date(nowMs) }).where(eq(o.id, row.id));
      return { ended: true, row };
    }
    await tx.update(swaps).set({ status: "cancelled", updatedAt: new Date(nowMs) }).where(and(eq(swaps.overrideId, row.id), or(eq(swaps.status, "taken"), eq(swaps.status, "open"))));
    await tx.delete(o).where(eq(o.id, row.id));
    return { ended: false, row };
  });
  if (hasRole(actor.role, "admin") && result.row.createdBy !== actor.userId) {
    await recordAudit({ action: "oncall.override.removed", ...auditActor(actor), target: result.row.scheduleId, details: { overrideId, ended: result.ended, userId: result.row.userId } });
  }
  return { ended: result.ended };
}
