import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, isUniqueViolation, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { peopleById } from "@/lib/incidents/people";
import { incidentIdOf, type Tx } from "@/lib/incidents/lookup";
import { incidentRef } from "@/lib/incidents/ref";
import { severityOf } from "@/lib/incidents/severity";
import { writeTimeline } from "@/lib/incidents/timeline";
import { applyCreateInput, createPostmortemSchema } from "./create-input";
import { postmortemDocumentSchema, type PostmortemDocument } from "./document";
import { isOverdue, postmortemDueAt } from "./due";
import { prefillFromIncident, resyncLinks, resyncTimeline } from "./prefill";
import { canEdit, checkVersion } from "./review";
import { getPostmortemSettings } from "./settings-store";
import { incidentEntries, incidentOf, lockPostmortem, postmortemRow, recordEvent, reviewSubject, type PostmortemRow } from "./load";
import { insertActionItems, itemsOf } from "./action-item-store";
import type { PostmortemDto, PostmortemSummaryDto, PersonRef } from "./dto";
import type { SloImpactSnapshot } from "./slo-impact";

const pm = schema.postmortems;
const inc = schema.incidents;

const ref = (p: { id: string; name: string; email: string } | undefined): PersonRef | null => (p ? { id: p.id, name: p.name || p.email, email: p.email } : null);

/**
 * Writes a postmortem for an incident (responder and up), prefilled from it: title, impact, summary,
 * detection, timeline rows and links; the body's sections, impact, 5 whys, links and action items
 * are laid over that. One per incident: a second is refused with a 409 naming the first.
 */
export async function createPostmortem(actor: Principal, body: unknown, nowMs = Date.now()): Promise<PostmortemDto> {
  assertRole(actor, "responder");
  const settings = await getPostmortemSettings();
  const parsed = createPostmortemSchema(settings.template).safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const incidentId = await incidentIdOf(input.incidentId).catch(() => {
    throw new AppError("bad_request", `No incident "${input.incidentId}".`, { incidentId: [`No incident "${input.incidentId}".`] });
  });
  const existing = await getDb().select({ id: pm.id }).from(pm).where(eq(pm.incidentId, incidentId));
  if (existing.length) throw alreadyWritten(existing[0].id);
  const incident = await incidentOf(actor, incidentId);
  const prefill = prefillFromIncident(incident, await incidentEntries(actor, incidentId), nowMs);
  const document = postmortemDocumentSchema.parse(applyCreateInput(prefill.document, input));
  const { actorId } = auditActor(actor);
  const at = new Date(nowMs);
  let id: string;
  try {
    id = await getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(pm)
        .values({
          incidentId,
          title: document.title,
          document,
          dueAt: dueDate(incident.timestamps.resolved, settings.dueHours),
          authorId: actorId,
          contributorIds: actorId ? [actorId] : [],
          lastSavedBy: actorId,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: pm.id });
      await insertActionItems(tx, row.id, input.actionItems, at);
      await recordEvent(tx, row.id, "created", actorId, null, at);
      await writeTimeline(tx, incidentId, [{ kind: "link", body: `Postmortem started: ${document.title}`, data: { postmortemId: row.id, url: `/postmortems/${row.id}` }, at, authorId: actorId }]);
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const [other] = await getDb().select({ id: pm.id }).from(pm).where(eq(pm.incidentId, incidentId));
      throw alreadyWritten(other?.id ?? "");
    }
    throw err;
  }
  await recordAudit({ action: "postmortem.created", ...auditActor(actor), target: incident.ref, details: { postmortemId: id, actionItems: input.actionItems.length } });
  return getPostmortem(actor, id, nowMs);
}

function alreadyWritten(id: string): AppError {
  return new AppError("conflict", `This incident already has a postmortem (/postmortems/${id}).`, { incidentId: [`This incident already has a postmortem: /postmortems/${id}`] });
}

const dueDate = (resolved: string | null, hours: number) => {
  const due = postmortemDueAt(resolved, hours);
  return due ? new Date(due) : null;
};

