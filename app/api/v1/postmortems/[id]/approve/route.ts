import { apiRoute } from "@/lib/api/handler";
import { getPostmortem } from "@/lib/postmortems/queries";
import { approvePostmortem } from "@/lib/postmortems/review-store";

type P = { id: string };

/** Approves the postmortem in review (a responder who did not write it). */
export const POST = apiRoute<P>(async (_req, principal, { id }) => {
  await approvePostmortem(principal, id);
  return Response.json(await getPostmortem(principal, id));
});
