import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { listSwaps, offerSwap } from "@/lib/oncall/swap-store";

type P = { id: string };

/** Open offers and recent taken or withdrawn ones. */
export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await listSwaps(principal, id)));

/** Offers one of my shifts (responder): `{ start, end, layerId?, note? }`. */
export const POST = apiRoute<P>(async (req, principal, { id }) => Response.json(await offerSwap(principal, id, await readJson(req, z.unknown())), { status: 201 }));
