/**
 * Input of capacity resources (API and forms) and of forecast requests. The field rules here are
 * pure; that the queries return exactly one series is checked against Prometheus in query-check.ts.
 */
import { z } from "zod";
import { parseDurationMs } from "@/lib/prometheus/duration";
import { CAPACITY_TEMPLATES, type TemplateId } from "./templates";
import { DAY_MS } from "./types";

export const CAPACITY_BOUNDS = {
  lookbackDays: { min: 2, max: 400, default: 90 },
  resolutionSeconds: { min: 15, max: 86_400, default: 300 },
  /** History points per forecast (lookback ÷ resolution): 90 days at 5 minutes is 25,920. */
  maxPoints: 40_000,
  warningLevel: { min: 0.01, max: 0.99, default: 0.8 },
  horizonMs: { min: DAY_MS, max: 365 * DAY_MS, default: 30 * DAY_MS },
} as const;

const TEMPLATE_IDS = CAPACITY_TEMPLATES.map((t) => t.id) as [TemplateId, ...TemplateId[]];

const promql = (what: string) => z.string().trim().min(1, `Enter the ${what} query.`).max(5000, "Queries are at most 5,000 characters.");

const { lookbackDays: lb, resolutionSeconds: rs, warningLevel: wl } = CAPACITY_BOUNDS;

const fields = {
  name: z.string().trim().min(1, "Name is required.").max(120, "A name is at most 120 characters."),
  service: z.string().trim().min(1, "Choose a service."),
  /** null or absent: the default data source. */
  datasourceId: z.uuid("Choose a data source.").nullish(),
  usageQuery: promql("usage"),
  /** A constant limit, in the usage's unit … */
  limit: z.number("The limit is a number.").positive("The limit must be a positive number (above 0).").nullish(),
  /** … or a query for it, e.g. max(pg_settings_max_connections). */
  limitQuery: promql("limit").nullish(),
  unit: z.string().trim().max(40, "A unit is at most 40 characters.").default(""),
  warningLevel: z
    .number("The warning level is a number.")
    .min(wl.min, "The warning level is a share of the limit between 0.01 and 0.99 (1 % to 99 %).")
    .max(wl.max, "The warning level is a share of the limit between 0.01 and 0.99 (1 % to 99 %).")
    .default(wl.default),
  lookbackDays: z
    .number("The lookback is a whole number of days.")
    .int("The lookback is a whole number of days.")
    .min(lb.min, `Look back at least ${lb.min} days: a forecast needs two days of history.`)
    .max(lb.max, `Look back at most ${lb.max} days.`)
    .default(lb.default),
  resolutionSeconds: z
    .number("The resolution is a whole number of seconds.")
    .int("The resolution is a whole number of seconds.")
    .min(rs.min, `The resolution is at least ${rs.min} seconds.`)
    .max(rs.max, "The resolution is at most a day (86,400 seconds).")
    .default(rs.default),
  template: z.enum(TEMPLATE_IDS, `The template is one of ${TEMPLATE_IDS.join(", ")}.`).nullish(),
};

type Refinable = { limit?: number | null; limitQuery?: string | null; lookbackDays?: number; resolutionSeconds?: number };

/** One limit, and a history that stays affordable to forecast. */
function checkLimitAndSize(v: Refinable, ctx: z.RefinementCtx, required: boolean) {
  const hasValue = v.limit !== undefined && v.limit !== null;
  const hasQuery = v.limitQuery !== undefined && v.limitQuery !== null;
  if (hasValue && hasQuery) ctx.addIssue({ code: "custom", path: ["limit"], message: "Give either a constant limit or a limit query, not both." });
  else if (required && !hasValue && !hasQuery) ctx.addIssue({ code: "custom", path: ["limit"], message: "Give the limit: a positive number, or a query that returns it (limitQuery)." });
  const within = (x: number | undefined, b: { min: number; max: number }) => x !== undefined && Number.isInteger(x) && x >= b.min && x <= b.max;
  if (within(v.lookbackDays, lb) && within(v.resolutionSeconds, rs)) {
    const points = Math.floor((v.lookbackDays! * 86_400) / v.resolutionSeconds!);
    if (points > CAPACITY_BOUNDS.maxPoints) {
      ctx.addIssue({
        code: "custom",
        path: ["lookbackDays"],
        message: `${v.lookbackDays} days at ${v.resolutionSeconds}-second resolution is ${points.toLocaleString("en-GB")} points; at most ${CAPACITY_BOUNDS.maxPoints.toLocaleString("en-GB")}: coarsen the resolution or shorten the lookback.`,
      });
    }
  }
}

/** A new resource: `limit` or `limitQuery`, not both. */
export const capacityInputSchema = z
  .object(fields)
  .strict()
  .superRefine((v, ctx) => checkLimitAndSize(v, ctx, true));
export type CapacityInput = z.input<typeof capacityInputSchema>;
export type CapacityValues = z.output<typeof capacityInputSchema>;

/**
 * PATCH: any of the fields; setting `limit` drops the limit query and the other way round. `version`
 * refuses the change if someone else saved first.
 */
export const capacityPatchSchema = z
  .object({
    name: fields.name.optional(),
    service: fields.service.optional(),
    datasourceId: fields.datasourceId,
    usageQuery: fields.usageQuery.optional(),
    limit: fields.limit,
    limitQuery: fields.limitQuery,
    unit: z.string().trim().max(40, "A unit is at most 40 characters.").optional(),
    warningLevel: fields.warningLevel.optional(),
    lookbackDays: fields.lookbackDays.optional(),
    resolutionSeconds: fields.resolutionSeconds.optional(),
    template: fields.template,
    version: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkLimitAndSize(v, ctx, false));
export type CapacityPatch = z.input<typeof capacityPatchSchema>;

export const capacityFilterSchema = z.object({ service: z.string().trim().max(200).optional() });

const HORIZON_MESSAGE = "The horizon is a duration such as 7d, 30d or 12w, from 1d to 365d.";

/** `?horizon=30d` → milliseconds (default 30 days). */
export const horizonSchema = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === "") return CAPACITY_BOUNDS.horizonMs.default;
    const ms = /^\d+[hdw]$/.test(text) ? parseDurationMs(text) : null;
    if (ms === null || ms < CAPACITY_BOUNDS.horizonMs.min || ms > CAPACITY_BOUNDS.horizonMs.max) {
      ctx.addIssue({ code: "custom", message: HORIZON_MESSAGE, path: ["horizon"] });
      return z.NEVER;
    }
    return ms;
  });

/** "30d" from 30 days in ms (whole days, else hours). */
export function horizonText(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : `${Math.round(ms / 3_600_000)}h`;
}
