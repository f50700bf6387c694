import { apiRoute } from "@/lib/api/handler";
import { instantParam } from "@/lib/oncall/api-params";
import { scheduleOnCall } from "@/lib/oncall/oncall-queries";

/** Who is on call at `?at=` (default now), per layer and finally, with each stretch's start and end. */
export const GET = apiRoute<{ id: string }>(async (req, principal, { id }) => Response.json(await scheduleOnCall(principal, id, instantParam(new URL(req.url), "at", Date.now()))));
