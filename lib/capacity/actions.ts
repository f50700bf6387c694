"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, validationError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { capacityFormToInput, capacityFormValues, toCapacityFormErrors } from "./form";
import { createCapacityResource, deleteCapacityResource, updateCapacityResource } from "./queries";
import { capacityInputSchema } from "./schemas";

function refreshCapacityPages() {
  revalidatePath("/capacity");
  revalidatePath("/capacity/[id]", "page");
  revalidatePath("/services/[slug]", "page");
  revalidatePath("/");
}

/** Creates a resource, or changes one when the form carries `id` (and `version`, refused if stale). Admins only: checked in the queries. */
export async function saveCapacityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const version = Number(form.get("version"));
  let savedId = "";
  const state = await runFormAction(form, async (actor) => {
    const values = capacityFormValues(form);
    const mapped = capacityFormToInput(values);
    if ("fieldErrors" in mapped) throw new AppError("bad_request", "Some fields need attention.", mapped.fieldErrors);
    try {
      // The form sends every field: it is checked as a whole, so an emptied limit is an error, not "unchanged".
      const whole = capacityInputSchema.safeParse(mapped.input);
      if (!whole.success) throw validationError(whole.error);
      const saved = id
        ? await updateCapacityResource(actor, id, { ...mapped.input, version: Number.isInteger(version) && version > 0 ? version : undefined })
        : await createCapacityResource(actor, mapped.input);
      savedId = saved.id;
    } catch (err) {
      if (err instanceof AppError && err.fields) throw new AppError(err.code, err.code === "bad_request" ? "Some fields need attention." : err.message, toCapacityFormErrors(err.fields, values.limitKind));
      throw err;
    }
  });
  if (!state.ok) return state;
  refreshCapacityPages();
  redirect(`/capacity/${savedId}`);
}

export async function deleteCapacityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id") ?? "");
  const state = await runFormAction(form, (actor) => deleteCapacityResource(actor, id));
  if (!state.ok) return state;
  refreshCapacityPages();
  redirect("/capacity?deleted=1");
}
