import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { schema } from "@/db";
import { queueSubscriberMails, type Tx } from "./enqueue";
import { maintenanceMessage } from "./maintenance-messages";
import type { Announcement } from "./maintenance-state";

const m = schema.statusMaintenances;
const ms = schema.statusMaintenanceServices;
const s = schema.services;

/** The delivery queue's event name for maintenance announcements. */
export const MAINTENANCE_EVENT = "status_maintenance";

/**
 * Queues the announcement of a maintenance (as it now stands) for the confirmed subscribers of its
 * public components, or of every component, and records when it was announced. Runs inside the
 * transaction that made the change. `alsoComponentIds`: components it affected before an edit,
 * whose subscribers hear of the change too. Returns how many emails were queued.
 */
export async function announceMaintenance(
  tx: Tx,
  maintenanceId: string,
  kind: Announcement,
  nowMs: number,
  opts: { previous?: { startsMs: number; endsMs: number }; alsoComponentIds?: readonly string[] } = {},
): Promise<number> {
  const [row] = await tx.select({ title: m.title, description: m.description, startsAt: m.startsAt, endsAt: m.endsAt }).from(m).where(eq(m.id, maintenanceId));
  if (!row) return 0;
  const components = await tx
    .select({ id: s.id, name: s.name })
    .from(ms)
    .innerJoin(s, eq(s.id, ms.serviceId))
    .where(and(eq(ms.maintenanceId, maintenanceId), eq(s.public, true)))
    .orderBy(asc(s.name));
  const before = opts.alsoComponentIds?.length
    ? (await tx.select({ id: s.id }).from(s).where(and(inArray(s.id, [...opts.alsoComponentIds]), eq(s.public, true)))).map((r) => r.id)
    : [];
  const followed = [...new Set([...components.map((c) => c.id), ...before])];
  if (!followed.length) return 0;
  const queued = await queueSubscriberMails(tx, followed, { event: MAINTENANCE_EVENT }, (baseUrl, unsubscribeToken) =>
    maintenanceMessage({
      baseUrl,
      kind,
      id: maintenanceId,
      title: row.title,
      description: row.description,
      startsMs: row.startsAt.getTime(),
      endsMs: row.endsAt.getTime(),
      componentNames: components.map((c) => c.name),
      previous: opts.previous,
      unsubscribeToken,
    }),
  );
  await tx.update(m).set({ announcedAt: new Date(nowMs) }).where(eq(m.id, maintenanceId));
  return queued;
}
