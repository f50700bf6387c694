import { apiRoute, readJson } from "@/lib/api/handler";
import { z } from "zod";
import { createSchedule, listSchedules } from "@/lib/oncall/schedule-store";

/** Schedules by name, with their layers. */
export const GET = apiRoute(async (_req, principal) => Response.json(await listSchedules(principal)));

/** Creates a schedule (admin); participants are user emails or ids. */
export const POST = apiRoute(async (req, principal) => {
  const schedule = await createSchedule(principal, await readJson(req, z.unknown()));
  return Response.json(schedule, { status: 201, headers: { Location: `/api/v1/schedules/${schedule.id}` } });
});
