import { z } from "zod";

export const slugSchema = z
  .string()
  .trim()
  .min(2, "Slug needs at least 2 characters.")
  .max(63, "Slug is at most 63 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens (e.g. checkout-api).");

const link = z
  .string()
  .trim()
  .max(2000)
  .url("Enter a full URL, e.g. https://wiki.example.com/runbook.")
  .refine((u) => /^https?:\/\//i.test(u), "Only http and https links are allowed.");

export const linksSchema = z
  .object({ runbook: link.optional(), repository: link.optional(), dashboard: link.optional() })
  .strict();

const labelKey = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_.\-/]{0,62}$/, "Label keys start with a letter or _ and use letters, digits, _ . - /.");

export const labelsSchema = z
  .record(labelKey, z.string().max(200, "Label values are at most 200 characters."))
  .refine((r) => Object.keys(r).length <= 50, "At most 50 labels.");

const serviceFields = {
  name: z.string().trim().min(1, "Name is required.").max(100, "Name is at most 100 characters."),
  slug: slugSchema,
  description: z.string().trim().max(2000, "Description is at most 2000 characters."),
  team: z.string().trim().min(1).max(100).nullish(),
  tier: z.number().int("Tier is 1, 2 or 3.").min(1, "Tier is 1, 2 or 3.").max(3, "Tier is 1, 2 or 3."),
  public: z.boolean(),
  links: linksSchema,
  labels: labelsSchema,
};

export const serviceInputSchema = z.object({
  ...serviceFields,
  description: serviceFields.description.default(""),
  tier: serviceFields.tier.default(2),
  public: serviceFields.public.default(false),
  links: serviceFields.links.default({}),
  labels: serviceFields.labels.default({}),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

// No defaults here: a field the caller did not send is left as it is.
export const servicePatchSchema = z
  .object(serviceFields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .strict();
export type ServicePatch = z.infer<typeof servicePatchSchema>;

export const serviceFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  team: z.string().trim().max(100).optional(),
  tier: z.coerce.number().int().min(1, "Tier is 1, 2 or 3.").max(3, "Tier is 1, 2 or 3.").optional(),
  public: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ServiceFilter = z.infer<typeof serviceFilterSchema>;

/** "key=value" per line, as typed in the form. */
export function parseLabelsText(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const eq = line.indexOf("=");
    if (eq <= 0) return { error: `Line ${i + 1}: write labels as key=value.` };
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { labels };
}

export function labelsToText(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join("\n");
}

/** The service form's FormData as the input the schema expects (strings coerced explicitly). */
export function serviceFormToInput(form: FormData): { input: unknown; labelsError?: string } {
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const optional = (k: string) => (str(k).trim() === "" ? undefined : str(k));
  const labels = parseLabelsText(str("labels"));
  const tierText = str("tier");
  return {
    input: {
      name: str("name"),
      slug: str("slug"),
      description: str("description"),
      team: optional("team") ?? null,
      tier: tierText === "" ? undefined : Number(tierText),
      public: form.get("public") === "on",
      links: { runbook: optional("runbook"), repository: optional("repository"), dashboard: optional("dashboard") },
      labels: "labels" in labels ? labels.labels : {},
    },
    labelsError: "error" in labels ? labels.error : undefined,
  };
}
