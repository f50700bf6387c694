import { apiRoute } from "@/lib/api/handler";
import { getIncident } from "@/lib/incidents/queries";
import { incidentSloImpact } from "@/lib/slo/incident-impact";

export const dynamic = "force-dynamic";

/** The error budget the incident consumed per SLO of its services, and whether that requires a postmortem. */
export const GET = apiRoute<{ id: string }>(async (_req, principal, { id }) => Response.json(await incidentSloImpact(principal, await getIncident(principal, id))));
