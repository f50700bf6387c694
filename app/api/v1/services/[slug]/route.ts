import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteService, getService, updateService } from "@/lib/services/queries";
import { servicePatchSchema } from "@/lib/services/schemas";

type P = { slug: string };

export const GET = apiRoute<P>(async (_req, principal, { slug }) => Response.json(await getService(principal, slug)));

export const PATCH = apiRoute<P>(async (req, principal, { slug }) => {
  const patch = await readJson(req, servicePatchSchema);
  return Response.json(await updateService(principal, slug, patch));
});

export const DELETE = apiRoute<P>(async (_req, principal, { slug }) => {
  await deleteService(principal, slug);
  return new Response(null, { status: 204 });
});
