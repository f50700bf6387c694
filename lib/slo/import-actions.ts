"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { importSlos } from "./import";

export async function importSlosAction(_prev: FormState, form: FormData): Promise<FormState> {
  const yaml = String(form.get("yaml") ?? "");
  const state = await runFormAction(form, async (actor) => {
    if (!yaml.trim()) throw new AppError("bad_request", "Paste or choose a YAML file first.");
    const r = await importSlos(actor, yaml);
    const notes = r.notes.length ? ` Notes: ${r.notes.join(" ")}` : "";
    return { message: `Imported: ${r.created.length} created, ${r.updated.length} updated.${notes}` };
  });
  if (state.ok) revalidatePath("/slos");
  return { ...state, values: { yaml } };
}
