"use server";

import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/forms";
import { setMyTimeZone } from "./set-time-zone";

export async function setTimeZoneAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    const zone = await setMyTimeZone(actor, String(form.get("timeZone") ?? ""));
    return { message: `Time zone set to ${zone}.` };
  });
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
