import { apiRoute } from "@/lib/api/handler";
import { serviceDeployGate } from "@/lib/slo/gate";

export const dynamic = "force-dynamic";

/** For CI pipelines: { decision: allow | caution | freeze, reason, slos }. */
export const GET = apiRoute<{ slug: string }>(async (_req, principal, { slug }) => Response.json(await serviceDeployGate(principal, slug)));
