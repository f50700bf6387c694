/**
 * The postmortem review state machine and who may do what. Pure: callers pass the postmortem's
 * status, authors and approvals, and the acting user.
 *
 *   draft ⇄ in_review → published
 *
 * - Content is edited in draft only, by its authors or any responder (admins included).
 *   In review the text is frozen so reviewers approve what they read; sending it back to draft
 *   (authors withdrawing, or a reviewer asking for changes) clears the approvals (see `effectsOf`).
 * - Approving: a responder or admin who is not an author, once per postmortem, while in review.
 * - Publishing: from in review, by a responder or admin, once at least `requiredApprovals`
 *   (default 1) distinct non-authors approved and every required section is written.
 * - Published is final and read-only; only an admin may still correct it, and must give a reason
 *   that the caller records.
 * Refusals are values with a code (403 forbidden: the role or person may not; 409 conflict: not
 * in this state) and a message saying what would make it possible.
 */
import { hasRole, type Role } from "@/lib/auth/roles";

export const REVIEW_STATUSES = ["draft", "in_review", "published"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_LABELS: Record<ReviewStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };

export type ReviewActor = { userId: string; role: Role };
export type ReviewSubject = {
  status: ReviewStatus;
  authorIds: readonly string[];
  approvals: readonly { userId: string }[];
};
export type ReviewConfig = { requiredApprovals: number };
export const DEFAULT_REVIEW_CONFIG: ReviewConfig = { requiredApprovals: 1 };

export type Decision = { ok: true } | { ok: false; code: "forbidden" | "conflict"; message: string };

const OK: Decision = { ok: true };
const forbidden = (message: string): Decision => ({ ok: false, code: "forbidden", message });
const conflict = (message: string): Decision => ({ ok: false, code: "conflict", message });

const isAuthor = (pm: ReviewSubject, actor: ReviewActor) => pm.authorIds.includes(actor.userId);

/** Distinct approvers who are not authors: the approvals that count towards publishing. */
export function countedApprovals(pm: ReviewSubject): number {
  return new Set(pm.approvals.map((a) => a.userId).filter((id) => !pm.authorIds.includes(id))).size;
}

/**
 * Whether `actor` may move the postmortem to `to`. `unwritten` lists the headings of required
 * sections still empty (see `unwrittenRequired`); publishing needs it empty.
 */
export function canTransition(
  pm: ReviewSubject,
  to: ReviewStatus,
  actor: ReviewActor,
  opts: { config?: ReviewConfig; unwritten?: readonly string[] } = {},
): Decision {
  const config = opts.config ?? DEFAULT_REVIEW_CONFIG;
  if (pm.status === to) return conflict(`The postmortem is already ${REVIEW_LABELS[to].toLowerCase()}.`);
  if (pm.status === "published") return conflict("A published postmortem is final; an admin can still correct it, giving a reason.");
  if (!hasRole(actor.role, "responder")) return forbidden(`Changing a postmortem's status needs the responder role; you are ${actor.role}.`);
  if (pm.status === "draft" && to === "published") return conflict("Send the postmortem for review first; it can be published once approved.");
  if (to === "published") {
    const have = countedApprovals(pm);
    const need = Math.max(0, config.requiredApprovals);
    if (have < need) {
      return conflict(`Publishing needs ${need} approval${need === 1 ? "" : "s"} from someone other than its authors; it has ${have}.`);
    }
    const missing = opts.unwritten ?? [];
    if (missing.length) return conflict(`Write the required section${missing.length === 1 ? "" : "s"} first: ${missing.join(", ")}.`);
  }
  return OK;
}

/** What the caller must do along with an allowed move. */
export function effectsOf(from: ReviewStatus, to: ReviewStatus): { clearApprovals: boolean; setPublishedAt: boolean } {
  return { clearApprovals: from === "in_review" && to === "draft", setPublishedAt: to === "published" };
}

/** The moves offered from the current status, each with whether the actor may make it now and why not. */
export function availableTransitions(pm: ReviewSubject, actor: ReviewActor, opts: { config?: ReviewConfig; unwritten?: readonly string[] } = {}) {
  const next: Record<ReviewStatus, ReviewStatus[]> = { draft: ["in_review"], in_review: ["draft", "published"], published: [] };
  return next[pm.status].map((to) => ({ to, decision: canTransition(pm, to, actor, opts) }));
}

/**
 * Whether `actor` may change the content (sections, timeline, impact, links, action items).
 * On a published postmortem an admin may, with a non-empty reason; the result then says to record it.
 */
export function canEdit(pm: ReviewSubject, actor: ReviewActor, reason?: string): Decision & { recordReason?: boolean } {
  if (!hasRole(actor.role, "responder")) return forbidden(`Editing a postmortem needs the responder role; you are ${actor.role}.`);
  if (pm.status === "draft") return OK;
  if (pm.status === "in_review") return conflict("The postmortem is in review and its text is frozen; move it back to draft to edit (this clears approvals).");
  if (actor.role !== "admin") return conflict("The postmortem is published and read-only; an admin can correct it, giving a reason.");
  if (!reason?.trim()) return conflict("Say why you are changing a published postmortem; the reason is recorded.");
  return { ok: true, recordReason: true };
}

/** Whether `actor` may approve now. */
export function canApprove(pm: ReviewSubject, actor: ReviewActor): Decision {
  if (!hasRole(actor.role, "responder")) return forbidden(`Approving needs the responder role; you are ${actor.role}.`);
  if (pm.status !== "in_review") return conflict(`Only a postmortem in review can be approved; this one is ${REVIEW_LABELS[pm.status].toLowerCase()}.`);
  if (isAuthor(pm, actor)) return forbidden("Authors cannot approve their own postmortem; ask a reviewer.");
  if (pm.approvals.some((a) => a.userId === actor.userId)) return conflict("You have already approved this postmortem.");
  return OK;
}

/** Whether `actor` may comment on a section (drafts and postmortems in review). */
export function canComment(pm: ReviewSubject, actor: ReviewActor): Decision {
  if (!hasRole(actor.role, "responder")) return forbidden(`Commenting needs the responder role; you are ${actor.role}.`);
  if (pm.status === "published") return conflict("A published postmortem takes no more comments.");
  return OK;
}

// ── Optimistic versioning ───────────────────────────────────────────────────────────────────────

export type VersionConflict = { ok: false; code: "conflict"; expected: number; actual: number; message: string };

/**
 * Whether a save based on version `expected` may apply to the stored version `actual`. A conflict
 * explains what happened and that the writer's text is kept (the caller must return it unsaved).
 */
export function checkVersion(expected: number, actual: number, lastSave?: { by?: string | null; at?: string | null }): { ok: true } | VersionConflict {
  if (expected === actual) return { ok: true };
  const who = lastSave?.by?.trim() || "Someone else";
  const when = lastSave?.at ? ` at ${lastSave.at.slice(0, 16).replace("T", " ")} UTC` : "";
  const message =
    expected < actual
      ? `${who} saved this postmortem${when} after you opened it (you edited version ${expected}; it is now version ${actual}). ` +
        "Your changes were not saved and your text is kept here: copy it, reload to see their changes, then apply yours again."
      : `This postmortem is at version ${actual}, older than the version ${expected} your edit was based on. ` +
        "Your changes were not saved and your text is kept here: reload the page and apply them again.";
  return { ok: false, code: "conflict", expected, actual, message };
}
