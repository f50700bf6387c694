import { apiRoute, readJson } from "@/lib/api/handler";
import { setRunbookStep } from "@/lib/runbooks/attach";
import { stepIndexSchema, stepProgressSchema } from "@/lib/runbooks/schemas";
import { validationError } from "@/lib/errors";

type P = { id: string; slug: string; index: string };

/** Ticks or unticks one step (responder): { "done": true | false }; steps are numbered from 0. */
export const PUT = apiRoute<P>(async (req, principal, { id, slug, index }) => {
  const i = stepIndexSchema.safeParse(index);
  if (!i.success) throw validationError(i.error);
  const { done } = await readJson(req, stepProgressSchema);
  return Response.json(await setRunbookStep(principal, id, slug, i.data, done));
});
