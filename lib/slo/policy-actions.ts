"use server";

import { revalidatePath } from "next/cache";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { assertRole } from "@/lib/auth/roles";
import { policyFormToInput, policyPercentSchema, toPolicyFormErrors } from "./policy-schemas";
import { removeServicePolicy, saveOrgPolicy, saveServicePolicy } from "./policy-store";

function parsePolicyForm(form: FormData) {
  const parsed = policyPercentSchema.safeParse(policyFormToInput(form));
  if (!parsed.success) throw new AppError("bad_request", "Some fields need attention.", toPolicyFormErrors(fieldErrorsOf(parsed.error)));
  return parsed.data;
}

/** The version the form was loaded at; 0 = nothing was saved yet. Absent or malformed: overwrite. */
function formVersion(form: FormData): number | undefined {
  const raw = form.get("version");
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const v = Number(raw);
  return Number.isInteger(v) && v >= 0 ? v : undefined;
}

function serviceOf(form: FormData): string {
  const slug = String(form.get("service") ?? "").trim();
  if (!slug) throw new AppError("bad_request", "Some fields need attention.", { service: ["Choose a service."] });
  return slug;
}

/** Errors from the store name input paths (warningBelow); the form names its controls. */
async function withFormFields<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, toPolicyFormErrors(err.fields));
    throw err;
  }
}

function revalidatePolicy() {
  revalidatePath("/policy");
  revalidatePath("/policy/settings");
}

export async function saveOrgPolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) =>
    withFormFields(async () => {
      assertRole(actor, "admin");
      await saveOrgPolicy(actor, parsePolicyForm(form), formVersion(form));
      return { message: "The organisation's policy is saved." };
    }),
  );
  if (state.ok) revalidatePolicy();
  return state;
}

export async function saveServicePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) =>
    withFormFields(async () => {
      assertRole(actor, "admin");
      const slug = serviceOf(form);
      const saved = await saveServicePolicy(actor, slug, parsePolicyForm(form), formVersion(form));
      return { message: `The override for ${saved.serviceName} is saved.` };
    }),
  );
  if (state.ok) revalidatePolicy();
  return state;
}

export async function removeServicePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await removeServicePolicy(actor, serviceOf(form));
    return { message: "Override removed; the service follows the organisation's policy." };
  });
  if (state.ok) revalidatePolicy();
  return state;
}
