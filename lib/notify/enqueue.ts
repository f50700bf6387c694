import "server-only";
import { asc, eq } from "drizzle-orm";
import { schema, type Db } from "@/db";
import type { NotificationEvent } from "@/db/schema";
import { env } from "@/lib/env";
import type { Status } from "@/lib/incidents/lifecycle";
import type { Tx } from "@/lib/incidents/lookup";
import { incidentRef } from "@/lib/incidents/ref";
import { severityOf, type Severity } from "@/lib/incidents/severity";
import { incidentPayload, incidentUrl, type NotificationIncident } from "./payload";
import { eventForChannel, inScope } from "./routing";

/**
 * The outbox: incident changes queue their notifications in the same transaction that writes the
 * change, so a committed change always has its deliveries and a rolled-back one has none. The
 * delivery worker sends them later.
 */

const c = schema.notificationChannels;
const d = schema.notificationDeliveries;
const i = schema.incidents;

/** Values before the change, for the payload's `change` and the text ("SEV3 → SEV2"). */
export type PreviousValues = { severity?: Severity; status?: Status };

function keelBaseUrl(): string {
  return env().NEXTAUTH_URL ?? "http://localhost:3000";
}

type Snapshot = NotificationIncident & { serviceIds: string[]; teamIds: (string | null)[] };

async function snapshot(db: Tx | Db, incidentId: string): Promise<Snapshot | null> {
  const [row] = await db
    .select({ id: i.id, number: i.number, title: i.title, severity: i.severity, status: i.status, customerFacing: i.customerFacing, commanderName: schema.users.name, commanderEmail: schema.users.email })
    .from(i)
    .leftJoin(schema.users, eq(schema.users.id, i.commanderId))
    .where(eq(i.id, incidentId));
  if (!row) return null;
  const services = await db
    .select({ id: schema.services.id, slug: schema.services.slug, name: schema.services.name, teamId: schema.services.teamId })
    .from(schema.incidentServices)
    .innerJoin(schema.services, eq(schema.services.id, schema.incidentServices.serviceId))
    .where(eq(schema.incidentServices.incidentId, incidentId))
    .orderBy(asc(schema.services.name));
  const ref = incidentRef(row.number);
  return {
    id: row.id,
    ref,
    title: row.title,
    severity: severityOf(row.severity),
    status: row.status,
    services: services.map(({ slug, name }) => ({ slug, name })),
    url: incidentUrl(keelBaseUrl(), ref),
    customerFacing: row.customerFacing,
    commander: row.commanderEmail ? { name: row.commanderName ?? "", email: row.commanderEmail } : null,
    serviceIds: services.map((s) => s.id),
    teamIds: services.map((s) => s.teamId),
  };
}

function changeOf(event: NotificationEvent, now: Snapshot, previous: PreviousValues): { from: string; to: string } | undefined {
  const from = event === "severity_changed" ? previous.severity : event === "declared" ? undefined : previous.status;
  const to = event === "severity_changed" ? now.severity : now.status;
  return from && from !== to ? { from, to } : undefined;
}

/**
 * Queues one delivery per enabled channel that covers the incident (its services, their teams, or
 * every incident) and asked for the event, due at `at`. Call it inside the transaction that made
 * the change, after writing it. Returns how many deliveries were queued.
 */
export async function enqueueIncidentEvent(
  tx: Tx | Db,
  incidentId: string,
  events: NotificationEvent | readonly NotificationEvent[],
  at: Date,
  previous: PreviousValues = {},
): Promise<number> {
  const list = typeof events === "string" ? [events] : events;
  if (!list.length) return 0;
  const channels = await tx.select({ id: c.id, serviceId: c.serviceId, teamId: c.teamId, events: c.events }).from(c).where(eq(c.enabled, true));
  if (!channels.length) return 0;
  const incident = await snapshot(tx, incidentId);
  if (!incident) return 0;
  const { serviceIds, teamIds, ...shown } = incident;
  const rows: (typeof d.$inferInsert)[] = [];
  for (const event of list) {
    for (const channel of channels) {
      if (!inScope(channel, { serviceIds, teamIds })) continue;
      const sent = eventForChannel(channel.events, event);
      if (sent) rows.push({ channelId: channel.id, incidentId, event: sent, payload: incidentPayload(sent, shown, at, changeOf(sent, incident, previous)), nextAttemptAt: at });
    }
  }
  if (rows.length) await tx.insert(d).values(rows);
  return rows.length;
}

