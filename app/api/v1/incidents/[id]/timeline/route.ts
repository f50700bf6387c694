import { apiRoute, readJson } from "@/lib/api/handler";
import { addTimelineEntry, listTimeline } from "@/lib/incidents/timeline";
import { timelineEntryInputSchema } from "@/lib/incidents/schemas";

type P = { id: string };

/** The timeline in the order written; ?after=<entry id> returns only newer entries. */
export const GET = apiRoute<P>(async (req, principal, { id }) => {
  const params = new URL(req.url).searchParams;
  return Response.json(await listTimeline(principal, id, { after: params.get("after") || undefined, limit: params.get("limit") || undefined }));
});

/** Adds a note, action, link or status update (responder). */
export const POST = apiRoute<P>(async (req, principal, { id }) => {
  const entry = await addTimelineEntry(principal, id, await readJson(req, timelineEntryInputSchema));
  return Response.json(entry, { status: 201 });
});
