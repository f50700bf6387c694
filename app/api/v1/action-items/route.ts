import { apiRoute } from "@/lib/api/handler";
import { validationError } from "@/lib/errors";
import { listActionItems } from "@/lib/postmortems/action-item-store";
import { actionItemQuerySchema, queryOf } from "@/lib/postmortems/api-schemas";

export const dynamic = "force-dynamic";

/** Action items across every postmortem with closure figures: `?owner=&team=&service=&category=&status=open,in_progress&overdue=true`. */
export const GET = apiRoute(async (req, principal) => {
  const q = actionItemQuerySchema.safeParse(queryOf(req));
  if (!q.success) throw validationError(q.error);
  return Response.json(await listActionItems(principal, q.data));
});
