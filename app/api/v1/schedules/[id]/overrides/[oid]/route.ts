import { apiRoute } from "@/lib/api/handler";
import { deleteOverride } from "@/lib/oncall/override-store";

/** Removes an override: deleted when it has not started, ended now when under way; a past one is history (409). */
export const DELETE = apiRoute<{ id: string; oid: string }>(async (_req, principal, { id, oid }) => {
  const { ended } = await deleteOverride(principal, id, oid);
  return ended ? Response.json({ ended: true }) : new Response(null, { status: 204 });
});
