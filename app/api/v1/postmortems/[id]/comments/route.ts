import { apiRoute, readJson } from "@/lib/api/handler";
import { addComment } from "@/lib/postmortems/review-store";
import { commentBodySchema } from "@/lib/postmortems/api-schemas";

type P = { id: string };

/** A review comment on a section: `{ "section": "rootCause", "body": "…" }` (responder). */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const { section, body } = await readJson(req, commentBodySchema);
  return Response.json({ id: await addComment(principal, id, section, body) }, { status: 201 });
});
