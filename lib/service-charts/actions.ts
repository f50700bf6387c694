"use server";

import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/forms";
import { addServiceChart, moveServiceChart, removeServiceChart } from "./queries";
import { serviceChartInputSchema } from "./schemas";

export async function pinChartAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug = "";
  const state = await runFormAction(form, async (actor) => {
    const input = serviceChartInputSchema.parse({
      service: form.get("service"),
      title: form.get("title"),
      query: form.get("query"),
      unit: form.get("unit") || undefined,
      legend: form.get("legend") ?? "",
      datasourceId: form.get("datasourceId") || null,
    });
    slug = input.service;
    await addServiceChart(actor, input);
    return { message: "Pinned to the service's dashboard." };
  });
  if (state.ok) revalidatePath(`/services/${slug}`);
  return state;
}

export async function removeChartAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => removeServiceChart(actor, String(form.get("chartId") ?? "")));
  if (state.ok) revalidatePath(`/services/${String(form.get("service") ?? "")}`);
  return state;
}

export async function moveChartAction(_prev: FormState, form: FormData): Promise<FormState> {
  const direction = form.get("direction") === "up" ? -1 : 1;
  const state = await runFormAction(form, (actor) => moveServiceChart(actor, String(form.get("chartId") ?? ""), direction));
  if (state.ok) revalidatePath(`/services/${String(form.get("service") ?? "")}`);
  return state;
}
