"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { publicBaseUrl } from "@/lib/status-page/base-url";
import { createIntegration, deleteIntegration, updateIntegration } from "./queries";
import { rulesFromForm } from "./rule-form";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function versionOf(form: FormData): number | undefined {
  const v = Number(form.get("version"));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

const urlOf = (path: string) => `${publicBaseUrl()}${path}`;

export async function createIntegrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const created = await createIntegration(actor, {
      name: text(form, "name"),
      defaultSeverity: text(form, "defaultSeverity") as "SEV3",
      onAllResolved: text(form, "onAllResolved") as "monitoring",
    });
    return { message: `Created "${created.name}". Copy its URL now: Keel shows it only once.`, secret: urlOf(created.webhookPath), values: { id: created.id } };
  });
  if (state.ok) revalidatePath("/settings/integrations");
  return state;
}

/** Name, default severity, what to do when every alert resolved, and the mapping rules (sent as JSON by the rules editor). */
export async function saveIntegrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "id");
  const state = await runFormAction(form, async (actor) => {
    const rules = rulesFromForm(text(form, "rules"));
    if (!rules.ok) throw new AppError("bad_request", "Some rules need attention.", rules.fields);
    try {
      await updateIntegration(actor, id, {
        name: text(form, "name"),
        defaultSeverity: text(form, "defaultSeverity") as "SEV3",
        onAllResolved: text(form, "onAllResolved") as "monitoring",
        rules: rules.rules,
        version: versionOf(form),
      });
    } catch (err) {
      // The store names rule errors by path (rules.2.service); the editor shows them per row.
      if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^(rules\.\d+)\..*$/, "$1"), v])));
      throw err;
    }
    return { message: "Saved. New deliveries use these settings." };
  });
  if (state.ok) revalidatePath(`/settings/integrations/${id}`);
  return state;
}

export async function rotateIntegrationSecretAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = text(form, "id");
  const state = await runFormAction(form, async (actor) => {
    const updated = await updateIntegration(actor, id, { rotateSecret: true });
    if (!("webhookPath" in updated)) throw new Error("A rotated integration comes back with its new secret.");
    return { message: "New URL issued; the old one no longer works. Update Alertmanager's receiver now.", secret: urlOf(updated.webhookPath) };
  });
  if (state.ok) revalidatePath(`/settings/integrations/${id}`);
  return state;
}

export async function deleteIntegrationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await deleteIntegration(actor, text(form, "id"));
  });
  if (!state.ok) return state;
  revalidatePath("/settings/integrations");
  redirect("/settings/integrations");
}
