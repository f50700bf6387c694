/**
 * Input of an SLO correction (maintenance window), shared by the REST API and the form, and the
 * form's FormData → input. Pure. The stored rule is the canonical RRULE text of what was accepted.
 */
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { formatRrule, localDateTimeToMs, MAX_DURATION_MINUTES, MIN_MS, nextOccurrence, parseRrule, WEEKDAYS } from "./corrections";
import { isValidTimeZone } from "./window";

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const rruleField = z
  .string()
  .trim()
  .max(500, "A rule is at most 500 characters.")
  .nullish()
  .transform((text, ctx) => {
    if (!text) return null;
    const parsed = parseRrule(text);
    if (parsed.ok) return formatRrule(parsed.rule);
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });

export const correctionInputSchema = z
  .object({
    reason: z.string().trim().min(1, "Say why these events are left out.").max(500, "A reason is at most 500 characters."),
    startsAt: z.iso
      .datetime({ offset: true, error: "Give the start as an ISO 8601 date-time with a zone, e.g. 2026-03-03T14:00:00Z." })
      .transform((s) => new Date(s).toISOString())
      .refine((s) => Date.parse(s) % MIN_MS === 0, "The start is a whole minute (no seconds).")
      .refine((s) => Date.parse(s) >= EARLIEST && Date.parse(s) < LATEST, "The start is between the years 2000 and 2099."),
    durationMinutes: z
      .number("The duration is a number of minutes.")
      .int("The duration is a whole number of minutes.")
      .min(1, "The duration is at least 1 minute.")
      .max(MAX_DURATION_MINUTES, "The duration is at most 31 days (44640 minutes)."),
    rrule: rruleField,
    timeZone: z.string().trim().refine(isValidTimeZone, "Unknown time zone; use an IANA name such as Europe/London.").default("UTC"),
  })
  .superRefine((c, ctx) => {
    if (c.rrule && !nextOccurrence({ ...c, id: "", reason: "" }, Date.parse(c.startsAt)))
      ctx.addIssue({ code: "custom", path: ["rrule"], message: "This rule never happens from the start on; check UNTIL and the days it names." });
  });

export type CorrectionInput = z.output<typeof correctionInputSchema>;
/** What callers send (the API body): rrule and timeZone may be left out. */
export type CorrectionInputRaw = z.input<typeof correctionInputSchema>;

export const REPEATS = ["none", "daily", "weekly", "monthly", "custom"] as const;
export type Repeat = (typeof REPEATS)[number];

/** The add-correction form's FormData: a datetime-local start read in the chosen zone, a duration in minutes or hours, a repeat choice. */
export function parseCorrectionForm(form: FormData): { ok: true; input: CorrectionInput } | { ok: false; fieldErrors: FieldErrors } {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.trim() : "";
  };
  const errors: FieldErrors = {};
  const timeZone = text("timeZone") || "UTC";
  const repeat = (REPEATS as readonly string[]).includes(text("repeat")) ? (text("repeat") as Repeat) : "none";

  let startsAt: string | undefined;
  if (!isValidTimeZone(timeZone)) errors.timeZone = ["Unknown time zone."];
  else {
    const ms = text("startsAt") ? localDateTimeToMs(text("startsAt"), timeZone) : null;
    if (ms === null) errors.startsAt = ["Enter the start date and time."];
    else startsAt = new Date(ms).toISOString();
  }

  const amount = Number(text("duration").replace(",", "."));
  const durationMinutes = text("durationUnit") === "hours" ? Math.round(amount * 60 * 1e6) / 1e6 : amount;
  if (!text("duration") || !Number.isFinite(amount)) errors.duration = ["Enter how long it lasts."];

  let rrule: string | null = null;
  const count = text("count");
  if (count && repeat !== "none" && repeat !== "custom") {
    if (!/^\d+$/.test(count) || Number(count) < 1) errors.count = ["A whole number of times, at least 1, or leave it empty."];
  }
  const ends = count && repeat !== "custom" ? `;COUNT=${count}` : "";
  if (repeat === "daily") rrule = `FREQ=DAILY${ends}`;
  if (repeat === "monthly") rrule = `FREQ=MONTHLY${ends}`;
  if (repeat === "weekly") {
    const days = form.getAll("byDay").filter((d): d is string => typeof d === "string" && (WEEKDAYS as readonly string[]).includes(d));
    if (!days.length) errors.byDay = ["Choose at least one day."];
    rrule = `FREQ=WEEKLY;BYDAY=${WEEKDAYS.filter((d) => days.includes(d)).join(",")}${ends}`;
  }
  if (repeat === "custom") {
    rrule = text("rrule");
    if (!rrule) errors.rrule = ["Enter a rule such as FREQ=WEEKLY;BYDAY=SU;COUNT=10."];
  }

  const parsed = correctionInputSchema.safeParse({ reason: text("reason"), startsAt, durationMinutes, rrule, timeZone });
  if (parsed.success && !Object.keys(errors).length) return { ok: true, input: parsed.data };
  const fromSchema = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const formName: Record<string, string> = { durationMinutes: "duration", rrule: repeat === "custom" ? "rrule" : repeat === "weekly" ? "byDay" : "repeat" };
  for (const [key, messages] of Object.entries(fromSchema)) {
    const name = formName[key] ?? key;
    if (!errors[name]) errors[name] = messages; // the form's own message for a field comes first
  }
  return { ok: false, fieldErrors: errors };
}
