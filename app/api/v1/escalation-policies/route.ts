import { apiRoute, readJson } from "@/lib/api/handler";
import { escalationPolicyInputSchema } from "@/lib/oncall/escalation-input";
import { createPolicy, listPolicies } from "@/lib/oncall/escalation-store";

export const GET = apiRoute(async (_req, principal) => Response.json({ items: await listPolicies(principal), nextCursor: null }));

/** 201 with the policy; `services` (slugs) attaches it to those services. */
export const POST = apiRoute(async (req, principal) => {
  const policy = await createPolicy(principal, await readJson(req, escalationPolicyInputSchema));
  return Response.json(policy, { status: 201, headers: { Location: `/api/v1/escalation-policies/${policy.id}` } });
});
