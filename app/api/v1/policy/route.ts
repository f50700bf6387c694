import { apiRoute, readJson } from "@/lib/api/handler";
import { getOrgPolicy, listPolicyOverrides, saveOrgPolicy } from "@/lib/slo/policy-store";
import { orgPolicyBodySchema } from "@/lib/slo/policy-schemas";

export const dynamic = "force-dynamic";

/** The organisation's error-budget policy and every service's override (any signed-in caller). */
export const GET = apiRoute(async (_req, principal) => {
  const overrides = await listPolicyOverrides(principal); // checks the viewer role
  return Response.json({ organisation: await getOrgPolicy(), overrides });
});

/** Replaces the organisation's policy (admin); a stale `version` is refused with 409. */
export const PUT = apiRoute(async (req, principal) => {
  const { version, ...policy } = await readJson(req, orgPolicyBodySchema);
  return Response.json(await saveOrgPolicy(principal, policy, version));
});
