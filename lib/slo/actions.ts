"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { parseSloForm, toFormFieldErrors } from "./form";
import { createSlo, deleteSlo, markSloReviewed, updateSlo } from "./queries";

/** Errors from the domain functions name input paths (sli.total); the form names its fields. */
async function withFormFields<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, toFormFieldErrors(err.fields));
    throw err;
  }
}

/** Creates an SLO, or updates one when the form carries `id` (and `version`, refused if stale). */
export async function saveSloAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const version = Number(form.get("version"));
  let savedId = "";
  const state = await runFormAction(form, (actor) =>
    withFormFields(async () => {
      const parsed = parseSloForm(form);
      if (!parsed.ok) throw new AppError("bad_request", "Some fields need attention.", parsed.fieldErrors);
      const slo = id
        ? await updateSlo(actor, id, parsed.input, Number.isInteger(version) && version > 0 ? version : undefined)
        : await createSlo(actor, parsed.input);
      savedId = slo.id;
    }),
  );
  if (!state.ok) return state;
  revalidatePath("/slos");
  redirect(`/slos/${savedId}`);
}

export async function deleteSloAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const state = await runFormAction(form, (actor) => deleteSlo(actor, id));
  if (!state.ok) return state;
  revalidatePath("/slos");
  redirect("/slos");
}

/** "Reviewed": the SLO's next review is due `reviewEveryDays` from now. */
export async function markReviewedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const state = await runFormAction(form, async (actor) => {
    await markSloReviewed(actor, id);
    return { message: "Marked as reviewed." };
  });
  if (state.ok) {
    revalidatePath("/slos");
    revalidatePath(`/slos/${id}`);
  }
  return state;
}
