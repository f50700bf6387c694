import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteIntegration, getIntegration, updateIntegration } from "@/lib/integrations/queries";
import { integrationPatchSchema } from "@/lib/integrations/schemas";

type P = { id: string };

/** One integration by id or name (admin). */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getIntegration(principal, id)));

/** Changes settings and rules (admin); `rotateSecret: true` issues a new secret URL, in the answer only. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) =>
  Response.json(await updateIntegration(principal, id, await readJson(req, integrationPatchSchema)), { headers: { "Cache-Control": "no-store" } }),
);

/** Deletes an integration (admin); its URL stops working, its incidents and deliveries stay. */
export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteIntegration(principal, id);
  return new Response(null, { status: 204 });
});
