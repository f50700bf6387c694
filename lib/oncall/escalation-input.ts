/**
 * What the escalation-policy API and forms take, on top of the core's escalationPolicySchema: a
 * name, a description and the services the policy covers (slugs). Targets name a schedule by id or
 * name, a layer by id or name within it, and a person by id or email; the store resolves them to
 * ids and refuses unknown ones field by field (`steps.1.targets.0`). Pure.
 */
import { z } from "zod";
import { escalationPolicySchema } from "./schemas";

const name = z.string().trim().min(1, "Name the policy.").max(200, "A policy name is at most 200 characters.");
const description = z.string().trim().max(2000, "The description is at most 2000 characters.");
const services = z
  .array(z.string().trim().min(1, "A service slug cannot be blank.").max(100), "Services are a list of service slugs.")
  .max(200, "At most 200 services.")
  .transform((list) => [...new Set(list)]);

export const escalationPolicyInputSchema = escalationPolicySchema.extend({
  name,
  description: description.default(""),
  services: services.default([]),
});
export type EscalationPolicyInput = z.input<typeof escalationPolicyInputSchema>;
export type EscalationPolicyValues = z.output<typeof escalationPolicyInputSchema>;

export const escalationPolicyPatchSchema = z.object({
  name: name.optional(),
  description: description.optional(),
  steps: escalationPolicySchema.shape.steps.optional(),
  repeat: escalationPolicySchema.shape.repeat.unwrap().optional(),
  services: services.optional(),
  /** The version read; a different stored version refuses the change (409). */
  version: z.number().int().positive().optional(),
});
export type EscalationPolicyPatch = z.input<typeof escalationPolicyPatchSchema>;
