import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { nextOccurrence, type CorrectionSpec } from "./corrections";
import { describeCorrection } from "./correction-text";
import { correctionInputSchema, type CorrectionInputRaw } from "./correction-schemas";
import { getSlo } from "./queries";

/** A correction as the API and the pages show it. `next`: the start of the occurrence in progress or the next one. */
export type CorrectionDto = {
  id: string;
  sloId: string;
  reason: string;
  startsAt: string;
  durationMinutes: number;
  rrule: string | null;
  timeZone: string;
  description: string;
  next: string | null;
};

const c = schema.sloCorrections;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = {
  id: c.id,
  sloId: c.sloId,
  reason: c.reason,
  startsAt: c.startsAt,
  durationMinutes: c.durationMinutes,
  rrule: c.rrule,
  timeZone: c.timeZone,
};
type Row = CorrectionSpec & { sloId: string; startsAt: Date };

function toDto(r: Row, nowMs: number): CorrectionDto {
  const next = nextOccurrence(r, nowMs);
  return {
    id: r.id,
    sloId: r.sloId,
    reason: r.reason,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    rrule: r.rrule,
    timeZone: r.timeZone,
    description: describeCorrection(r),
    next: next ? new Date(next.startMs).toISOString() : null,
  };
}

const noCorrection = (id: string) => new AppError("not_found", `No correction with id "${id}" on this SLO.`);

/** An SLO's corrections, oldest start first. Viewers may read them. */
export async function listCorrections(actor: Principal, sloId: string, nowMs = Date.now()): Promise<CorrectionDto[]> {
  assertRole(actor, "viewer");
  await getSlo(actor, sloId);
  const rows = await getDb().select(columns).from(c).where(eq(c.sloId, sloId)).orderBy(asc(c.startsAt), asc(c.id));
  return rows.map((r) => toDto(r, nowMs));
}

/** Adds a maintenance window or correction (admin, like editing the SLO). The input is validated here too. */
export async function createCorrection(actor: Principal, sloId: string, input: CorrectionInputRaw): Promise<CorrectionDto> {
  assertRole(actor, "admin");
  const slo = await getSlo(actor, sloId);
  const parsed = correctionInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const [row] = await getDb()
    .insert(c)
    .values({ sloId, reason: v.reason, startsAt: new Date(v.startsAt), durationMinutes: v.durationMinutes, rrule: v.rrule, timeZone: v.timeZone, createdBy: auditActor(actor).actorId })
    .returning(columns);
  await recordAudit({ action: "slo.correction_created", ...auditActor(actor), target: `slo:${slo.slug}`, details: { correctionId: row.id, reason: v.reason, rrule: v.rrule } });
  return toDto(row, Date.now());
}

/** Removes one of the SLO's corrections (admin). A correction of another SLO is not found here. */
export async function deleteCorrection(actor: Principal, sloId: string, correctionId: string): Promise<void> {
  assertRole(actor, "admin");
  const slo = await getSlo(actor, sloId);
  if (!UUID.test(correctionId)) throw noCorrection(correctionId);
  const deleted = await getDb()
    .delete(c)
    .where(and(eq(c.id, correctionId), eq(c.sloId, sloId)))
    .returning({ reason: c.reason });
  if (!deleted.length) throw noCorrection(correctionId);
  await recordAudit({ action: "slo.correction_deleted", ...auditActor(actor), target: `slo:${slo.slug}`, details: { correctionId, reason: deleted[0].reason } });
}

/**
 * The corrections of several SLOs in one query, by SLO id (every id asked for has an entry). For
 * code that has already authorised the caller for these SLOs, such as the status computation.
 */
export async function correctionsForSlos(sloIds: string[]): Promise<Map<string, CorrectionSpec[]>> {
  const out = new Map<string, CorrectionSpec[]>(sloIds.map((id) => [id, []]));
  const ids = [...new Set(sloIds.filter((id) => UUID.test(id)))];
  if (!ids.length) return out;
  const rows = await getDb().select(columns).from(c).where(inArray(c.sloId, ids)).orderBy(asc(c.startsAt), asc(c.id));
  for (const { sloId, ...spec } of rows) out.get(sloId)?.push(spec);
  return out;
}
