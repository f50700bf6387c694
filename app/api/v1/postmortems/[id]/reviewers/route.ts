import { apiRoute, readJson } from "@/lib/api/handler";
import { getPostmortem } from "@/lib/postmortems/queries";
import { setReviewers } from "@/lib/postmortems/review-store";
import { reviewersBodySchema } from "@/lib/postmortems/api-schemas";

type P = { id: string };

/** Sets the reviewers: `{ "reviewers": [email or id] }` (responder). */
export const PUT = apiRoute<P>(async (req, principal, { id }) => {
  const { reviewers } = await readJson(req, reviewersBodySchema);
  await setReviewers(principal, id, reviewers);
  return Response.json(await getPostmortem(principal, id));
});
