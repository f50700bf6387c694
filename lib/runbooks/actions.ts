"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, type FormState } from "@/lib/forms";
import { attachRunbook, detachRunbook, setRunbookStep } from "./attach";
import { runbookFormToInput } from "./form";
import { doneCount } from "./progress";
import { createRunbook, deleteRunbook, updateRunbook } from "./queries";
import type { RunbookInput, RunbookUpdate } from "./schemas";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};

function refreshRunbookPages() {
  revalidatePath("/runbooks");
  revalidatePath("/runbooks/[slug]", "page");
  revalidatePath("/incidents/[id]", "page");
}

export async function createRunbookAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug = "";
  const state = await runFormAction(form, async (actor) => {
    slug = (await createRunbook(actor, runbookFormToInput(form) as RunbookInput)).slug;
  });
  if (!state.ok) return state;
  refreshRunbookPages();
  redirect(`/runbooks/${slug}`);
}

export async function updateRunbookAction(_prev: FormState, form: FormData): Promise<FormState> {
  const slug = str(form, "slug");
  const version = Number(str(form, "version"));
  const state = await runFormAction(form, async (actor) => {
    const { slug: _slug, ...fields } = runbookFormToInput(form);
    void _slug;
    await updateRunbook(actor, slug, { ...fields, version: Number.isInteger(version) && version > 0 ? version : undefined } as RunbookUpdate);
  });
  if (!state.ok) return state;
  refreshRunbookPages();
  redirect(`/runbooks/${slug}`);
}

export async function deleteRunbookAction(_prev: FormState, form: FormData): Promise<FormState> {
  const slug = str(form, "slug");
  const state = await runFormAction(form, (actor) => deleteRunbook(actor, slug));
  if (!state.ok) return state;
  refreshRunbookPages();
  redirect(`/runbooks?deleted=${encodeURIComponent(slug)}`);
}

/** Incident page: attach the runbook chosen in the picker. */
export async function attachRunbookAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const slug = str(form, "runbook");
    if (!slug) return { ok: false, message: "Choose a runbook to attach.", fieldErrors: { runbook: ["Choose a runbook to attach."] } };
    const { attached, created } = await attachRunbook(actor, str(form, "incident"), slug);
    return { message: created ? `Attached “${attached.runbook.title}”.` : `“${attached.runbook.title}” was already attached.` };
  });
  if (state.ok) revalidatePath("/incidents/[id]", "page");
  return state;
}

export async function detachRunbookAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await detachRunbook(actor, str(form, "incident"), str(form, "runbook"));
    return { message: "Runbook detached." };
  });
  if (state.ok) revalidatePath("/incidents/[id]", "page");
  return state;
}

/** Incident page: a checklist box ticked or unticked (`done` is "true" or "false"). */
export async function setRunbookStepAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const index = Number(str(form, "index"));
    const done = str(form, "done") === "true";
    const attached = await setRunbookStep(actor, str(form, "incident"), str(form, "runbook"), index, done);
    return { message: `Step ${index + 1} ${done ? "done" : "not done"} (${doneCount(attached.runbook.steps.length, attached.done)} of ${attached.runbook.steps.length}).` };
  });
  if (state.ok) revalidatePath("/incidents/[id]", "page");
  return state;
}
