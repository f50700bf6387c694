import { apiRoute, readJson } from "@/lib/api/handler";
import { createCorrection, listCorrections } from "@/lib/slo/correction-queries";
import { correctionInputSchema } from "@/lib/slo/correction-schemas";

type P = { id: string };

/** The SLO's maintenance windows and corrections. */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json({ items: await listCorrections(principal, id) }));

/** Adds one (admin): { reason, startsAt, durationMinutes, rrule?, timeZone? }. */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const correction = await createCorrection(principal, id, await readJson(req, correctionInputSchema));
  return Response.json(correction, { status: 201, headers: { Location: `/api/v1/slos/${id}/corrections/${correction.id}` } });
});
