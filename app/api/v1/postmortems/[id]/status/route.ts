import { apiRoute, readJson } from "@/lib/api/handler";
import { getPostmortem } from "@/lib/postmortems/queries";
import { transitionPostmortem } from "@/lib/postmortems/review-store";
import { statusBodySchema } from "@/lib/postmortems/api-schemas";

type P = { id: string };

/** Moves the postmortem: `{ "to": "in_review" | "draft" | "published" }` (responder); refused moves say why (403/409). */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const { to } = await readJson(req, statusBodySchema);
  await transitionPostmortem(principal, id, to);
  return Response.json(await getPostmortem(principal, id));
});
