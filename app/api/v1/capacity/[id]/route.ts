import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteCapacityResource, getCapacityResource, updateCapacityResource } from "@/lib/capacity/queries";
import { capacityPatchSchema } from "@/lib/capacity/schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getCapacityResource(principal, id)));

/** Changes some fields (admin); send `version` to refuse the change if someone else saved first. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => Response.json(await updateCapacityResource(principal, id, await readJson(req, capacityPatchSchema))));

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteCapacityResource(principal, id);
  return new Response(null, { status: 204 });
});
