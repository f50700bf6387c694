import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/notify/channels";

export const GET = apiRoute<{ id: string }>(async (req, principal, { id }) => {
  const q = new URL(req.url).searchParams;
  return Response.json(await listDeliveries(principal, id, { limit: q.get("limit") ?? undefined, before: q.get("before") ?? undefined }));
});