/** The postmortem of an incident, if it has one (any signed-in caller). */
export async function postmortemOfIncident(actor: Principal, incidentRefOrId: string): Promise<{ id: string; status: PostmortemRow["status"]; title: string } | null> {
  assertRole(actor, "viewer");
  const incidentId = await incidentIdOf(incidentRefOrId);
  const [row] = await getDb().select({ id: pm.id, status: pm.status, title: pm.title }).from(pm).where(eq(pm.incidentId, incidentId));
  return row ?? null;
}

export async function getPostmortem(actor: Principal, id: string, nowMs = Date.now()): Promise<PostmortemDto> {
  assertRole(actor, "viewer");
  const row = await postmortemRow(id);
  const incident = await incidentOf(actor, row.incidentId);
  const db = getDb();
  const [reviewers, comments, events, actionItems] = await Promise.all([
    db.select().from(schema.postmortemReviewers).where(eq(schema.postmortemReviewers.postmortemId, row.id)).orderBy(asc(schema.postmortemReviewers.addedAt)),
    db.select().from(schema.postmortemComments).where(eq(schema.postmortemComments.postmortemId, row.id)).orderBy(asc(schema.postmortemComments.id)),
    db.select().from(schema.postmortemEvents).where(eq(schema.postmortemEvents.postmortemId, row.id)).orderBy(asc(schema.postmortemEvents.id)),
    itemsOf([row.id], nowMs),
  ]);
  const people = await peopleById([row.authorId, row.lastSavedBy, ...row.contributorIds, ...reviewers.map((r) => r.userId), ...comments.map((c) => c.authorId), ...events.map((e) => e.actorId)]);
  const person = (id: string | null) => (id ? ref(people.get(id)) : null);
  const meta = prefillFromIncident(incident, [], nowMs).meta;
  const document = row.document as unknown as PostmortemDocument;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    incident: { id: incident.id, ref: incident.ref, title: incident.title, severity: incident.severity, status: incident.status },
    services: incident.services,
    tags: row.tags,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isOverdue({ status: row.status, dueAt: row.dueAt?.toISOString() ?? null }, nowMs),
    openActionItems: actionItems.filter((a) => a.status === "open" || a.status === "in_progress").length,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    meta,
    document,
    sloImpact: (row.sloImpact as unknown as SloImpactSnapshot | null) ?? null,
    author: person(row.authorId),
    contributors: row.contributorIds.map(person).filter((p): p is PersonRef => p !== null),
    lastSavedBy: person(row.lastSavedBy),
    reviewers: reviewers.map((r) => ({ ...(person(r.userId) ?? { id: r.userId, name: "(removed)", email: "" }), approvedAt: r.approvedAt?.toISOString() ?? null })),
    actionItems,
    comments: comments.map((c) => ({ id: c.id, section: c.section, author: person(c.authorId), body: c.body, createdAt: c.createdAt.toISOString(), resolvedAt: c.resolvedAt?.toISOString() ?? null })),
    events: events.map((e) => ({ id: e.id, kind: e.kind, actor: person(e.actorId), reason: e.reason, at: e.at.toISOString() })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export type PostmortemFilter = { status?: PostmortemRow["status"][]; q?: string; service?: string; tag?: string; overdue?: boolean; ids?: string[]; limit?: number };

/** Postmortems, newest incident first, with filters; full-text search over title and every section. */
export async function listPostmortems(actor: Principal, f: PostmortemFilter = {}, nowMs = Date.now()): Promise<PostmortemSummaryDto[]> {
  assertRole(actor, "viewer");
  const where: (SQL | undefined)[] = [];
  if (f.status?.length) where.push(inArray(pm.status, f.status));
  if (f.q?.trim()) where.push(or(sql`${pm.search} @@ websearch_to_tsquery('english', ${f.q.trim()})`, ilike(pm.title, `%${f.q.trim().replace(/[%_\\]/g, "\\$&")}%`)));
  if (f.ids) where.push(f.ids.length ? inArray(pm.id, f.ids) : sql`false`);
  if (f.tag) where.push(sql`${pm.tags} @> ${JSON.stringify([f.tag])}::jsonb`);
  if (f.service) where.push(sql`exists (select 1 from incident_services x join services s on s.id = x.service_id where x.incident_id = ${pm.incidentId} and s.slug = ${f.service})`);
  if (f.overdue) where.push(and(ne(pm.status, "published"), isNotNull(pm.dueAt), lt(pm.dueAt, sql`${new Date(nowMs).toISOString()}::timestamptz`)));
  const rows = await getDb()
    .select({
      id: pm.id,
      title: pm.title,
      status: pm.status,
      tags: pm.tags,
      dueAt: pm.dueAt,
      updatedAt: pm.updatedAt,
      publishedAt: pm.publishedAt,
      incidentId: inc.id,
      number: inc.number,
      incidentTitle: inc.title,
      severity: inc.severity,
      incidentStatus: inc.status,
      openItems: sql<number>`(select count(*)::int from action_items a where a.postmortem_id = ${pm.id} and a.status in ('open', 'in_progress'))`,
      services: sql<{ slug: string; name: string }[] | string>`coalesce((select json_agg(json_build_object('slug', s.slug, 'name', s.name) order by s.name) from incident_services x join services s on s.id = x.service_id where x.incident_id = ${inc.id}), '[]'::json)`,
    })
    .from(pm)
    .innerJoin(inc, eq(inc.id, pm.incidentId))
    .where(and(...where))
    .orderBy(desc(inc.startedAt), desc(pm.id))
    .limit(Math.min(Math.max(f.limit ?? 100, 1), 500));
  return rows.map((r) => {
    const dueAt = r.dueAt?.toISOString() ?? null;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      incident: { id: r.incidentId, ref: incidentRef(r.number), title: r.incidentTitle, severity: severityOf(r.severity), status: r.incidentStatus },
      services: typeof r.services === "string" ? JSON.parse(r.services) : r.services,
      tags: r.tags,
      dueAt,
      overdue: isOverdue({ status: r.status, dueAt }, nowMs),
      openActionItems: Number(r.openItems),
      updatedAt: r.updatedAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
    };
  });
}

const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function normaliseTags(tags: unknown): string[] {
  if (tags === undefined) return [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== "string")) throw new AppError("bad_request", "Tags are a list of words.", { tags: ["Tags are a list of words."] });
  const out = [...new Set((tags as string[]).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  const bad = out.filter((t) => !TAG.test(t));
  if (bad.length) throw new AppError("bad_request", `Tags are lowercase letters, digits and dashes, up to 40 characters: ${bad.join(", ")}.`, { tags: ["Use lowercase letters, digits and dashes."] });
  if (out.length > 20) throw new AppError("bad_request", "At most 20 tags.", { tags: ["At most 20 tags."] });
  return out;
}

export type SaveInput = { version: number; document: unknown; tags?: unknown; reason?: string };

/**
 * Saves the document (responder and up, drafts only; an admin may correct a published one with a
 * reason, which is recorded). The save carries the version it was based on: a stale one is refused
 * with 409 and nothing is written, so the writer keeps their text and can reapply it.
 */
export async function savePostmortem(actor: Principal, id: string, input: SaveInput, nowMs = Date.now()): Promise<{ version: number; updatedAt: string }> {
  assertRole(actor, "responder");
  const parsed = postmortemDocumentSchema.safeParse(input.document);
  if (!parsed.success) throw validationError(parsed.error);
  const tags = input.tags === undefined ? undefined : normaliseTags(input.tags);
  const { actorId } = auditActor(actor);
  const at = new Date(nowMs);
  const result = await getDb().transaction(async (tx) => {
    const row = await lockPostmortem(tx, id);
    const may = canEdit(await reviewSubject(row, tx), { userId: actor.userId, role: actor.role }, input.reason);
    if (!may.ok) throw new AppError(may.code, may.message);
    const fresh = checkVersion(input.version, row.version, { by: await lastSaverName(row, tx), at: row.updatedAt.toISOString() });
    if (!fresh.ok) throw new AppError("conflict", fresh.message, { version: [fresh.message] });
    const contributors = actorId && !row.contributorIds.includes(actorId) ? [...row.contributorIds, actorId] : row.contributorIds;
    const [saved] = await tx
      .update(pm)
      .set({ document: parsed.data, title: parsed.data.title, ...(tags ? { tags } : {}), contributorIds: contributors, lastSavedBy: actorId, version: row.version + 1, updatedAt: at })
      .where(eq(pm.id, row.id))
      .returning({ version: pm.version, updatedAt: pm.updatedAt });
    if (may.recordReason) await recordEvent(tx, row.id, "edited_after_publication", actorId, input.reason!.trim(), at);
    return { saved, published: row.status === "published" };
  });
  if (result.published) await recordAudit({ action: "postmortem.edited_after_publication", ...auditActor(actor), target: id, details: { reason: input.reason } });
  return { version: result.saved.version, updatedAt: result.saved.updatedAt.toISOString() };
}

async function lastSaverName(row: PostmortemRow, tx: Tx): Promise<string | null> {
  if (!row.lastSavedBy || row.lastSavedBy === undefined) return null;
  const p = (await peopleById([row.lastSavedBy], tx)).get(row.lastSavedBy);
  return p ? p.name || p.email : null;
}

/**
 * Brings the timeline and links up to date with the incident (responder, drafts): new entries
 * become rows, unedited imported rows follow their entry, rows the author edited or added stay.
 */
export async function resyncPostmortem(actor: Principal, id: string, version: number, nowMs = Date.now()): Promise<{ version: number; added: number; updated: number; keptEdited: number; skipped: number }> {
  assertRole(actor, "responder");
  const current = await postmortemRow(id);
  const entries = await incidentEntries(actor, current.incidentId);
  const doc = current.document as unknown as PostmortemDocument;
  const sync = resyncTimeline(doc.timeline, entries, doc.timelineDismissed);
  const next: PostmortemDocument = { ...doc, timeline: sync.rows, links: resyncLinks(doc.links, entries) };
  const saved = await savePostmortem(actor, id, { version, document: next }, nowMs);
  return { version: saved.version, added: sync.added, updated: sync.updated, keptEdited: sync.keptEdited, skipped: sync.skipped };
}

/** Overdue postmortems (not published, past due), soonest due first: for the overview. */
export async function overduePostmortems(actor: Principal, nowMs = Date.now()): Promise<PostmortemSummaryDto[]> {
  const list = await listPostmortems(actor, { overdue: true, limit: 50 }, nowMs);
  return list.sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!));
}

/** Published postmortems of incidents on the same services or with a tag in common, newest first. */
export async function similarPostmortems(actor: Principal, id: string, limit = 5): Promise<PostmortemSummaryDto[]> {
  assertRole(actor, "viewer");
  const row = await postmortemRow(id);
  const tags = JSON.stringify(row.tags);
  const rows = await getDb()
    .select({ id: pm.id })
    .from(pm)
    .where(
      and(
        ne(pm.id, row.id),
        or(
          sql`${pm.tags} ?| array(select jsonb_array_elements_text(${tags}::jsonb))`,
          sql`exists (select 1 from incident_services a join incident_services b on a.service_id = b.service_id where a.incident_id = ${pm.incidentId} and b.incident_id = ${row.incidentId})`,
        ),
      ),
    )
    .orderBy(desc(pm.publishedAt), desc(pm.updatedAt))
    .limit(limit);
  if (!rows.length) return [];
  const found = await listPostmortems(actor, { ids: rows.map((r) => r.id) });
  return rows.map((r) => found.find((p) => p.id === r.id)).filter((p): p is PostmortemSummaryDto => p !== undefined);
}

