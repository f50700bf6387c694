import { apiRoute } from "@/lib/api/handler";
import { refreshSloImpact } from "@/lib/postmortems/impact-store";
import { getPostmortem } from "@/lib/postmortems/queries";

type P = { id: string };

/** The stored SLO impact (null until computed). */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json((await getPostmortem(principal, id)).sloImpact));

/** Computes the SLO impact now, from Prometheus or Keel's incidents, and stores it (responder). */
export const POST = apiRoute<P>(async (_req, principal, { id }) => Response.json(await refreshSloImpact(principal, id)));
