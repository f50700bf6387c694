import { apiRoute } from "@/lib/api/handler";
import { attachRunbook, detachRunbook } from "@/lib/runbooks/attach";

type P = { id: string; slug: string };

/** Attaches the runbook (responder): 201 when attached now, 200 when it already was. */
export const POST = apiRoute<P>(async (_req, principal, { id, slug }) => {
  const { attached, created } = await attachRunbook(principal, id, slug);
  return Response.json(attached, { status: created ? 201 : 200 });
});

/** Detaches the runbook (responder). */
export const DELETE = apiRoute<P>(async (_req, principal, { id, slug }) => {
  await detachRunbook(principal, id, slug);
  return new Response(null, { status: 204 });
});
