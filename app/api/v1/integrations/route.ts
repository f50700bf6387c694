import { apiRoute, readJson } from "@/lib/api/handler";
import { createIntegration, listIntegrations } from "@/lib/integrations/queries";
import { integrationInputSchema } from "@/lib/integrations/schemas";

/** Alert integrations (admin). */
export const GET = apiRoute(async (_req, principal) => Response.json({ items: await listIntegrations(principal), nextCursor: null }));

/** Creates an Alertmanager integration (admin); the answer holds its secret URL, shown only this once. */
export const POST = apiRoute(async (req, principal) => {
  const created = await createIntegration(principal, await readJson(req, integrationInputSchema));
  return Response.json(created, { status: 201, headers: { Location: `/api/v1/integrations/${created.id}`, "Cache-Control": "no-store" } });
});
