import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteDatasource, getDatasource, updateDatasource } from "@/lib/datasources/queries";
import { datasourcePatchSchema } from "@/lib/datasources/schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getDatasource(principal, id)));

export const PATCH = apiRoute<P>(async (req, principal, { id }) => Response.json(await updateDatasource(principal, id, await readJson(req, datasourcePatchSchema))));

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteDatasource(principal, id);
  return new Response(null, { status: 204 });
});
