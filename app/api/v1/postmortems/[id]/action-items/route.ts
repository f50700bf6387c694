import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { addActionItem } from "@/lib/postmortems/action-item-store";
import { getPostmortem } from "@/lib/postmortems/queries";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json({ items: (await getPostmortem(principal, id)).actionItems }));

/** Adds an action item: `{ title, category, priority, owner?, dueDate?, link? }` (responder, drafts). */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return Response.json(await addActionItem(principal, id, body), { status: 201 });
});
