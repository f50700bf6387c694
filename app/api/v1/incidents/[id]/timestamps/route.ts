import { apiRoute, readJson } from "@/lib/api/handler";
import { editTimestamp } from "@/lib/incidents/queries";
import { timestampEditSchema } from "@/lib/incidents/schemas";

type P = { id: string };

/** Back-fills a recorded time with a reason (responder): { field, at, reason, version? }. */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const { field, at, reason, version } = await readJson(req, timestampEditSchema);
  return Response.json(await editTimestamp(principal, id, field, at, reason, version));
});
