import { apiRoute, readJson } from "@/lib/api/handler";
import { createSlo, listSlos } from "@/lib/slo/queries";
import { sloInputSchema } from "@/lib/slo/schemas";

export const GET = apiRoute(async (req, principal) => {
  const service = new URL(req.url).searchParams.get("service") ?? undefined;
  return Response.json({ items: await listSlos(principal, { service }), nextCursor: null });
});

export const POST = apiRoute(async (req, principal) => {
  const slo = await createSlo(principal, await readJson(req, sloInputSchema));
  return Response.json(slo, { status: 201, headers: { Location: `/api/v1/slos/${slo.id}` } });
});
