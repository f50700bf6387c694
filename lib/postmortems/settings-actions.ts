"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { assertRole } from "@/lib/auth/roles";
import { savePostmortemSettings } from "./settings-write";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};

/** A number box: blank or not a number becomes NaN, which the schema refuses with its message. */
const num = (form: FormData, k: string) => (str(form, k) === "" ? Number.NaN : Number(str(form, k).replace(",", ".")));

/**
 * Settings → Postmortems (admin): the template edits arrive as JSON in `template` (the form builds
 * them from its rows), with `dueHours`, `budgetSharePercent` (percent, stored as a share),
 * `approvalsRequired` and the `version` the form was based on.
 */
export async function savePostmortemSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    assertRole(actor, "admin");
    let template: unknown;
    try {
      template = JSON.parse(str(form, "template") || "{}");
    } catch {
      throw new AppError("bad_request", "The template could not be read; reload the page.", { "template.template": ["The template could not be read; reload the page."] });
    }
    const percent = num(form, "budgetSharePercent");
    try {
      await savePostmortemSettings(
        actor,
        { template, dueHours: num(form, "dueHours"), budgetShareThreshold: Number.isNaN(percent) ? percent : percent / 100, approvalsRequired: num(form, "approvalsRequired") },
        Number(str(form, "version")),
      );
    } catch (err) {
      if (err instanceof AppError && err.fields?.budgetShareThreshold) {
        const { budgetShareThreshold, ...rest } = err.fields;
        throw new AppError(err.code, err.message, { ...rest, budgetSharePercent: budgetShareThreshold });
      }
      throw err;
    }
    return { message: "Postmortem settings saved." };
  });
  if (state.ok) {
    revalidatePath("/settings/postmortems");
    revalidatePath("/postmortems", "layout");
  }
  return state;
}
