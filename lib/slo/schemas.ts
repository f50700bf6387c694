import { z } from "zod";
import { labelsSchema, slugSchema } from "@/lib/services/schemas";
import { ROLLING_DAYS, isValidTimeZone } from "./window";
import { withWindow } from "./definition";

/** A ratio query must say where the range goes ($window) or be a plain counter selector. */
function usableWithWindows(q: string | undefined): boolean {
  if (q === undefined || q.trim() === "") return true; // "required" is reported on its own
  try {
    withWindow(q, "5m");
    return true;
  } catch {
    return false;
  }
}
const WINDOW_HINT = 'Put [$window] where the range goes, e.g. sum(rate(http_requests_total{code=~"5.."}[$window])), or give a plain counter selector.';

const promql = (what: string) => z.string().trim().min(1, `Enter the ${what} query.`).max(5000, "Queries are at most 5000 characters.");

export const sliSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("ratio"), good: promql("good").optional(), bad: promql("bad").optional(), total: promql("total") })
    .refine((s) => Boolean(s.good) !== Boolean(s.bad), { message: "Give either a good or a bad query, not both.", path: ["good"] })
    .refine((s) => usableWithWindows(s.good), { message: WINDOW_HINT, path: ["good"] })
    .refine((s) => usableWithWindows(s.bad), { message: WINDOW_HINT, path: ["bad"] })
    .refine((s) => usableWithWindows(s.total), { message: WINDOW_HINT, path: ["total"] }),
  z.object({
    kind: z.literal("latency"),
    metric: z.string().trim().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "The histogram's base name, e.g. http_request_duration_seconds."),
    selector: z.string().trim().regex(/^(\{[^{}]*\})?$/, 'Label matchers in braces, e.g. {service="checkout-api"}.').default(""),
    thresholdSeconds: z.number().positive("The threshold is a positive number of seconds.").max(3600),
  }),
  z.object({
    kind: z.literal("incidents"),
    minSeverity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], "Choose the lowest severity that counts: 1 (SEV1) to 4 (SEV4)."),
  }),
]);

export const windowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rolling"), days: z.union(ROLLING_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<28>, z.ZodLiteral<30>, z.ZodLiteral<90>], "Rolling windows are 7, 28, 30 or 90 days.") }),
  z.object({
    kind: z.literal("calendar"),
    unit: z.enum(["month", "quarter"], "Calendar windows are a month or a quarter."),
    timeZone: z.string().refine(isValidTimeZone, "Unknown time zone."),
  }),
]);

export const budgetingSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("occurrences") }),
  z.object({
    method: z.literal("timeslices"),
    sliceMinutes: z.union([z.literal(1), z.literal(5)], "Slices are 1 or 5 minutes."),
    sliceTarget: z.number().gt(0, "Between 0 and 1.").lt(1, "Between 0 and 1."),
  }),
]);

/** A target as the API takes it: a ratio in (0, 1). Forms send percent and convert. */
const target = z.number().gt(0, "The target must be above 0 %.").lt(1, "The target must be below 100 %.");

const fields = {
  service: z.string().trim().min(1, "Choose a service."),
  name: z.string().trim().min(1, "Name is required.").max(120),
  slug: slugSchema,
  description: z.string().trim().max(2000),
  owner: z.string().trim().max(200),
  labels: labelsSchema,
  sli: sliSchema,
  target,
  slaTarget: target.nullish(),
  alertLevels: z
    .object({ warning: target.optional(), critical: target.optional(), page: target.optional() })
    .refine((l) => (l.warning ?? 1) >= (l.critical ?? 0) && (l.critical ?? 1) >= (l.page ?? 0) && (l.warning ?? 1) >= (l.page ?? 0), {
      message: "Alert levels go down from warning to critical to page, e.g. 99.95, 99.9, 99.5.",
    })
    .nullish(),
  window: windowSchema,
  budgeting: budgetingSchema,
  datasourceId: z.uuid("Choose a data source.").nullish(),
  reviewEveryDays: z.number().int().min(1).max(730),
};

export const sloInputSchema = z
  .object({
    ...fields,
    description: fields.description.default(""),
    owner: fields.owner.default(""),
    labels: fields.labels.default({}),
    window: fields.window.default({ kind: "rolling", days: 30 }),
    budgeting: fields.budgeting.default({ method: "occurrences" }),
    reviewEveryDays: fields.reviewEveryDays.default(90),
  })
  .refine((s) => s.slaTarget == null || s.slaTarget <= s.target, { message: "The SLA target must be at or below the SLO target (more lenient).", path: ["slaTarget"] });
export type SloInput = z.infer<typeof sloInputSchema>;
