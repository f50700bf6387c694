import { apiRoute } from "@/lib/api/handler";
import { assertRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getSeverityTable, saveSeverityTargets } from "@/lib/incidents/severity-targets";
import { SEVERITIES, type SeverityTable } from "@/lib/incidents/severity";

export const dynamic = "force-dynamic";

const body = (table: SeverityTable) => ({ severities: SEVERITIES.map((s) => table[s]) });

/** Every severity: meaning, respond and resolve targets, whether a postmortem is required (any signed-in caller). */
export const GET = apiRoute(async (_req, principal) => {
  assertRole(principal, "viewer");
  return Response.json(body(await getSeverityTable()));
});

/** Sets the targets of the severities given, e.g. `{ "SEV2": { "respond": { "minutes": 20 }, "resolve": { "minutes": 480 }, "postmortemRequired": true } }` (admin). */
export const PUT = apiRoute(async (req, principal) => {
  let input: unknown;
  try {
    input = await req.json();
  } catch {
    throw new AppError("bad_request", "The body must be JSON.");
  }
  return Response.json(body(await saveSeverityTargets(principal, input)));
});
