import "server-only";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import type { Layer, LayerVersion, Override, Schedule } from "./types";

const s = schema.schedules;
const l = schema.scheduleLayers;
const o = schema.scheduleOverrides;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Reader = Pick<ReturnType<typeof getDb>, "select">;

export const noSchedule = (ref: string) => new AppError("not_found", `No schedule "${ref}".`);

/**
 * A stored schedule as the on-call core reads it: its layers lowest first, each with its version
 * history. A layer removed at some instant ends there: its last version is followed by one whose
 * rotation has not started (REMOVED_START), so nobody is on it after and shifts before stay as they were.
 */
export async function loadSchedule(ref: string, db: Reader = getDb()): Promise<{ schedule: Schedule; name: string; version: number }> {
  const where = UUID.test(ref) ? eq(s.id, ref.toLowerCase()) : eq(s.name, ref);
  const [row] = await db.select({ id: s.id, name: s.name, timeZone: s.timeZone, version: s.version }).from(s).where(where).limit(1);
  if (!row) throw noSchedule(ref);
  const layers = await db.select().from(l).where(eq(l.scheduleId, row.id)).orderBy(asc(l.position), asc(l.createdAt));
  return { schedule: { id: row.id, name: row.name, timeZone: row.timeZone, layers: layers.map(toLayer) }, name: row.name, version: row.version };
}

/** The start date of the version that ends a removed layer: no turn begins before it. */
export const REMOVED_START = "9999-01-01";

function toLayer(r: typeof l.$inferSelect): Layer {
  const versions = r.versions as unknown as LayerVersion[];
  if (!r.removedAt) return { id: r.id, name: r.name, versions };
  const last = versions.at(-1)!;
  // The core refuses a rotation without participants; one that starts in the year 9999 has nobody on call until then.
  return { id: r.id, name: r.name, versions: [...versions, { rotation: { ...last.rotation, start: REMOVED_START }, effectiveFrom: r.removedAt.getTime() }] };
}

/** The schedule's overrides that overlap [fromMs, toMs) (all of them without a range). */
export async function loadOverrides(scheduleId: string, range?: { fromMs: number; toMs: number }, db: Reader = getDb()): Promise<Override[]> {
  const rows = await db
    .select()
    .from(o)
    .where(
      and(
        eq(o.scheduleId, scheduleId),
        range ? lt(o.startsAt, sql`${new Date(range.toMs).toISOString()}::timestamptz`) : undefined,
        range ? gt(o.endsAt, sql`${new Date(range.fromMs).toISOString()}::timestamptz`) : undefined,
      ),
    )
    .orderBy(asc(o.startsAt));
  return rows.map((r) => ({ id: r.id, kind: r.kind, userId: r.userId, startMs: r.startsAt.getTime(), endMs: r.endsAt.getTime(), layerId: r.layerId }));
}

/** Several schedules with their overrides in a range, for escalation lookups and the overview. */
export async function loadSchedules(ids: string[], range: { fromMs: number; toMs: number }): Promise<Map<string, { schedule: Schedule; overrides: Override[] }>> {
  const out = new Map<string, { schedule: Schedule; overrides: Override[] }>();
  if (!ids.length) return out;
  const found = await getDb().select({ id: s.id }).from(s).where(inArray(s.id, ids));
  for (const { id } of found) {
    const { schedule } = await loadSchedule(id);
    out.set(id, { schedule, overrides: await loadOverrides(id, range) });
  }
  return out;
}
