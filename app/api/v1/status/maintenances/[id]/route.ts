import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { cancelMaintenance, getMaintenance, updateMaintenance } from "@/lib/status-page/maintenance-queries";
import type { MaintenancePatch } from "@/lib/status-page/maintenance-schemas";

type P = { id: string };

export const GET = apiRoute<P>(async (_req, principal, { id }) => Response.json(await getMaintenance(principal, id)));

/** Changes a scheduled or in-progress maintenance (responder); send `version` to refuse the change if someone else saved first. */
export const PATCH = apiRoute<P>(async (req, principal, { id }) => Response.json((await updateMaintenance(principal, id, await readJson(req, z.custom<MaintenancePatch>()))).maintenance));

/** Cancels it (responder): the maintenance stays, as cancelled, and is answered back. */
export const DELETE = apiRoute<P>(async (_req, principal, { id }) => Response.json((await cancelMaintenance(principal, id)).maintenance));
