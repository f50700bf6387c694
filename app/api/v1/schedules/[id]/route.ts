import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteSchedule, getSchedule, updateSchedule } from "@/lib/oncall/schedule-store";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getSchedule(principal, id)));

/** Changes a schedule (admin); layer edits take effect now, so past shifts stay. Send `version` to refuse a stale save. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => Response.json(await updateSchedule(principal, id, await readJson(req, z.unknown()))));

export const DELETE = apiRoute<P>(async (_req, principal, { id }) => {
  await deleteSchedule(principal, id);
  return new Response(null, { status: 204 });
});
