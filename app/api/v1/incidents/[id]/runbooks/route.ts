import { apiRoute } from "@/lib/api/handler";
import { listAttachedRunbooks } from "@/lib/runbooks/attach";

type P = { id: string };

/** The runbooks attached to the incident, with each one's done steps. */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json({ items: await listAttachedRunbooks(principal, id) }));
