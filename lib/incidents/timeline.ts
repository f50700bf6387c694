import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { TimelineKind } from "@/db/schema";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { incidentIdOf, lockIncident, type Tx } from "./lookup";
import { timelineEntryInputSchema, timelineQuerySchema, type TimelineEntryInput } from "./schemas";
import type { Person } from "./changes";
import { enqueueStatusUpdate } from "@/lib/status-page/enqueue";

const tl = schema.incidentTimeline;
const u = schema.users;

export type TimelineEntryDto = {
  id: number;
  at: string;
  kind: TimelineKind;
  /** null: written by Keel itself (alerts, automatic moves). */
  author: Person | null;
  body: string;
  data: Record<string, unknown>;
};

/** An entry about to be written; `at` defaults to the database's now. */
export type TimelineDraft = { kind: TimelineKind; body: string; data?: Record<string, unknown>; at?: Date; authorId: string | null };

/** Writes entries inside the caller's transaction, so they land with the change they describe. */
export async function writeTimeline(tx: Tx, incidentId: string, drafts: TimelineDraft[]): Promise<void> {
  if (!drafts.length) return;
  await tx.insert(tl).values(drafts.map((d) => ({ incidentId, kind: d.kind, body: d.body, data: d.data ?? {}, authorId: d.authorId, ...(d.at ? { at: d.at } : {}) })));
}

const columns = { id: tl.id, at: tl.at, kind: tl.kind, body: tl.body, data: tl.data, authorId: u.id, authorName: u.name, authorEmail: u.email };
type Row = { id: number; at: Date; kind: TimelineKind; body: string; data: Record<string, unknown>; authorId: string | null; authorName: string | null; authorEmail: string | null };

function toDto(r: Row): TimelineEntryDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    author: r.authorId ? { id: r.authorId, name: r.authorName ?? "", email: r.authorEmail ?? "" } : null,
    body: r.body,
    data: r.data,
  };
}

/** A person adds a note, an action taken, a link or a status-page update (responder and up). */
export async function addTimelineEntry(actor: Principal, ref: string, input: TimelineEntryInput, nowMs = Date.now()): Promise<TimelineEntryDto> {
  assertRole(actor, "responder");
  const parsed = timelineEntryInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const e = parsed.data;
  const at = e.at ? new Date(e.at) : new Date(nowMs);
  if (at.getTime() > nowMs + 60_000) throw new AppError("bad_request", "Some fields are invalid.", { at: ["An entry cannot be in the future."] });
  const id = await getDb().transaction(async (tx) => {
    const incident = await lockIncident(tx, ref);
    if (at < incident.startedAt) throw new AppError("bad_request", "Some fields are invalid.", { at: ["An entry cannot be earlier than the incident's start."] });
    const [row] = await tx
      .insert(tl)
      .values({ incidentId: incident.id, kind: e.kind, body: e.body, data: e.data, at, authorId: auditActor(actor).actorId })
      .returning({ id: tl.id });
    if (e.kind === "status_update") await enqueueStatusUpdate(tx, incident.id, { id: row.id, body: e.body });
    return row.id;
  });
  const [row] = await getDb().select(columns).from(tl).leftJoin(u, eq(u.id, tl.authorId)).where(eq(tl.id, id));
  return toDto(row as Row);
}

/**
 * The incident's timeline in the order it was written (entry id). `after` returns only entries
 * written since that id, for live refresh; `lastId` is what to send as `after` next time.
 * Displays sort by `at`, since an entry may record something that happened earlier.
 */
export async function listTimeline(
  actor: Principal,
  ref: string,
  query: { after?: number | string; limit?: number | string } = {},
): Promise<{ items: TimelineEntryDto[]; lastId: number; hasMore: boolean }> {
  assertRole(actor, "viewer");
  const parsed = timelineQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { after, limit } = parsed.data;
  const incidentId = await incidentIdOf(ref);
  const rows = await getDb()
    .select(columns)
    .from(tl)
    .leftJoin(u, eq(u.id, tl.authorId))
    .where(and(eq(tl.incidentId, incidentId), after !== undefined ? gt(tl.id, after) : undefined))
    .orderBy(asc(tl.id))
    .limit(limit + 1);
  const items = (rows as Row[]).slice(0, limit).map(toDto);
  return { items, lastId: items.at(-1)?.id ?? after ?? 0, hasMore: rows.length > limit };
}
