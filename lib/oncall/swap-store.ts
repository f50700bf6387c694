import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assertRole, hasRole, type Principal } from "@/lib/auth/roles";
import { iso, type SwapDto } from "./dto";
import { finalShifts } from "./final";
import { loadOverrides, loadSchedule, noSchedule } from "./load";
import { insertOverride, PAST_GRACE_MS } from "./override-store";
import { peopleById, personOf } from "./people";
import { parseInput, scheduleWhere } from "./schedule-store";
import { swapOfferSchema } from "./swap-offer";
import { DAY_MS } from "./zone";

const w = schema.shiftSwaps;
const s = schema.schedules;
const l = schema.scheduleLayers;
const invalid = (fields: FieldErrors, message = "Some fields are invalid.") => new AppError("bad_request", message, fields);
async function swapDtos(rows: (typeof w.$inferSelect)[]): Promise<SwapDto[]> {
  if (!rows.length) return [];
  const people = await peopleById(rows.flatMap((r) => [r.offeredBy, ...(r.takenBy ? [r.takenBy] : [])]));
  const layers = new Map((await getDb().select({ id: l.id, name: l.name }).from(l).where(eq(l.scheduleId, rows[0].scheduleId))).map((x) => [x.id, x.name]));
  return rows.map((r) => ({
    id: r.id,
    scheduleId: r.scheduleId,
    layerId: r.layerId,
    layerName: r.layerId ? (layers.get(r.layerId) ?? null) : null,
    offeredBy: personOf(people, r.offeredBy),
    start: iso(r.startsAt.getTime()),
    end: iso(r.endsAt.getTime()),
    note: r.note,
    status: r.status,
    takenBy: r.takenBy ? personOf(people, r.takenBy) : null,
    overrideId: r.overrideId,
    createdAt: iso(r.createdAt.getTime()),
    updatedAt: iso(r.updatedAt.getTime()),
  }));
}

/** The schedule's swaps that end after 30 days ago: open offers, and taken or cancelled ones both people can see (viewer and up). */
export async function listSwaps(actor: Principal, ref: string, nowMs = Date.now()): Promise<{ items: SwapDto[] }> {
  assertRole(actor, "viewer");
  const [sched] = await getDb().select({ id: s.id }).from(s).where(scheduleWhere(ref)).limit(1);
  if (!sched) throw noSchedule(ref);
  const rows = await getDb()
    .select()
    .from(w)
    .where(and(eq(w.scheduleId, sched.id), gt(w.endsAt, sql`${iso(nowMs - 30 * DAY_MS)}::timestamptz`)))
    .orderBy(asc(w.startsAt))
    .limit(500);
  return { items: await swapDtos(rows) };
}

/**
 * Offers one of my shifts (responder and up): `{ start, end, layerId?, note? }`. I must be on call
 * for all of it — finally, or on `layerId` when given — and it must not have started.
 */
export async function offerSwap(actor: Principal, ref: string, input: unknown, nowMs = Date.now()): Promise<SwapDto> {
  assertRole(actor, "responder");
  const v = parseInput(swapOfferSchema, input);
  if (v.start < nowMs - PAST_GRACE_MS) throw invalid({ start: ["A shift that has started cannot be offered."] });
  const { schedule } = await loadSchedule(ref);
  if (v.layerId && !schedule.layers.some((x) => x.id === v.layerId)) throw invalid({ layerId: ["This layer is not in the schedule."] });
  const shifts = finalShifts(schedule, await loadOverrides(schedule.id, { fromMs: v.start, toMs: v.end }), v.start, v.end);
  const mine = shifts.every((x) => (v.layerId ? (x.layers.find((y) => y.layerId === v.layerId)?.userIds ?? []) : x.userIds).includes(actor.userId));
  if (!mine) throw invalid({ start: [v.layerId ? "You are not on call on this layer for all of this time." : "You are not the one on call for all of this time."] });
  const [clash] = await getDb()
    .select({ id: w.id })
    .from(w)
    .where(and(eq(w.scheduleId, schedule.id), eq(w.offeredBy, actor.userId), eq(w.status, "open"), lt(w.startsAt, sql`${iso(v.end)}::timestamptz`), gt(w.endsAt, sql`${iso(v.start)}::timestamptz`)))
    .limit(1);
  if (clash) throw invalid({ start: ["You already offer a shift overlapping this time."] });
  const [row] = await getDb()
    .insert(w)
    .values({ scheduleId: schedule.id, layerId: v.layerId ?? null, offeredBy: actor.userId, startsAt: new Date(v.start), endsAt: new Date(v.end), note: v.note ?? "" })
    .returning();
  return (await swapDtos([row]))[0];
}

