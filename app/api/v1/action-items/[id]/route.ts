import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { deleteActionItem, updateActionItem } from "@/lib/postmortems/action-item-store";

type P = { id: string };

/** Changes an item: any of `{ title, category, priority, owner, dueDate, status, link }` with `version` (responder). */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return Response.json(await updateActionItem(principal, id, body));
});

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteActionItem(principal, id);
  return new Response(null, { status: 204 });
});
