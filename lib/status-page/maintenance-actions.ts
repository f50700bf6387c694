"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction, type FormState } from "@/lib/forms";
import { formVersion, maintenanceFormToInput } from "./maintenance-form";
import { cancelMaintenance, createMaintenance, updateMaintenance } from "./maintenance-queries";

const ADMIN_PATH = "/settings/status-page";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};

function refreshMaintenancePages() {
  revalidatePath(ADMIN_PATH);
  revalidatePath(`${ADMIN_PATH}/maintenance/[id]`, "page");
  revalidatePath("/status");
}

const emailed = (n: number) => (n === 1 ? "1 subscriber was emailed" : `${n} subscribers were emailed`);

/** Back to the list, saying what was saved and how many subscribers were told. */
function backToList(title: string, notified: number): never {
  redirect(`${ADMIN_PATH}?saved=${encodeURIComponent(title)}&notified=${notified}`);
}

export async function createMaintenanceAction(_prev: FormState, form: FormData): Promise<FormState> {
  let saved = { title: "", notified: 0 };
  const state = await runFormAction(form, async (actor) => {
    const { maintenance, notified } = await createMaintenance(actor, maintenanceFormToInput(form));
    saved = { title: maintenance.title, notified };
  });
  if (!state.ok) return state;
  refreshMaintenancePages();
  backToList(saved.title, saved.notified);
}

export async function updateMaintenanceAction(_prev: FormState, form: FormData): Promise<FormState> {
  let saved = { title: "", notified: 0 };
  const state = await runFormAction(form, async (actor) => {
    const { maintenance, notified } = await updateMaintenance(actor, str(form, "id"), { ...maintenanceFormToInput(form), version: formVersion(form) });
    saved = { title: maintenance.title, notified };
  });
  if (!state.ok) return state;
  refreshMaintenancePages();
  backToList(saved.title, saved.notified);
}

/** The list's Cancel button; the maintenance stays listed as cancelled. */
export async function cancelMaintenanceAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const { maintenance, notified } = await cancelMaintenance(actor, str(form, "id"));
    return { message: `“${maintenance.title}” is cancelled; ${emailed(notified)}.` };
  });
  if (state.ok) refreshMaintenancePages();
  return state;
}
