import { apiRoute } from "@/lib/api/handler";
import { getSlo } from "@/lib/slo/queries";
import { sloStatus } from "@/lib/slo/status";
import { policyState } from "@/lib/slo/policy";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_req, principal, { id }) => {
  const slo = await getSlo(principal, id);
  const status = await sloStatus(principal, slo);
  const remaining = status.budget && !status.budget.noData ? status.budget.remaining : null;
  return Response.json({ slo: { id: slo.id, name: slo.name, slug: slo.slug, service: slo.service, target: slo.target }, ...status, policyState: policyState(remaining) });
});
