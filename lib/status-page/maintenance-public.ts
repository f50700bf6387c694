import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import type { PublicMaintenance } from "./maintenance-dto";
import { maintenancePhase } from "./maintenance-state";
import { uptimeWindow } from "./uptime";

/*
 * The maintenance the public status page shows: title, description, window, whether cancelled, and
 * its public components, nothing else (never who scheduled it, nor private services). A maintenance
 * left with no public component is not shown at all.
 */

const m = schema.statusMaintenances;
const ms = schema.statusMaintenanceServices;
const s = schema.services;
const LIMIT = 500;

/** Upcoming and in-progress maintenance, and any that ended (or was cancelled) within the uptime window; by start. */
export async function publicMaintenances(nowMs = Date.now()): Promise<PublicMaintenance[]> {
  const from = new Date(uptimeWindow(nowMs).fromMs).toISOString();
  const rows = await getDb()
    .select({ id: m.id, title: m.title, description: m.description, startsAt: m.startsAt, endsAt: m.endsAt, cancelledAt: m.cancelledAt, createdAt: m.createdAt, updatedAt: m.updatedAt })
    .from(m)
    .where(sql`${m.endsAt} >= ${from}::timestamptz`)
    .orderBy(desc(m.startsAt), desc(m.id))
    .limit(LIMIT);
  if (!rows.length) return [];
  const links = await getDb()
    .select({ maintenanceId: ms.maintenanceId, id: s.id, name: s.name })
    .from(ms)
    .innerJoin(s, eq(s.id, ms.serviceId))
    .where(
      and(
        inArray(
          ms.maintenanceId,
          rows.map((r) => r.id),
        ),
        eq(s.public, true),
      ),
    )
    .orderBy(asc(s.name), asc(s.id));
  return rows
    .reverse()
    .map((r): PublicMaintenance => {
      const times = { startsMs: r.startsAt.getTime(), endsMs: r.endsAt.getTime(), cancelledMs: r.cancelledAt?.getTime() ?? null };
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        ...times,
        phase: maintenancePhase(times, nowMs),
        components: links.filter((l) => l.maintenanceId === r.id).map(({ id, name }) => ({ id, name })),
        createdMs: r.createdAt.getTime(),
        updatedMs: r.updatedAt.getTime(),
      };
    })
    .filter((x) => x.components.length > 0);
}
