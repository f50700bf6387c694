/**
 * Input of a scheduled maintenance, shared by the REST API and the admin form. Pure.
 *
 * Times are ISO 8601 with a zone ("2026-03-03T14:00:00Z", "…+01:00"), or a datetime-local value
 * ("2026-03-03T14:00") read in `timeZone` (default UTC), as the form sends them. Components are
 * public services named by slug; that they exist and are public is checked against the database.
 */
import { z } from "zod";
import { localDateTimeToMs } from "@/lib/slo/wall-clock";
import { isValidTimeZone } from "@/lib/slo/window";
import { windowErrors } from "./maintenance-state";

const isoWithZone = z.iso.datetime({ offset: true });

/** A time as the API or the form sends it, as epoch ms; null when it is neither form. */
export function parseMaintenanceTime(text: string, timeZone: string): number | null {
  const t = text.trim();
  if (isoWithZone.safeParse(t).success) return Date.parse(t);
  return localDateTimeToMs(t, timeZone);
}

const timeText = (which: "start" | "end") =>
  z
    .string(`Enter the ${which} date and time.`)
    .trim()
    .min(1, `Enter the ${which} date and time.`)
    .max(40, `Give the ${which} as an ISO 8601 date-time, e.g. 2026-03-03T14:00:00Z.`);

const fields = {
  title: z.string("Title is required.").trim().min(1, "Title is required.").max(200, "Title is at most 200 characters."),
  description: z.string().trim().max(5000, "The description is at most 5,000 characters."),
  startsAt: timeText("start"),
  endsAt: timeText("end"),
  timeZone: z.string().trim().refine(isValidTimeZone, "Unknown time zone; use an IANA name such as Europe/London."),
  services: z
    .array(z.string().trim().min(1, "Choose components from the list.").max(63, "Choose components from the list."), "Choose at least one public component.")
    .min(1, "Choose at least one public component.")
    .max(100, "At most 100 components.")
    .transform((slugs) => [...new Set(slugs)]),
};

type Times = { startsAt?: unknown; endsAt?: unknown; timeZone?: unknown };

/** The times present, read in the zone; null for a field given but not a time. */
function readTimes(v: Times): { startsMs?: number | null; endsMs?: number | null } {
  const zone = typeof v.timeZone === "string" && isValidTimeZone(v.timeZone) ? v.timeZone : null;
  const read = (text: unknown) => (typeof text !== "string" || !text.trim() ? undefined : zone ? parseMaintenanceTime(text, zone) : null);
  return { startsMs: read(v.startsAt), endsMs: read(v.endsAt) };
}

const TIME_FORMAT = "Give a date and time such as 2026-03-03T14:00 (read in the time zone) or 2026-03-03T14:00:00Z.";

/**
 * The times' own checks. They run even when other fields are invalid, so a form hears about every
 * field at once; a zone that is not one is reported on its own field.
 */
function checkTimes(v: Times | null, ctx: z.RefinementCtx) {
  if (!v || typeof v !== "object") return;
  if (typeof v.timeZone === "string" && !isValidTimeZone(v.timeZone)) return;
  const { startsMs, endsMs } = readTimes(v);
  if (startsMs === null) ctx.addIssue({ code: "custom", path: ["startsAt"], message: TIME_FORMAT });
  if (endsMs === null) ctx.addIssue({ code: "custom", path: ["endsAt"], message: TIME_FORMAT });
  if (typeof startsMs === "number" && typeof endsMs === "number") {
    for (const [field, messages] of Object.entries(windowErrors(startsMs, endsMs))) for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

const always = { when: () => true };

/** A new maintenance: title, optional description, window, zone of the times, at least one public component. */
export const maintenanceInputSchema = z
  .object({ ...fields, description: fields.description.default(""), timeZone: fields.timeZone.default("UTC") })
  .strict()
  .superRefine((v, ctx) => checkTimes(v, ctx), always)
  .transform((v) => {
    // Every check passed: both times are there and valid.
    const t = readTimes(v) as { startsMs: number; endsMs: number };
    return { title: v.title, description: v.description, startsMs: t.startsMs, endsMs: t.endsMs, services: v.services };
  });
export type MaintenanceInput = z.input<typeof maintenanceInputSchema>;
export type MaintenanceValues = z.output<typeof maintenanceInputSchema>;

/**
 * PATCH: any of the fields; the window is checked again once merged with the stored one. `version`
 * refuses the change if someone else saved first.
 */
export const maintenancePatchSchema = z
  .object({
    title: fields.title.optional(),
    description: fields.description.optional(),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    timeZone: fields.timeZone.default("UTC"),
    services: fields.services.optional(),
    version: z.number("version is a whole number.").int("version is a whole number.").positive("version is a whole number.").optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkTimes(v, ctx), always)
  .transform((v) => {
    // Every check passed: a time given is valid.
    const t = readTimes(v) as { startsMs?: number; endsMs?: number };
    return { title: v.title, description: v.description, services: v.services, version: v.version, startsMs: t.startsMs, endsMs: t.endsMs };
  });
export type MaintenancePatch = z.input<typeof maintenancePatchSchema>;
export type MaintenanceChanges = z.output<typeof maintenancePatchSchema>;

/** A maintenance id from a URL or a form: a uuid, else there is no such maintenance. */
export const maintenanceIdSchema = z.uuid();
