import { apiRoute, readJson } from "@/lib/api/handler";
import { getPostmortem, savePostmortem } from "@/lib/postmortems/queries";
import { saveBodySchema } from "@/lib/postmortems/api-schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getPostmortem(principal, id)));

/** Saves the document: `{ version, document, tags?, reason? }`; a stale version is refused with 409 and nothing is written. */
export const PUT = apiRoute<P>(async (req, principal, { id }) => {
  const body = await readJson(req, saveBodySchema);
  return Response.json(await savePostmortem(principal, id, body));
});
