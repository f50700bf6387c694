import { z } from "zod";
import { slugSchema } from "@/lib/services/schemas";
import { SEVERITIES } from "./severity";
import { STATUSES } from "./lifecycle";

const severity = z.enum(SEVERITIES, "Severity is SEV1, SEV2, SEV3 or SEV4.");
const status = z.enum(STATUSES, `Status is one of ${STATUSES.join(", ")}.`);
const title = z.string().trim().min(1, "Title is required.").max(200, "Title is at most 200 characters.");
const summary = z.string().trim().max(10_000, "Summary is at most 10,000 characters.");
const instant = z.iso.datetime({ offset: true, message: "Give a date-time with a zone, e.g. 2025-03-01T14:05:00Z." });
const services = z
  .array(slugSchema)
  .max(50, "At most 50 services.")
  .transform((s) => [...new Set(s)]);

/** A user by id or email. */
const userRef = z.string().trim().min(1).max(320);

export const impactSchema = z
  .object({
    usersAffected: z.number().int().min(0, "Users affected cannot be negative.").nullish(),
    trafficPercent: z.number().min(0, "Traffic share is 0 to 100 %.").max(100, "Traffic share is 0 to 100 %.").nullish(),
    revenue: z.number().min(0, "Revenue cannot be negative.").nullish(),
    supportTickets: z.number().int().min(0, "Support tickets cannot be negative.").nullish(),
  })
  .strict();

export const incidentInputSchema = z
  .object({
    title,
    severity,
    services,
    summary: summary.default(""),
    customerFacing: z.boolean().default(false),
    detectedBy: z.enum(["alert", "user", "customer"], "Detected by is alert, user or customer.").default("user"),
    startedAt: instant.optional(),
    detectedAt: instant.optional(),
  })
  .strict();
export type IncidentInput = z.input<typeof incidentInputSchema>;

// No defaults: a field the caller did not send is left as it is. `null` clears a role.
export const incidentPatchSchema = z
  .object({
    title,
    summary,
    severity,
    status,
    customerFacing: z.boolean(),
    services,
    /** Merged into the current impact; a null field is removed. */
    impact: impactSchema,
    commander: userRef.nullable(),
    commsLead: userRef.nullable(),
    addResponders: z.array(userRef).max(50),
    removeResponders: z.array(userRef).max(50),
    version: z.number().int().positive(),
  })
  .partial()
  .strict();
export type IncidentPatch = z.input<typeof incidentPatchSchema>;

/** The timestamps that can be back-filled (closed is only ever set by closing). */
export const EDITABLE_TIMESTAMPS = ["started", "detected", "acknowledged", "mitigated", "resolved"] as const;
export type EditableTimestamp = (typeof EDITABLE_TIMESTAMPS)[number];

export const timestampEditSchema = z
  .object({
    field: z.enum(EDITABLE_TIMESTAMPS, `Field is one of ${EDITABLE_TIMESTAMPS.join(", ")}.`),
    at: instant,
    reason: z.string().trim().min(1, "Say why the time is corrected.").max(500, "Reason is at most 500 characters."),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type TimestampEdit = Omit<z.input<typeof timestampEditSchema>, "at"> & { at: string | Date };

/** The kinds a person may add by hand; the others are written by Keel as things change. */
export const MANUAL_KINDS = ["note", "action", "link", "status_update"] as const;

const httpUrl = (u: unknown) => typeof u === "string" && /^https?:\/\/\S+$/i.test(u) && URL.canParse(u);

export const timelineEntryInputSchema = z
  .object({
    kind: z.enum(MANUAL_KINDS, `Kind is one of ${MANUAL_KINDS.join(", ")}.`),
    body: z.string().trim().min(1, "Write something.").max(10_000, "An entry is at most 10,000 characters."),
    data: z
      .record(z.string().max(100), z.unknown())
      .refine((d) => JSON.stringify(d).length <= 10_000, "Data is at most 10,000 characters of JSON.")
      .default({}),
    /** When it happened, if earlier than now (an action taken before it was written down). */
    at: instant.optional(),
  })
  .strict()
  .refine((e) => e.kind !== "link" || httpUrl(e.data.url), { message: "A link needs data.url, an http or https URL.", path: ["data", "url"] });
export type TimelineEntryInput = z.input<typeof timelineEntryInputSchema>;

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).map((x) => x.trim()).filter(Boolean)), z.array(item).optional());

export const incidentFilterSchema = z.object({
  status: list(status),
  severity: list(severity),
  service: z.string().trim().max(100).optional(),
  /** started at or after */
  from: instant.optional(),
  /** started before */
  to: instant.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentFilter = z.input<typeof incidentFilterSchema>;

/** Query parameters as filter input: empty ones are left out; status and severity may repeat or be comma-separated. */
export function filterParams(params: URLSearchParams): Record<string, unknown> {
  const present = [...params].filter(([, v]) => v.trim() !== "");
  const out: Record<string, unknown> = Object.fromEntries(present);
  for (const key of ["status", "severity"]) if (key in out) out[key] = present.filter(([k]) => k === key).map(([, v]) => v);
  return out;
}

export const timelineQuerySchema = z.object({
  after: z.coerce.number().int("after is an entry id.").min(0, "after is an entry id.").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
