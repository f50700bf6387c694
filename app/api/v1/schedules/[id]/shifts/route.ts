import { apiRoute } from "@/lib/api/handler";
import { instantParam } from "@/lib/oncall/api-params";
import { scheduleShifts } from "@/lib/oncall/oncall-queries";

/** The final shifts in [?from=, ?to=) (at most 366 days). */
export const GET = apiRoute<{ id: string }>(async (req, principal, { id }) => {
  const url = new URL(req.url);
  return Response.json(await scheduleShifts(principal, id, instantParam(url, "from"), instantParam(url, "to")));
});
