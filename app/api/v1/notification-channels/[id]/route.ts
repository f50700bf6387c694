import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteChannel, getChannel, updateChannel } from "@/lib/notify/channels";
import { channelPatchSchema } from "@/lib/notify/schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getChannel(principal, id)));

/** `rotateSecret: true` answers with the new `secret`, this once. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => {
  const { channel, secret } = await updateChannel(principal, id, await readJson(req, channelPatchSchema));
  return Response.json({ ...channel, ...(secret ? { secret } : {}) });
});

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteChannel(principal, id);
  return new Response(null, { status: 204 });
});
