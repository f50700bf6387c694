"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import type { EscalationStep } from "./escalation";
import { createPolicy, deletePolicy, updatePolicy } from "./escalation-store";

const PAGE = "/oncall/escalation";
const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};
const id = z.string().uuid("Unknown policy.");

/** The steps editor sends its steps as JSON; anything else is the form's fault, a field error. */
function stepsOf(form: FormData): EscalationStep[] {
  try {
    const steps = JSON.parse(str(form, "steps") || "[]") as unknown;
    if (Array.isArray(steps)) return steps as EscalationStep[];
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "Some fields need attention.", { steps: ["The steps could not be read; reload the page and try again."] });
}

/** Repeat as typed: a whole number, or NaN so the schema names the field. */
const repeatOf = (form: FormData) => (str(form, "repeat").trim() === "" ? 0 : Number(str(form, "repeat")));

/** Creates a policy (then opens it) or, with `id`, saves the edits; the services are the ticked boxes. */
export async function savePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  let created: string | undefined;
  const state = await runFormAction(form, async (actor) => {
    const values = { name: str(form, "name"), description: str(form, "description"), steps: stepsOf(form), repeat: repeatOf(form), services: form.getAll("services").filter((s): s is string => typeof s === "string") };
    if (!str(form, "id")) {
      created = (await createPolicy(actor, values)).id;
      return;
    }
    const version = Number(str(form, "version"));
    const saved = await updatePolicy(actor, id.parse(str(form, "id")), { ...values, version: Number.isInteger(version) && version > 0 ? version : undefined });
    return { message: `Saved ${saved.name}.` };
  });
  revalidatePath(PAGE, "layout");
  if (state.ok && created) redirect(`${PAGE}/${created}?created=1`);
  // Form values keep one value per name; the ticked services go back as one list.
  if (state.values) state.values.servicesList = form.getAll("services").join(",");
  return state;
}

export async function deletePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => deletePolicy(actor, id.parse(str(form, "id"))));
  revalidatePath(PAGE, "layout");
  if (state.ok) redirect(PAGE);
  return state;
}
