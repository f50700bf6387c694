import { apiRoute } from "@/lib/api/handler";
import { AppError, validationError } from "@/lib/errors";
import { createPostmortem, listPostmortems } from "@/lib/postmortems/queries";
import { postmortemQuerySchema, queryOf } from "@/lib/postmortems/api-schemas";

export const dynamic = "force-dynamic";

/** Postmortems, newest incident first: `?status=draft,in_review&q=&service=&tag=&overdue=true`. */
export const GET = apiRoute(async (req, principal) => {
  const q = postmortemQuerySchema.safeParse(queryOf(req));
  if (!q.success) throw validationError(q.error);
  return Response.json({ items: await listPostmortems(principal, q.data), nextCursor: null });
});

/** Writes a postmortem for an incident, prefilled from it (responder); see the OpenAPI document for the body. */
export const POST = apiRoute(async (req, principal) => {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const created = await createPostmortem(principal, body);
  return Response.json(created, { status: 201, headers: { Location: `/api/v1/postmortems/${created.id}` } });
});
