import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, hasRole, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { writeTimeline } from "@/lib/incidents/timeline";
import { canApprove, canComment, canTransition, effectsOf, REVIEW_LABELS, type ReviewStatus } from "./review";
import { unwrittenRequired } from "./completeness";
import type { PostmortemDocument } from "./document";
import { getPostmortemSettings } from "./settings-store";
import { lockPostmortem, postmortemRow, recordEvent, reviewSubject } from "./load";

const pm = schema.postmortems;
const rv = schema.postmortemReviewers;
const cm = schema.postmortemComments;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuse = (d: { ok: false; code: "forbidden" | "conflict"; message: string }) => new AppError(d.code, d.message);

/**
 * Moves a postmortem along draft ⇄ in review → published (responder and up), under the review
 * rules: publishing needs the configured approvals from non-authors and every required section
 * written. Back to draft clears approvals. Publishing notes it on the incident's timeline.
 */
export async function transitionPostmortem(actor: Principal, id: string, to: ReviewStatus, nowMs = Date.now()): Promise<void> {
  assertRole(actor, "responder");
  const settings = await getPostmortemSettings();
  const { actorId } = auditActor(actor);
  const at = new Date(nowMs);
  const row = await getDb().transaction(async (tx) => {
    const row = await lockPostmortem(tx, id);
    const subject = await reviewSubject(row, tx);
    const unwritten = unwrittenRequired(row.document as unknown as PostmortemDocument, settings.template);
    const may = canTransition(subject, to, { userId: actor.userId, role: actor.role }, { config: settings.review, unwritten });
    if (!may.ok) throw refuse(may);
    const fx = effectsOf(row.status, to);
    if (fx.clearApprovals) await tx.update(rv).set({ approvedAt: null, approvedVersion: null }).where(eq(rv.postmortemId, row.id));
    await tx
      .update(pm)
      .set({ status: to, ...(to === "in_review" ? { submittedAt: at } : {}), ...(fx.setPublishedAt ? { publishedAt: at } : {}), version: row.version + 1, updatedAt: at })
      .where(eq(pm.id, row.id));
    await recordEvent(tx, row.id, to === "in_review" ? "submitted" : to === "published" ? "published" : "returned_to_draft", actorId, null, at);
    if (to === "published") {
      await writeTimeline(tx, row.incidentId, [{ kind: "link", body: `Postmortem published: ${row.title}`, data: { postmortemId: row.id, url: `/postmortems/${row.id}` }, at, authorId: actorId }]);
    }
    return row;
  });
  await recordAudit({ action: `postmortem.${to}`, ...auditActor(actor), target: row.id, details: { from: row.status, to } });
}

/** Sets who is asked to review (responder and up): responders or admins, not viewers. Approvals of those kept stay. */
export async function setReviewers(actor: Principal, id: string, userRefs: string[]): Promise<void> {
  assertRole(actor, "responder");
  const refs = [...new Set(userRefs.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  if (refs.length > 20) throw new AppError("bad_request", "At most 20 reviewers.", { reviewers: ["At most 20 reviewers."] });
  const row = await postmortemRow(id);
  if (row.status === "published") throw new AppError("conflict", "A published postmortem takes no more reviewers.");
  const u = schema.users;
  const ids = refs.filter((r) => UUID.test(r));
  const users = refs.length
    ? await getDb()
        .select({ id: u.id, email: u.email, role: u.role, disabled: u.disabled })
        .from(u)
        .where(or(ids.length ? inArray(u.id, ids) : undefined, inArray(sql`lower(${u.email})`, refs)))
    : [];
  const chosen = refs.map((r) => users.find((p) => p.id === r || p.email.toLowerCase() === r));
  const problems = refs.flatMap((r, k) => {
    const person = chosen[k];
    if (!person || person.disabled) return [`No active user "${r}".`];
    if (!hasRole(person.role, "responder")) return [`${person.email} is a viewer; reviewers need the responder role.`];
    return [];
  });
  if (problems.length) throw new AppError("bad_request", problems.join(" "), { reviewers: problems });
  const chosenIds = chosen.map((c) => c!.id);
  await getDb().transaction(async (tx) => {
    const current = await tx.select({ userId: rv.userId }).from(rv).where(eq(rv.postmortemId, row.id));
    const gone = current.map((c) => c.userId).filter((id) => !chosenIds.includes(id));
    if (gone.length) await tx.delete(rv).where(and(eq(rv.postmortemId, row.id), inArray(rv.userId, gone)));
    const added = chosenIds.filter((id) => !current.some((c) => c.userId === id));
    if (added.length) await tx.insert(rv).values(added.map((userId) => ({ postmortemId: row.id, userId })));
  });
}

/** Approves the postmortem as it stands (a responder or admin who did not write it, while in review). */
export async function approvePostmortem(actor: Principal, id: string, nowMs = Date.now()): Promise<void> {
  assertRole(actor, "responder");
  const { actorId } = auditActor(actor);
  const at = new Date(nowMs);
  await getDb().transaction(async (tx) => {
    const row = await lockPostmortem(tx, id);
    const may = canApprove(await reviewSubject(row, tx), { userId: actor.userId, role: actor.role });
    if (!may.ok) throw refuse(may);
    await tx
      .insert(rv)
      .values({ postmortemId: row.id, userId: actor.userId, approvedAt: at, approvedVersion: row.version })
      .onConflictDoUpdate({ target: [rv.postmortemId, rv.userId], set: { approvedAt: at, approvedVersion: row.version } });
    await recordEvent(tx, row.id, "approved", actorId, null, at);
  });
}

const MAX_COMMENT = 5_000;

/** A review comment on one section (responder and up; drafts and postmortems in review). */
export async function addComment(actor: Principal, id: string, section: string, body: string, nowMs = Date.now()): Promise<number> {
  assertRole(actor, "responder");
  const text = body.trim();
  if (!text) throw new AppError("bad_request", "Write the comment first.", { body: ["Write the comment first."] });
  if (text.length > MAX_COMMENT) throw new AppError("bad_request", `A comment is at most ${MAX_COMMENT} characters.`, { body: [`At most ${MAX_COMMENT} characters.`] });
  const settings = await getPostmortemSettings();
  if (!settings.template.sections.some((s) => s.key === section) && section !== "general") {
    throw new AppError("bad_request", `No section "${section}" in the template.`, { section: ["Choose a section."] });
  }
  const row = await postmortemRow(id);
  const may = canComment(await reviewSubject(row), { userId: actor.userId, role: actor.role });
  if (!may.ok) throw refuse(may);
  const [c] = await getDb().insert(cm).values({ postmortemId: row.id, section, authorId: auditActor(actor).actorId, body: text, createdAt: new Date(nowMs) }).returning({ id: cm.id });
  return c.id;
}

/** Marks a comment resolved (responder and up). */
export async function resolveComment(actor: Principal, id: string, commentId: number, nowMs = Date.now()): Promise<void> {
  assertRole(actor, "responder");
  const done = await getDb()
    .update(cm)
    .set({ resolvedAt: new Date(nowMs) })
    .where(and(eq(cm.id, commentId), eq(cm.postmortemId, id), isNull(cm.resolvedAt)))
    .returning({ id: cm.id });
  if (!done.length) throw new AppError("not_found", "No open comment with that id on this postmortem.");
}

export { REVIEW_LABELS };
