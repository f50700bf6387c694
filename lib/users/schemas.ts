import { z } from "zod";
import { roles } from "@/lib/auth/roles";

export const passwordSchema = z
  .string()
  .min(12, "Passwords need at least 12 characters.")
  .max(200, "Passwords are at most 200 characters.");

export const userInputSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().min(1, "Name is required.").max(100),
  role: z.enum(roles, { message: "Role is viewer, responder or admin." }),
  password: passwordSchema.optional(),
  team: z.string().trim().max(100).nullish(),
});
export type UserInput = z.infer<typeof userInputSchema>;

export const teamInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(100),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens."),
  description: z.string().trim().max(1000).default(""),
});
export type TeamInput = z.infer<typeof teamInputSchema>;

export const tokenInputSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the email of the user the token acts for."),
  name: z.string().trim().min(1, "Give the token a name, e.g. ci-pipeline.").max(100),
  role: z.enum(roles).optional(),
});
export type TokenInput = z.infer<typeof tokenInputSchema>;
