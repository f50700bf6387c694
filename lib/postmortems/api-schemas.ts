/** Bodies of the postmortem REST routes that are not the document itself. Pure. */
import { z } from "zod";
import { ACTION_CATEGORIES, ACTION_STATUSES } from "./action-items";
import { REVIEW_STATUSES } from "./review";

export const saveBodySchema = z
  .object({
    version: z.number("version (the one your edit was based on) is required.").int().positive(),
    document: z.unknown(),
    tags: z.array(z.string()).optional(),
    reason: z.string().max(1000, "A reason is at most 1,000 characters.").optional(),
  })
  .strict();

export const statusBodySchema = z.object({ to: z.enum(REVIEW_STATUSES, "to is draft, in_review or published.") }).strict();
export const reviewersBodySchema = z.object({ reviewers: z.array(z.string()).max(20, "At most 20 reviewers.") }).strict();
export const commentBodySchema = z.object({ section: z.string().min(1, "section is required."), body: z.string() }).strict();
export const versionBodySchema = z.object({ version: z.number().int().positive() }).strict();

const list = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(values, `One of ${values.join(", ")}.`)).optional());

export const postmortemQuerySchema = z.object({
  status: list(REVIEW_STATUSES),
  q: z.string().max(200).optional(),
  service: z.string().max(100).optional(),
  tag: z.string().max(40).optional(),
  overdue: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
});

export const actionItemQuerySchema = z.object({
  owner: z.string().max(320).optional(),
  team: z.string().max(100).optional(),
  service: z.string().max(100).optional(),
  category: z.enum(ACTION_CATEGORIES, "category is prevent, detect or recover.").optional(),
  status: list(ACTION_STATUSES),
  overdue: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
});

/** URL query parameters as a plain object (first value of each). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}
