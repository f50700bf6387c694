/**
 * The maintenance form's fields as the input the domain functions validate. Pure. The form sends
 * its times as datetime-local values and the zone they are read in; its components as one
 * `services` field (a slug) per ticked box.
 */

const text = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};

export function maintenanceFormToInput(form: FormData) {
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    startsAt: text(form, "startsAt"),
    endsAt: text(form, "endsAt"),
    timeZone: text(form, "timeZone").trim() || "UTC",
    services: form.getAll("services").filter((v): v is string => typeof v === "string" && v !== ""),
  };
}

/** The version the edit form was opened at, when it is a whole number. */
export function formVersion(form: FormData): number | undefined {
  const v = Number(text(form, "version"));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}
