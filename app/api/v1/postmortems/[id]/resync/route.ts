import { apiRoute, readJson } from "@/lib/api/handler";
import { resyncPostmortem } from "@/lib/postmortems/queries";
import { versionBodySchema } from "@/lib/postmortems/api-schemas";

type P = { id: string };

/** Pulls new incident timeline entries into the document: `{ "version": n }` (responder); rows authors added or edited stay. */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const { version } = await readJson(req, versionBodySchema);
  return Response.json(await resyncPostmortem(principal, id, version));
});
