"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import { createFeedToken, revokeFeedToken } from "./feed-store";
import { localInputToIso } from "./local-input";
import { addOverride, deleteOverride } from "./override-store";
import { createSchedule, deleteSchedule, updateSchedule } from "./schedule-store";
import { cancelSwap, offerSwap, takeSwap } from "./swap-store";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};

function payload(form: FormData): unknown {
  try {
    return JSON.parse(str(form, "payload"));
  } catch {
    throw new AppError("bad_request", "The form could not be read; reload the page.");
  }
}

function refresh(id?: string) {
  revalidatePath("/oncall");
  revalidatePath("/");
  if (id) revalidatePath(`/oncall/schedules/${id}`);
}

export async function createScheduleAction(_prev: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runFormAction(form, async (actor) => {
    id = (await createSchedule(actor, payload(form))).id;
  });
  if (!state.ok) return state;
  refresh(id);
  redirect(`/oncall/schedules/${id}`);
}

export async function updateScheduleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "id");
  const state = await runFormAction(form, async (actor) => {
    await updateSchedule(actor, id, payload(form));
  });
  if (!state.ok) return state;
  refresh(id);
  redirect(`/oncall/schedules/${id}`);
}

export async function deleteScheduleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, (actor) => deleteSchedule(actor, str(form, "id")));
  if (!state.ok) return state;
  refresh();
  redirect("/oncall");
}

/** The override form: start and end are datetime-local values on the schedule's wall clock (`zone`). */
export async function addOverrideAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "schedule");
  const zone = str(form, "zone") || "UTC";
  const state = await runFormAction(form, async (actor) => {
    const o = await addOverride(actor, id, {
      kind: str(form, "kind"),
      userId: str(form, "userId"),
      layerId: str(form, "layerId") || null,
      start: localInputToIso(str(form, "start"), zone) ?? str(form, "start"),
      end: localInputToIso(str(form, "end"), zone) ?? str(form, "end"),
      note: str(form, "note") || undefined,
    });
    return { message: `Override saved: ${o.kind} ${o.user.name}.` };
  });
  if (state.ok) refresh(id);
  return state;
}

export async function deleteOverrideAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "schedule");
  const state = await runFormAction(form, async (actor) => {
    const { ended } = await deleteOverride(actor, id, str(form, "override"));
    return { message: ended ? "Override ended now." : "Override removed." };
  });
  if (state.ok) refresh(id);
  return state;
}

/** `shift` is "startISO|endISO|layerId?" from the list of my coming shifts. */
export async function offerSwapAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "schedule");
  const state = await runFormAction(form, async (actor) => {
    const [start, end, layerId] = str(form, "shift").split("|");
    if (!start || !end) return { ok: false, message: "Choose one of your shifts.", fieldErrors: { shift: ["Choose one of your shifts."] } };
    await offerSwap(actor, id, { start, end, layerId: layerId || null, note: str(form, "note") || undefined });
    return { message: "Shift offered: it is listed below for others to take." };
  });
  if (state.ok) refresh(id);
  return state;
}

export async function takeSwapAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "schedule");
  const state = await runFormAction(form, async (actor) => {
    await takeSwap(actor, id, str(form, "swap"));
    return { message: "Shift taken: you are on call for it." };
  });
  if (state.ok) refresh(id);
  return state;
}

export async function cancelSwapAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = str(form, "schedule");
  const state = await runFormAction(form, async (actor) => {
    await cancelSwap(actor, id, str(form, "swap"));
    return { message: "Offer withdrawn." };
  });
  if (state.ok) refresh(id);
  return state;
}

/** A secret feed link, shown once: a schedule's (`schedule`) or my own (no schedule). */
export async function createFeedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const schedule = str(form, "schedule");
  const state = await runFormAction(form, async (actor) => {
    const feed = await createFeedToken(actor, schedule ? { schedule } : { person: true });
    return { message: "Feed link created. Copy it now: it is shown only once.", secret: feed.url };
  });
  if (state.ok) refresh(schedule || undefined);
  return state;
}

export async function revokeFeedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, async (actor) => {
    await revokeFeedToken(actor, str(form, "feed"));
    return { message: "Feed link revoked." };
  });
  if (state.ok) refresh(str(form, "schedule") || undefined);
  return state;
}
