import { apiRoute } from "@/lib/api/handler";
import { cancelSwap } from "@/lib/oncall/swap-store";

/** Withdraws an open offer (its author or an admin). */
export const DELETE = apiRoute<{ id: string; sid: string }>(async (_req, principal, { id, sid }) => Response.json(await cancelSwap(principal, id, sid)));
