import { apiRoute, readJson } from "@/lib/api/handler";
import { createChannel, listChannels } from "@/lib/notify/channels";
import { channelInputSchema } from "@/lib/notify/schemas";

export const GET = apiRoute(async (_req, principal) => Response.json({ items: await listChannels(principal), nextCursor: null }));

/** 201 with the channel; a webhook channel's signing `secret` is in this answer only. */
export const POST = apiRoute(async (req, principal) => {
  const { channel, secret } = await createChannel(principal, await readJson(req, channelInputSchema));
  return Response.json({ ...channel, ...(secret ? { secret } : {}) }, { status: 201, headers: { Location: `/api/v1/notification-channels/${channel.id}` } });
});
