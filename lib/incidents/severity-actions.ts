"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { assertRole } from "@/lib/auth/roles";
import { severityFormToInput, toSeverityFormErrors } from "./severity-schemas";
import { resetSeverityTargets, saveSeverityTargets } from "./severity-targets";

function revalidateSeverities() {
  revalidatePath("/settings/severities");
  revalidatePath("/incidents", "layout");
}

export async function saveSeverityTargetsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    assertRole(actor, "admin");
    try {
      await saveSeverityTargets(actor, severityFormToInput(form));
    } catch (err) {
      if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, toSeverityFormErrors(err.fields));
      throw err;
    }
    return { message: "Severity targets saved. They apply to open and past incidents alike." };
  });
  if (state.ok) revalidateSeverities();
  return state;
}

export async function resetSeverityTargetsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await resetSeverityTargets(actor);
    return { message: "Severity targets are back to Keel's defaults." };
  });
  if (state.ok) revalidateSeverities();
  return state;
}
