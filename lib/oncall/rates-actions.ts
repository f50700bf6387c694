"use server";

import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/forms";
import { saveRates } from "./rates-store";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};
/** A number as typed; blank or words become NaN so the schema names the field. */
const num = (form: FormData, k: string) => (str(form, k) === "" ? Number.NaN : Number(str(form, k)));

/** Saves the on-call pay rates (admin) from the health page's form. */
export async function saveRatesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const version = Number(str(form, "version"));
    await saveRates(
      actor,
      { currency: str(form, "currency").toUpperCase(), weeklyStipend: num(form, "weeklyStipend"), hourlyRate: num(form, "hourlyRate"), responseMultiplier: num(form, "responseMultiplier"), sev1DayOff: form.get("sev1DayOff") === "on" },
      Number.isInteger(version) && version >= 0 ? version : undefined,
    );
    return { message: "Saved the rates." };
  });
  revalidatePath("/oncall/health");
  return state;
}
