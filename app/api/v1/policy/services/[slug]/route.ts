import { apiRoute, readJson } from "@/lib/api/handler";
import { removeServicePolicy, saveServicePolicy } from "@/lib/slo/policy-store";
import { servicePolicyBodySchema } from "@/lib/slo/policy-schemas";

type P = { slug: string };

/** Creates or replaces the service's policy override (admin); a stale `version` is refused with 409. */
export const PUT = apiRoute<P>(async (req, principal, { slug }) => {
  const { version, ...policy } = await readJson(req, servicePolicyBodySchema);
  return Response.json(await saveServicePolicy(principal, slug, policy, version));
});

/** The service follows the organisation's policy again (admin). */
export const DELETE = apiRoute<P>(async (_req, principal, { slug }) => {
  await removeServicePolicy(principal, slug);
  return new Response(null, { status: 204 });
});
