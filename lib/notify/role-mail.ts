import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { schema } from "@/db";
import { env } from "@/lib/env";
import type { Tx } from "@/lib/incidents/lookup";
import { incidentRef } from "@/lib/incidents/ref";
import { severityOf } from "@/lib/incidents/severity";
import { publicBaseUrl } from "@/lib/status-page/base-url";
import { incidentUrl } from "./payload";
import { roleAssignedMessage, roleChangeMessage, type IncidentRole } from "./role-messages";

const i = schema.incidents;
const u = schema.users;
const d = schema.notificationDeliveries;

export type RoleMailChange = {
  /** People given a role by this change. */
  assigned: { userId: string; role: IncidentRole }[];
  severity?: { from: string; to: string };
  status?: { from: string; to: string };
};

/**
 * Queues email to the incident's role holders, inside the caller's transaction: each person newly
 * given a role is told so, and on a severity or status change every commander, communications
 * lead and responder hears of it. Never the person who made the change (`actorId`), never twice
 * to one address for one change, and nothing at all when email is not configured.
 */
export async function enqueueRoleMails(tx: Tx, incidentId: string, change: RoleMailChange, actor: { id: string | null; name: string }, at: Date): Promise<number> {
  if (!env().SMTP_URL) return 0;
  const [row] = await tx.select({ number: i.number, title: i.title, severity: i.severity, status: i.status, commanderId: i.commanderId, commsLeadId: i.commsLeadId }).from(i).where(eq(i.id, incidentId));
  if (!row) return 0;
  const ref = incidentRef(row.number);
  const incident = { ref, title: row.title, severity: severityOf(row.severity), status: row.status, url: incidentUrl(publicBaseUrl(), ref) };
  const responders = await tx.select({ userId: schema.incidentResponders.userId }).from(schema.incidentResponders).where(eq(schema.incidentResponders.incidentId, incidentId));
  const holders = [row.commanderId, row.commsLeadId, ...responders.map((r) => r.userId)].filter((x): x is string => Boolean(x));
  const wanted = [...new Set([...holders, ...change.assigned.map((a) => a.userId)])].filter((id) => id !== actor.id);
  if (!wanted.length) return 0;
  const people = new Map((await tx.select({ id: u.id, email: u.email }).from(u).where(and(inArray(u.id, wanted), eq(u.disabled, false)))).map((p) => [p.id, p.email]));
  const rows: (typeof d.$inferInsert)[] = [];
  const sent = new Set<string>();
  const queue = (userId: string, event: string, payload: ReturnType<typeof roleAssignedMessage>) => {
    const email = people.get(userId);
    if (!email || sent.has(`${email}:${event}`)) return;
    sent.add(`${email}:${event}`);
    rows.push({ channelId: null, recipient: email, incidentId, event, payload, nextAttemptAt: at });
  };
  for (const a of change.assigned) queue(a.userId, "role_assigned", roleAssignedMessage(incident, a.role, actor.name));
  for (const what of ["severity", "status"] as const) {
    const c = change[what];
    if (!c) continue;
    for (const userId of holders) if (userId !== actor.id && !change.assigned.some((a) => a.userId === userId)) queue(userId, `role_${what}_changed`, roleChangeMessage(incident, { what, ...c }, actor.name));
  }
  if (rows.length) await tx.insert(d).values(rows);
  return rows.length;
}
