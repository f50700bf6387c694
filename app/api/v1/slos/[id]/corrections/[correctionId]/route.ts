import { apiRoute } from "@/lib/api/handler";
import { deleteCorrection } from "@/lib/slo/correction-queries";

type P = { id: string; correctionId: string };

/** Removes one of the SLO's corrections (admin); another SLO's correction is a 404. */
export const DELETE = apiRoute<P>(async (_req, principal, { id, correctionId }) => {
  await deleteCorrection(principal, id, correctionId);
  return new Response(null, { status: 204 });
});
