"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { createCorrection, deleteCorrection } from "./correction-queries";
import { parseCorrectionForm } from "./correction-schemas";

/** Adds a maintenance window or correction to the SLO named by the form's `sloId`. */
export async function createCorrectionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const sloId = String(form.get("sloId") ?? "");
  const state = await runFormAction(form, async (actor) => {
    const parsed = parseCorrectionForm(form);
    if (!parsed.ok) throw new AppError("bad_request", "Some fields need attention.", parsed.fieldErrors);
    const made = await createCorrection(actor, sloId, parsed.input);
    return { message: `Added: ${made.description}.` };
  });
  if (state.ok) revalidatePath(`/slos/${sloId}`);
  return state;
}

/** Removes the correction `correctionId` of the SLO `sloId`. */
export async function deleteCorrectionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const sloId = String(form.get("sloId") ?? "");
  const correctionId = String(form.get("correctionId") ?? "");
  const state = await runFormAction(form, async (actor) => {
    await deleteCorrection(actor, sloId, correctionId);
    return { message: "Removed." };
  });
  if (state.ok) revalidatePath(`/slos/${sloId}`);
  return state;
}
