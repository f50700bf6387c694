import { apiRoute, readJson } from "@/lib/api/handler";
import { createDatasource, listDatasources } from "@/lib/datasources/queries";
import { datasourceInputSchema } from "@/lib/datasources/schemas";

export const GET = apiRoute(async (_req, principal) => Response.json({ items: await listDatasources(principal), nextCursor: null }));

export const POST = apiRoute(async (req, principal) => {
  const ds = await createDatasource(principal, await readJson(req, datasourceInputSchema));
  return Response.json(ds, { status: 201, headers: { Location: `/api/v1/datasources/${ds.id}` } });
});
