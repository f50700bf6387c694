import { apiRoute, readJson } from "@/lib/api/handler";
import { createService, listServices } from "@/lib/services/queries";
import { serviceFilterSchema, serviceInputSchema } from "@/lib/services/schemas";

export const GET = apiRoute(async (req, principal) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  return Response.json(await listServices(principal, serviceFilterSchema.parse(params)));
});

export const POST = apiRoute(async (req, principal) => {
  const input = await readJson(req, serviceInputSchema);
  const service = await createService(principal, input);
  return Response.json(service, { status: 201, headers: { Location: `/api/v1/services/${service.slug}` } });
});
