import { apiRoute, readJson } from "@/lib/api/handler";
import { createIncident, listIncidents } from "@/lib/incidents/queries";
import { filterParams, incidentInputSchema } from "@/lib/incidents/schemas";

/** Incidents, newest first: ?status=&severity=&service=&from=&to=&q=&cursor=&limit= */
export const GET = apiRoute(async (req, principal) => Response.json(await listIncidents(principal, filterParams(new URL(req.url).searchParams))));

/** Declares an incident (responder): { title, severity, services, summary?, customerFacing? }. */
export const POST = apiRoute(async (req, principal) => {
  const incident = await createIncident(principal, await readJson(req, incidentInputSchema));
  return Response.json(incident, { status: 201, headers: { Location: `/api/v1/incidents/${incident.id}` } });
});
