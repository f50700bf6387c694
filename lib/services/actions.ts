"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { serviceFormToInput, serviceInputSchema } from "./schemas";
import { createService, deleteService, updateService } from "./queries";

function parseForm(form: FormData) {
  const { input, labelsError } = serviceFormToInput(form);
  const parsed = serviceInputSchema.safeParse(input);
  const fields = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (labelsError) fields.labels = [labelsError];
  // Link errors arrive as links.runbook; the form names the field runbook.
  for (const k of ["runbook", "repository", "dashboard"]) {
    if (fields[`links.${k}`]) {
      fields[k] = fields[`links.${k}`];
      delete fields[`links.${k}`];
    }
  }
  if (!parsed.success || labelsError) throw new AppError("bad_request", "Some fields need attention.", fields);
  return parsed.data;
}

export async function createServiceAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug = "";
  const state = await runFormAction(form, async (actor) => {
    const service = await createService(actor, parseForm(form));
    slug = service.slug;
  });
  if (!state.ok) return state;
  revalidatePath("/services");
  redirect(`/services/${slug}`);
}

export async function updateServiceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const original = String(form.get("originalSlug") ?? "");
  const version = Number(form.get("version"));
  let slug = "";
  const state = await runFormAction(form, async (actor) => {
    const service = await updateService(actor, original, { ...parseForm(form), version: Number.isInteger(version) && version > 0 ? version : undefined });
    slug = service.slug;
  });
  if (!state.ok) return state;
  revalidatePath("/services");
  redirect(`/services/${slug}`);
}

export async function deleteServiceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const slug = String(form.get("slug") ?? "");
  const state = await runFormAction(form, (actor) => deleteService(actor, slug));
  if (!state.ok) return state;
  revalidatePath("/services");
  redirect("/services?deleted=" + encodeURIComponent(slug));
}
