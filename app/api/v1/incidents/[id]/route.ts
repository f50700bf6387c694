import { apiRoute, readJson } from "@/lib/api/handler";
import { getIncident, updateIncident } from "@/lib/incidents/queries";
import { incidentPatchSchema } from "@/lib/incidents/schemas";

type P = { id: string };

/** One incident by uuid, INC-42 or 42. */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getIncident(principal, id)));

/** Changes status, severity, roles and fields (responder); `version` refuses a stale change. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => {
  const patch = await readJson(req, incidentPatchSchema);
  return Response.json(await updateIncident(principal, id, patch));
});
