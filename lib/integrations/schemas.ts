import { z } from "zod";
import { allResolvedActions } from "@/db/schema/integrations";
import { SEVERITIES } from "@/lib/incidents/severity";
import { slugSchema } from "@/lib/services/schemas";
import { isValidRegex } from "./mapping";

const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,127}$/, "Label names start with a letter or _ and use letters, digits and _.");
const matcher = z.union(
  [
    z.string().max(500, "A label value is at most 500 characters."),
    z
      .object({ regex: z.string().max(500, "A regular expression is at most 500 characters.").refine(isValidRegex, "This regular expression does not compile.") })
      .strict(),
  ],
  "Match a label with a value (a string) or { \"regex\": \"…\" }.",
);

/** `{ match: { label: value | { regex } }, severity?, service? }`; an empty match matches every alert. */
export const mappingRuleSchema = z
  .object({
    match: z.record(labelName, matcher).refine((m) => Object.keys(m).length <= 20, "A rule matches at most 20 labels."),
    severity: z.enum(SEVERITIES, "Severity is SEV1, SEV2, SEV3 or SEV4.").optional(),
    service: slugSchema.optional(),
  })
  .strict()
  .refine((r) => r.severity !== undefined || r.service !== undefined, "A rule sets a severity, a service or both.");

const fields = {
  name: z.string().trim().min(1, "Name is required.").max(100, "Name is at most 100 characters."),
  onAllResolved: z.enum(allResolvedActions, "When every alert has resolved, the incident moves to monitoring or resolved."),
  defaultSeverity: z.enum(SEVERITIES, "Default severity is SEV1, SEV2, SEV3 or SEV4."),
  rules: z.array(mappingRuleSchema).max(100, "At most 100 rules."),
};

export const integrationInputSchema = z
  .object({
    name: fields.name,
    onAllResolved: fields.onAllResolved.default("monitoring"),
    defaultSeverity: fields.defaultSeverity.default("SEV3"),
    rules: fields.rules.default([]),
  })
  .strict();
export type IntegrationInput = z.input<typeof integrationInputSchema>;

export const integrationPatchSchema = z
  .object({
    ...fields,
    /** Issue a new secret URL; the old one stops working at once. */
    rotateSecret: z.literal(true),
    version: z.number().int().positive(),
  })
  .partial()
  .strict();
export type IntegrationPatch = z.input<typeof integrationPatchSchema>;
