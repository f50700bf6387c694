"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AppError, type FieldErrors } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/forms";
import type { Principal } from "@/lib/auth/roles";
import { createIncident, editTimestamp, updateIncident } from "./queries";
import { addTimelineEntry } from "./timeline";
import type { IncidentInput, IncidentPatch, TimelineEntryInput } from "./schemas";
import type { StampField } from "./timestamps";

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.trim() : "";
};
const all = (form: FormData, k: string) => form.getAll(k).filter((v): v is string => typeof v === "string" && v !== "");

/** Input paths as the forms name their fields: services.0 → services, impact.revenue → revenue, data.url → url. */
function formFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const key = path.split(".").filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
    (out[key] ??= []).push(...messages);
  }
  return out;
}

async function withFormFields<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.fields) throw new AppError(err.code, err.message, formFields(err.fields));
    throw err;
  }
}

/** The incident pages show the change at once (the list, and the incident under any of its references). */
function refreshIncidentPages() {
  revalidatePath("/incidents");
  revalidatePath("/incidents/[id]", "page");
}

/** Runs a change to the incident named by the form's `incident` field. */
async function change(form: FormData, fn: (actor: Principal, ref: string) => Promise<FormState | void>): Promise<FormState> {
  const ref = str(form, "incident");
  const state = await runFormAction(form, (actor) => withFormFields(() => fn(actor, ref)));
  if (state.ok) refreshIncidentPages();
  return state;
}

/** Declares an incident and opens its page; a refused form keeps everything typed, the chosen services too. */
export async function declareIncidentAction(_prev: FormState, form: FormData): Promise<FormState> {
  let ref = "";
  const state = await runFormAction(form, (actor) =>
    withFormFields(async () => {
      const input = {
        title: str(form, "title"),
        severity: str(form, "severity"),
        services: all(form, "services"),
        summary: str(form, "summary"),
        customerFacing: form.get("customerFacing") === "on",
        detectedBy: str(form, "detectedBy") || "user",
      } as IncidentInput;
      ref = (await createIncident(actor, input)).ref;
    }),
  );
  if (!state.ok) return { ...state, values: { ...state.values, services: all(form, "services").join(",") } };
  revalidatePath("/incidents");
  redirect(`/incidents/${ref}`);
}

export async function changeStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const status = str(form, "status");
    await updateIncident(actor, ref, { status } as IncidentPatch);
    return { message: `Status is now ${status}.` };
  });
}

export async function changeSeverityAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const severity = str(form, "severity");
    await updateIncident(actor, ref, { severity } as IncidentPatch);
    return { message: `Severity is now ${severity}.` };
  });
}

export async function assignMeCommanderAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    await updateIncident(actor, ref, { commander: actor.userId });
    return { message: "You are the incident commander." };
  });
}

/**
 * The role pickers: only what the person changed is sent (against the `…Was` values the form was
 * drawn with), so a responder someone else added meanwhile is kept.
 */
export async function setRolesAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const patch: IncidentPatch = {};
    for (const role of ["commander", "commsLead"] as const) {
      if (str(form, role) !== str(form, `${role}Was`)) patch[role] = str(form, role) || null;
    }
    const was = new Set(all(form, "respondersWas"));
    const now = new Set(all(form, "responders"));
    const add = [...now].filter((id) => !was.has(id));
    const remove = [...was].filter((id) => !now.has(id));
    if (add.length) patch.addResponders = add;
    if (remove.length) patch.removeResponders = remove;
    if (!Object.keys(patch).length) return { message: "Nothing to change." };
    await updateIncident(actor, ref, patch);
    return { message: "Roles saved." };
  });
}

export async function setCustomerFacingAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const customerFacing = str(form, "customerFacing") === "true";
    await updateIncident(actor, ref, { customerFacing });
    return { message: customerFacing ? "Marked customer-facing." : "No longer customer-facing." };
  });
}

const IMPACT_FIELDS = { usersAffected: "Users affected", trafficPercent: "Share of traffic", revenue: "Revenue lost", supportTickets: "Support tickets" } as const;

/** Impact fields: only those changed from what the form showed are sent; an emptied field is cleared. */
export async function updateImpactAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const impact: Record<string, number | null> = {};
    const fields: FieldErrors = {};
    for (const [k, label] of Object.entries(IMPACT_FIELDS)) {
      const v = str(form, k);
      if (v === str(form, `${k}Was`)) continue;
      const n = v === "" ? null : Number(v);
      if (n !== null && !Number.isFinite(n)) fields[k] = [`${label}: give a number, or leave it empty.`];
      else impact[k] = n;
    }
    if (Object.keys(fields).length) throw new AppError("bad_request", "Some fields need attention.", fields);
    if (!Object.keys(impact).length) return { message: "Nothing to change." };
    await updateIncident(actor, ref, { impact });
    return { message: "Impact saved." };
  });
}

/** Back-fills a recorded time; the form's time is UTC (a datetime-local field labelled so). */
export async function editTimestampAction(_prev: FormState, form: FormData): Promise<FormState> {
  return change(form, async (actor, ref) => {
    const local = str(form, "at");
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) throw new AppError("bad_request", "Some fields need attention.", { at: ["Give the corrected date and time (UTC)."] });
    const at = `${local.length === 16 ? `${local}:00` : local}Z`;
    const field = str(form, "field") as StampField;
    await editTimestamp(actor, ref, field, at, str(form, "reason"));
    return { message: "Time corrected." };
  });
}

/** A note, an action taken, a link or a status-page update. The live timeline picks it up; no page refresh needed. */
export async function addTimelineEntryAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ref = str(form, "incident");
  return runFormAction(form, (actor) =>
    withFormFields(async () => {
      const kind = str(form, "kind");
      const input = { kind, body: str(form, "body"), data: kind === "link" ? { url: str(form, "url") } : {} } as TimelineEntryInput;
      await addTimelineEntry(actor, ref, input);
      return { message: "Added to the timeline." };
    }),
  );
}
