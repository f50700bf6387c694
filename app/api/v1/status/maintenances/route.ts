import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createMaintenance, listMaintenances } from "@/lib/status-page/maintenance-queries";
import type { MaintenanceInput } from "@/lib/status-page/maintenance-schemas";

/** Scheduled maintenance of the status page, newest start first. */
export const GET = apiRoute(async (_req, principal) => Response.json(await listMaintenances(principal)));

/** Schedules a maintenance (responder) and emails the subscribers of its components. The domain function validates the body. */
export const POST = apiRoute(async (req, principal) => {
  const { maintenance } = await createMaintenance(principal, await readJson(req, z.custom<MaintenanceInput>()));
  return Response.json(maintenance, { status: 201, headers: { Location: `/api/v1/status/maintenances/${maintenance.id}` } });
});
