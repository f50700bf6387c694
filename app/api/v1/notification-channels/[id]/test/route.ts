import { apiRoute } from "@/lib/api/handler";
import { testChannel } from "@/lib/notify/test-send";

/** Sends a test message now; 200 with `{ ok, deliveryId, error }` whether or not the channel accepted it. */
export const POST = apiRoute<{ id: string }>(async (_req, principal, { id }) => Response.json(await testChannel(principal, id)));
