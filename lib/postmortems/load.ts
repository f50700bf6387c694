import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/roles";
import { getIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import type { Tx } from "@/lib/incidents/lookup";
import type { IncidentDto } from "@/lib/incidents/dto";
import type { IncidentEntry } from "./timeline-import";
import type { ReviewSubject } from "./review";

const pm = schema.postmortems;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every column but the search document, which only queries use. */
export const postmortemColumns = {
  id: pm.id,
  incidentId: pm.incidentId,
  title: pm.title,
  status: pm.status,
  document: pm.document,
  tags: pm.tags,
  sloImpact: pm.sloImpact,
  dueAt: pm.dueAt,
  authorId: pm.authorId,
  contributorIds: pm.contributorIds,
  lastSavedBy: pm.lastSavedBy,
  submittedAt: pm.submittedAt,
  publishedAt: pm.publishedAt,
  version: pm.version,
  createdAt: pm.createdAt,
  updatedAt: pm.updatedAt,
};
export type PostmortemRow = { [K in keyof typeof postmortemColumns]: (typeof pm.$inferSelect)[K] };

export const noPostmortem = (id: string) => new AppError("not_found", `No postmortem "${id}".`);

export async function postmortemRow(id: string, db: ReturnType<typeof getDb> | Tx = getDb()): Promise<PostmortemRow> {
  if (!UUID.test(id)) throw noPostmortem(id);
  const [row] = await db.select(postmortemColumns).from(pm).where(eq(pm.id, id.toLowerCase()));
  if (!row) throw noPostmortem(id);
  return row;
}

/** The postmortem's row, locked for the rest of the transaction so saves and moves are serialised. */
export async function lockPostmortem(tx: Tx, id: string): Promise<PostmortemRow> {
  if (!UUID.test(id)) throw noPostmortem(id);
  const [row] = await tx.select(postmortemColumns).from(pm).where(eq(pm.id, id.toLowerCase())).for("update");
  if (!row) throw noPostmortem(id);
  return row;
}

/** What the review rules need: status, authors (creator and everyone who saved) and approvals. */
export async function reviewSubject(row: PostmortemRow, db: ReturnType<typeof getDb> | Tx = getDb()): Promise<ReviewSubject> {
  const approvals = await db
    .select({ userId: schema.postmortemReviewers.userId })
    .from(schema.postmortemReviewers)
    .where(sql`${schema.postmortemReviewers.postmortemId} = ${row.id} and ${schema.postmortemReviewers.approvedAt} is not null`);
  const authors = new Set(row.contributorIds);
  if (row.authorId) authors.add(row.authorId);
  return { status: row.status, authorIds: [...authors], approvals };
}

/** Every entry of the incident's timeline, oldest first, as the postmortem's import reads them. */
export async function incidentEntries(actor: Principal, incidentId: string): Promise<IncidentEntry[]> {
  const out: IncidentEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await listTimeline(actor, incidentId, { after, limit: 500 });
    out.push(...page.items.map((e) => ({ id: e.id, at: e.at, kind: e.kind, body: e.body, data: e.data })));
    if (!page.hasMore) return out;
    after = page.lastId;
  }
}

export function incidentOf(actor: Principal, incidentId: string): Promise<IncidentDto> {
  return getIncident(actor, incidentId);
}

export async function recordEvent(tx: Tx, postmortemId: string, kind: string, actorId: string | null, reason: string | null = null, at = new Date()): Promise<void> {
  await tx.insert(schema.postmortemEvents).values({ postmortemId, kind, actorId, reason, at });
}

