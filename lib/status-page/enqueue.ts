import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { schema, type getDb } from "@/db";
import { env } from "@/lib/env";
import type { Status } from "@/lib/incidents/lifecycle";
import { publicBaseUrl } from "./base-url";
import { statusUpdateMessage, type MailPayload } from "./messages";
import { publicHeadline, publicStatusLabels } from "./states";
import { signedUnsubscribeToken, unsubscribeKey } from "./tokens";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

const i = schema.incidents;
const is = schema.incidentServices;
const s = schema.services;
const sub = schema.statusSubscribers;
const d = schema.notificationDeliveries;

const BATCH = 500;

/**
 * Queues a public update for the confirmed subscribers who follow any of the incident's public
 * components (or every component), inside the caller's transaction: the update and its emails are
 * written together or not at all. Updates on incidents that are not customer-facing, or touch no
 * public service, go nowhere. Returns how many deliveries were queued.
 */
export async function enqueueStatusUpdate(tx: Tx, incidentId: string, entry: { id: number; body: string }): Promise<number> {
  const [incident] = await tx.select({ number: i.number, severity: i.severity, status: i.status, customerFacing: i.customerFacing }).from(i).where(eq(i.id, incidentId));
  if (!incident?.customerFacing) return 0;
  const components = await tx
    .select({ id: s.id, name: s.name })
    .from(is)
    .innerJoin(s, eq(s.id, is.serviceId))
    .where(and(eq(is.incidentId, incidentId), eq(s.public, true)))
    .orderBy(asc(s.name));
  if (!components.length) return 0;
  const headline = publicHeadline(incident.severity, components.map((c) => c.name));
  const status = publicStatusLabels[incident.status as Status];
  return queueSubscriberMails(
    tx,
    components.map((c) => c.id),
    { event: "status_update", incidentId },
    (baseUrl, unsubscribeToken) => statusUpdateMessage({ baseUrl, headline, status, body: entry.body, incidentNumber: incident.number, entryId: entry.id, unsubscribeToken }),
  );
}

/**
 * Queues one email, built by `message`, for each confirmed subscriber who follows any of these
 * public components (or every component), inside the caller's transaction. Incident updates and
 * maintenance announcements both go through here into the delivery queue. Returns how many.
 */
export async function queueSubscriberMails(
  tx: Tx,
  componentIds: readonly string[],
  meta: { event: string; incidentId?: string | null },
  message: (baseUrl: string, unsubscribeToken: string) => MailPayload,
): Promise<number> {
  if (!componentIds.length) return 0;
  const ids = sql.join(
    componentIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const follows = sql`(jsonb_array_length(${sub.components}) = 0 or exists (select 1 from jsonb_array_elements_text(${sub.components}) as c(id) where c.id in (${ids})))`;
  const subscribers = await tx.select({ id: sub.id, email: sub.email }).from(sub).where(and(isNotNull(sub.confirmedAt), follows)).orderBy(asc(sub.email));
  if (!subscribers.length) return 0;
  const secret = env().KEEL_SECRET_KEY;
  if (!secret) throw new Error("KEEL_SECRET_KEY is not set: Keel cannot sign the unsubscribe links of status update emails.");
  const key = unsubscribeKey(secret);
  const baseUrl = publicBaseUrl();
  const rows = subscribers.map((r) => ({ channelId: null, recipient: r.email, incidentId: meta.incidentId ?? null, event: meta.event, payload: message(baseUrl, signedUnsubscribeToken(r.id, key)) }));
  for (let k = 0; k < rows.length; k += BATCH) await tx.insert(d).values(rows.slice(k, k + BATCH));
  return rows.length;
}