/** The swap, when it belongs to the schedule `scheduleRef` (uuid or name). */
async function swapRow(scheduleRef: string, swapId: string) {
  if (!z.uuid().safeParse(swapId).success) throw new AppError("not_found", `No swap "${swapId}".`);
  const [row] = await getDb().select({ swap: w }).from(w).innerJoin(s, eq(s.id, w.scheduleId)).where(and(eq(w.id, swapId), scheduleWhere(scheduleRef))).limit(1);
  if (!row) throw new AppError("not_found", `No swap "${swapId}" in this schedule.`);
  return row.swap;
}

/**
 * Takes an open offer (responder and up, not its author): a `replace` override puts me on call for
 * the offered time (from now, if it is under way). The schedule row is locked first, so two takers
 * cannot both win, and a conflicting override refuses it.
 */
export async function takeSwap(actor: Principal, scheduleRef: string, swapId: string, nowMs = Date.now()): Promise<SwapDto> {
  assertRole(actor, "responder");
  const found = await swapRow(scheduleRef, swapId);
  const row = await getDb().transaction(async (tx) => {
    await tx.select({ id: s.id }).from(s).where(eq(s.id, found.scheduleId)).for("update");
    const [swap] = await tx.select().from(w).where(eq(w.id, swapId)).for("update");
    if (!swap || swap.status !== "open") throw new AppError("conflict", swap?.status === "taken" ? "Someone has already taken this shift." : "This offer was withdrawn.");
    if (swap.offeredBy === actor.userId) throw new AppError("bad_request", "You cannot take your own shift.");
    if (swap.endsAt.getTime() <= nowMs) throw new AppError("conflict", "This shift is over.");
    const override = await insertOverride(
      tx,
      swap.scheduleId,
      { kind: "replace", userId: actor.userId, layerId: swap.layerId, startMs: Math.max(swap.startsAt.getTime(), nowMs), endMs: swap.endsAt.getTime() },
      { note: `Swap: took ${swap.note ? `"${swap.note}"` : "an offered shift"}`, createdBy: actor.userId },
    );
    const [taken] = await tx.update(w).set({ status: "taken", takenBy: actor.userId, overrideId: override.id, updatedAt: new Date(nowMs) }).where(eq(w.id, swap.id)).returning();
    return taken;
  });
  return (await swapDtos([row]))[0];
}

/** Withdraws an open offer (its author or an admin). */
export async function cancelSwap(actor: Principal, scheduleRef: string, swapId: string, nowMs = Date.now()): Promise<SwapDto> {
  assertRole(actor, "responder");
  const found = await swapRow(scheduleRef, swapId);
  if (found.offeredBy !== actor.userId && !hasRole(actor.role, "admin")) throw new AppError("forbidden", "Only the person who offered this shift (or an admin) can withdraw it.");
  const [row] = await getDb()
    .update(w)
    .set({ status: "cancelled", updatedAt: new Date(nowMs) })
    .where(and(eq(w.id, swapId), eq(w.status, "open")))
    .returning();
  if (!row) throw new AppError("conflict", "Only an open offer can be withdrawn.");
  return (await swapDtos([row]))[0];
}
