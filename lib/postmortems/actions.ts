"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { currentPrincipal } from "@/lib/auth/session";
import { logger } from "@/lib/observability/logger";
import { ZodError } from "zod";
import { createPostmortem, resyncPostmortem, savePostmortem } from "./queries";
import { addComment, approvePostmortem, resolveComment, setReviewers, transitionPostmortem } from "./review-store";
import { refreshSloImpact } from "./impact-store";
import { addActionItem, deleteActionItem, updateActionItem } from "./action-item-store";
import { REVIEW_STATUSES, type ReviewStatus } from "./review";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};

function revalidate(id: string) {
  revalidatePath(`/postmortems/${id}`);
  revalidatePath("/postmortems");
}

/** "Write postmortem" on an incident: creates it prefilled and opens the editor. */
export async function createPostmortemAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id: string | undefined;
  const state = await runFormAction(form, async (actor) => {
    id = (await createPostmortem(actor, { incidentId: str(form, "incidentId") })).id;
  });
  if (!state.ok || !id) return state;
  revalidatePath("/postmortems");
  redirect(`/postmortems/${id}/edit`);
}

/** What the editor's saves return: the new version, or why nothing was saved (the editor keeps its text either way). */
export type SaveResult = { ok: true; version: number; updatedAt: string } | { ok: false; message: string; conflict?: boolean; fieldErrors?: FieldErrors };

async function asResult<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string; conflict?: boolean; fieldErrors?: FieldErrors }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message, conflict: err.code === "conflict", fieldErrors: err.fields };
    if (err instanceof ZodError) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrorsOf(err) };
    logger().error({ err }, "postmortem save failed");
    return { ok: false, message: "The save failed on our side; your text is kept here. Try again." };
  }
}

/** Saves the editor's document (autosave and the Save button): refused, with the reason, when the version is stale. */
export async function savePostmortemAction(id: string, input: { version: number; document: unknown; tags?: string[]; reason?: string }): Promise<SaveResult> {
  const actor = await currentPrincipal();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again in another tab; your text is kept here." };
  const r = await asResult(() => savePostmortem(actor, id, input));
  if (!r.ok) return r;
  // No revalidation: it would re-render the editor's page on every autosave; the read page is dynamic.
  return { ok: true, ...r.value };
}

export type ResyncResult = { ok: true; version: number; added: number; updated: number; keptEdited: number; skipped: number } | { ok: false; message: string; conflict?: boolean };

/** Pulls new incident timeline entries into the document (saved first by the editor, so `version` is current). */
export async function resyncPostmortemAction(id: string, version: number): Promise<ResyncResult> {
  const actor = await currentPrincipal();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again in another tab." };
  const r = await asResult(() => resyncPostmortem(actor, id, version));
  if (!r.ok) return r;
  revalidatePath(`/postmortems/${id}`);
  return { ok: true, ...r.value };
}

export async function transitionPostmortemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const to = str(form, "to") as ReviewStatus;
  const state = await runFormAction(form, async (actor) => {
    if (!REVIEW_STATUSES.includes(to)) throw new AppError("bad_request", "Unknown status.");
    await transitionPostmortem(actor, id, to);
    return { message: to === "published" ? "Published." : to === "in_review" ? "Sent for review." : "Back to draft; approvals were cleared." };
  });
  if (state.ok) revalidate(id);
  return state;
}

export async function setReviewersAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    await setReviewers(actor, id, form.getAll("reviewers").filter((v): v is string => typeof v === "string"));
    return { message: "Reviewers saved." };
  });
  if (state.ok) revalidate(id);
  return state;
}

export async function approvePostmortemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    await approvePostmortem(actor, id);
    return { message: "Approved." };
  });
  if (state.ok) revalidate(id);
  return state;
}

export async function addCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    await addComment(actor, id, str(form, "section"), str(form, "body"));
    return { message: "Comment added." };
  });
  if (state.ok) revalidate(id);
  return state;
}

export async function resolveCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    await resolveComment(actor, id, Number(str(form, "commentId")));
  });
  if (state.ok) revalidate(id);
  return state;
}

export async function refreshSloImpactAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    const s = await refreshSloImpact(actor, id);
    return { message: `SLO impact computed for ${s.rows.length} SLO${s.rows.length === 1 ? "" : "s"}.` };
  });
  if (state.ok) revalidate(id);
  return state;
}

const itemFields = (form: FormData) => ({
  title: str(form, "title"),
  category: str(form, "category"),
  priority: str(form, "priority"),
  owner: str(form, "owner"),
  dueDate: str(form, "dueDate"),
  link: str(form, "link"),
});

export async function addActionItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "postmortemId");
  const state = await runFormAction(form, async (actor) => {
    await addActionItem(actor, id, itemFields(form));
    return { message: "Action item added." };
  });
  if (state.ok) {
    revalidate(id);
    revalidatePath("/postmortems/action-items");
  }
  return state;
}

/** Changes an item's status (any time), or its fields when `fields=1` is sent (drafts). */
export async function updateActionItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const pmId = str(form, "postmortemId");
  const state = await runFormAction(form, async (actor) => {
    const version = Number(str(form, "version"));
    const patch = str(form, "fields") === "1" ? { ...itemFields(form), status: str(form, "status") || undefined, version } : { status: str(form, "status"), version };
    await updateActionItem(actor, str(form, "itemId"), patch);
    return { message: "Saved." };
  });
  if (state.ok) {
    if (pmId) revalidate(pmId);
    revalidatePath("/postmortems/action-items");
  }
  return state;
}

export async function deleteActionItemAction(_prev: FormState, form: FormData): Promise<FormState> {
  const pmId = str(form, "postmortemId");
  const state = await runFormAction(form, async (actor) => {
    await deleteActionItem(actor, str(form, "itemId"));
  });
  if (state.ok) revalidate(pmId);
  return state;
}
