import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteSlo, getSlo, updateSlo } from "@/lib/slo/queries";
import { sloInputSchema } from "@/lib/slo/schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getSlo(principal, id)));

/** Replaces the definition; send `version` to refuse the change when someone else saved first. */
export const PUT = apiRoute<P>(async (req, principal, { id }) => {
  const body = await readJson(req, z.object({ version: z.number().int().positive().optional() }).passthrough());
  const input = sloInputSchema.parse(body);
  return Response.json(await updateSlo(principal, id, input, body.version));
});

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteSlo(principal, id);
  return new Response(null, { status: 204 });
});
