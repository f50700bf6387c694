import { apiRoute, readJson } from "@/lib/api/handler";
import { validationError } from "@/lib/errors";
import { summaryJson } from "@/lib/capacity/forecast-json";
import { createCapacityResource, listCapacityResources } from "@/lib/capacity/queries";
import { summariseResources } from "@/lib/capacity/resource-forecast";
import { capacityInputSchema, horizonSchema } from "@/lib/capacity/schemas";

/** Every resource (?service= for one service's), most urgent first, with utilisation now and the dates of its warning level and limit. */
export const GET = apiRoute(async (req, principal) => {
  const url = new URL(req.url);
  const horizon = horizonSchema.safeParse(url.searchParams.get("horizon") ?? undefined);
  if (!horizon.success) throw validationError(horizon.error);
  const resources = await listCapacityResources(principal, { service: url.searchParams.get("service") || undefined });
  const summaries = await summariseResources(principal, resources, { horizonMs: horizon.data });
  return Response.json({ items: summaries.map(summaryJson) });
});

/** Creates a resource (admin); its queries are run once and must each return one series. */
export const POST = apiRoute(async (req, principal) => {
  const resource = await createCapacityResource(principal, await readJson(req, capacityInputSchema));
  return Response.json(resource, { status: 201, headers: { Location: `/api/v1/capacity/${resource.id}` } });
});
