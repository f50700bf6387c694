import { apiRoute } from "@/lib/api/handler";
import { takeSwap } from "@/lib/oncall/swap-store";

/** Takes an open offer (responder): a replace override puts the taker on call. */
export const POST = apiRoute<{ id: string; sid: string }>(async (_req, principal, { id, sid }) => Response.json(await takeSwap(principal, id, sid)));
