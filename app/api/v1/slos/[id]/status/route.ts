import { apiRoute } from "@/lib/api/handler";
import { getSlo } from "@/lib/slo/queries";
import { sloStatus } from "@/lib/slo/status";
import { policyState } from "@/lib/slo/policy";
import { policiesForServices } from "@/lib/slo/policy-store";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_req, principal, { id }) => {
  const slo = await getSlo(principal, id);
  const [status, policies] = await Promise.all([sloStatus(principal, slo), policiesForServices([slo.serviceId])]);
  const remaining = status.budget && !status.budget.noData ? status.budget.remaining : null;
  const policy = policies.get(slo.serviceId)?.policy;
  return Response.json({ slo: { id: slo.id, name: slo.name, slug: slo.slug, service: slo.service, target: slo.target }, ...status, policyState: policyState(remaining, policy) });
});
