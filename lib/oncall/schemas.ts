/**
 * Zod schemas for on-call input, shared by the REST API and the forms: a schedule (as POST
 * /api/v1/schedules takes it, with participants already resolved to user ids), an override and an
 * escalation policy. Bad input gets field-level messages. Pure.
 */
import { z } from "zod";
import { MAX_REPEAT } from "./escalation";
import { MAX_LENGTH } from "./rotation";
import { WEEKDAYS, type Override } from "./types";
import { canonicalTimeZone, parseLocalDate, parseTimeOfDay } from "./zone";

const timeOfDay = (what: string) => z.string().trim().refine((s) => parseTimeOfDay(s) !== null, `${what} is a time of day, HH:MM from 00:00 to 23:59.`);

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Give a time zone.")
  .transform((tz, ctx) => {
    const name = canonicalTimeZone(tz);
    if (name) return name;
    ctx.addIssue({ code: "custom", message: `Unknown time zone "${tz}"; use an IANA name such as Europe/London or America/Chicago.` });
    return z.NEVER;
  });

export const rotationSchema = z
  .object({
    type: z.enum(["hourly", "daily", "weekly", "custom"], "The rotation type is hourly, daily, weekly or custom."),
    length: z.number("The length is a number.").int("The length is a whole number.").min(1, "The length is at least 1."),
    handoffTime: timeOfDay("The hand-off time"),
    start: z.string().trim().refine((s) => parseLocalDate(s) !== null, "The start is a date, YYYY-MM-DD."),
    participants: z.array(z.string().trim().min(1, "A participant cannot be blank."), "Participants are a list of people.").min(1, "A rotation needs at least one participant.").max(200, "A rotation has at most 200 participants."),
  })
  .superRefine((r, ctx) => {
    const max = MAX_LENGTH[r.type];
    const unit = { hourly: "hours", daily: "days", weekly: "weeks", custom: "hours" }[r.type];
    if (r.length > max) ctx.addIssue({ code: "custom", path: ["length"], message: `A ${r.type} rotation is at most ${max} ${unit} long.` });
  });

export const restrictionSchema = z.object({
  days: z.array(z.enum(WEEKDAYS, "Days are MO, TU, WE, TH, FR, SA or SU.")).min(1, "Pick at least one day, or leave the days out for every day.").optional(),
  start: timeOfDay("The window start"),
  end: timeOfDay("The window end"),
});

export const layerInputSchema = z.object({
  name: z.string().trim().min(1, "Name the layer.").max(100, "A layer name is at most 100 characters."),
  rotation: rotationSchema,
  restrictions: z.array(restrictionSchema).max(50, "At most 50 restriction windows.").optional(),
});

export const scheduleInputSchema = z.object({
  name: z.string().trim().min(1, "Name the schedule.").max(200, "A schedule name is at most 200 characters."),
  timeZone: timeZoneSchema,
  layers: z.array(layerInputSchema).min(1, "A schedule needs at least one layer.").max(10, "A schedule has at most 10 layers."),
});
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} is an ISO 8601 date-time with a zone, e.g. 2026-03-03T14:00:00Z.` }).transform((s) => Date.parse(s));

export const overrideInputSchema = z
  .object({
    kind: z.enum(["add", "replace", "remove"], "The kind is add, replace or remove."),
    userId: z.string().trim().min(1, "Choose a person."),
    start: instant("The start"),
    end: instant("The end"),
    layerId: z.string().trim().min(1).nullish(),
  })
  .superRefine((o, ctx) => {
    if (o.end <= o.start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start." });
  })
  .transform((o): Omit<Override, "id"> => ({ kind: o.kind, userId: o.userId, startMs: o.start, endMs: o.end, layerId: o.layerId ?? null }));
/** An override as the core takes it, less its id. */
export type OverrideInput = z.output<typeof overrideInputSchema>;

const targetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("layer"), scheduleId: z.string().min(1), layerId: z.string().min(1) }),
    z.object({ kind: z.literal("schedule"), scheduleId: z.string().min(1) }),
    z.object({ kind: z.literal("user"), userId: z.string().min(1) }),
  ],
  "A target is a schedule layer, a schedule or a user.",
);

export const escalationPolicySchema = z.object({
  steps: z
    .array(
      z.object({
        targets: z.array(targetSchema).min(1, "A step notifies at least one layer, schedule or person."),
        delayMinutes: z.number("The delay is a number of minutes.").int("The delay is a whole number of minutes.").min(1, "The delay is at least 1 minute.").max(24 * 60, "The delay is at most 24 hours."),
      }),
    )
    .min(1, "A policy needs at least one step.")
    .max(20, "A policy has at most 20 steps."),
  repeat: z.number().int().min(0, "Repeat is 0 or more.").max(MAX_REPEAT, `Repeat is at most ${MAX_REPEAT}.`).default(0),
});

export const compensationRatesSchema = z.object({
  currency: z.string().trim().regex(/^[A-Z]{3}$/, "The currency is a three-letter code such as EUR."),
  weeklyStipend: z.number().min(0, "The stipend cannot be negative."),
  hourlyRate: z.number().min(0, "The hourly rate cannot be negative."),
  responseMultiplier: z.number().min(0, "The multiplier cannot be negative.").max(10, "The multiplier is at most 10."),
  sev1DayOff: z.boolean(),
});
