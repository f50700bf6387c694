import { z } from "zod";
import { slugSchema } from "@/lib/services/schemas";
import { SEVERITIES } from "@/lib/incidents/severity";

/** An Alertmanager alert name as it appears in the `alertname` label; separators of the form field are not allowed in it. */
const alertName = z
  .string()
  .trim()
  .min(1, "An alert name cannot be empty.")
  .max(200, "An alert name is at most 200 characters.")
  .regex(/^[^\s,]+$/, "An alert name has no spaces or commas (it is the alertname label, e.g. HighErrorRate).");

export const runbookStepSchema = z
  .object({
    title: z.string().trim().min(1, "Each step needs a title.").max(200, "A step title is at most 200 characters."),
    detail: z
      .string()
      .trim()
      .max(5000, "Step details are at most 5,000 characters.")
      .optional()
      .transform((d) => d || undefined),
  })
  .strict();

export const runbookContactSchema = z
  .object({
    name: z.string().trim().min(1, "Each contact needs a name.").max(100, "A contact name is at most 100 characters."),
    how: z.string().trim().min(1, "Say how to reach this contact.").max(300, "How to reach them is at most 300 characters."),
  })
  .strict();

const fields = {
  title: z.string().trim().min(1, "Title is required.").max(200, "Title is at most 200 characters."),
  scenario: z.string().trim().max(5000, "The scenario is at most 5,000 characters.").default(""),
  alertNames: z
    .array(alertName)
    .max(50, "At most 50 alert names.")
    .default([])
    .transform((names) => [...new Set(names)]),
  severityHint: z.enum(SEVERITIES, "Severity hint is SEV1, SEV2, SEV3, SEV4 or null.").nullable().default(null),
  steps: z.array(runbookStepSchema).min(1, "A runbook needs at least one step.").max(100, "At most 100 steps."),
  contacts: z.array(runbookContactSchema).max(20, "At most 20 contacts.").default([]),
};

/** A new runbook (admin). */
export const runbookInputSchema = z.object({ slug: slugSchema, ...fields }).strict();
export type RunbookInput = z.input<typeof runbookInputSchema>;

/** PUT replaces the whole runbook (its slug stays); `version` refuses the save if someone else saved first. */
export const runbookUpdateSchema = z.object({ ...fields, version: z.number().int().positive().optional() }).strict();
export type RunbookUpdate = z.input<typeof runbookUpdateSchema>;

/** PUT …/steps/{index}: tick or untick one step of an attached runbook. */
export const stepProgressSchema = z.object({ done: z.boolean("done is true or false.") }).strict();

export const runbookFilterSchema = z.object({ q: z.string().trim().max(200).optional() });
export type RunbookFilter = z.input<typeof runbookFilterSchema>;

/** A step index from the URL: a whole number from 0. */
export const stepIndexSchema = z.coerce.number("The step index is a whole number from 0.").int("The step index is a whole number from 0.").min(0, "The step index is a whole number from 0.");
