import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, getTableColumns, lt, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { assertRole, auditActor, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { incidentRef } from "@/lib/incidents/ref";
import { newWebhookSecret, sealChannelSecret } from "./channel-secret";
import { maskUrl, type ChannelDto, type ChannelWithSecret, type DeliveryDto } from "./dto";
import { channelInputSchema, channelPatchSchema, deliveryQuerySchema, type ChannelInput, type ChannelPatch } from "./schemas";

/** Notification channels: admins configure them; every function checks the role itself. */

const c = schema.notificationChannels;
const d = schema.notificationDeliveries;
const svc = schema.services;
const team = schema.teams;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = { ...getTableColumns(c), serviceSlug: svc.slug, serviceName: svc.name, teamSlug: team.slug, teamName: team.name };

async function select(where?: SQL) {
  return getDb().select(columns).from(c).leftJoin(svc, eq(svc.id, c.serviceId)).leftJoin(team, eq(team.id, c.teamId)).where(where).orderBy(asc(c.name), asc(c.id));
}
type Row = Awaited<ReturnType<typeof select>>[number];

function toDto(r: Row): ChannelDto {
  const scope: ChannelDto["scope"] =
    r.serviceSlug ? { type: "service", slug: r.serviceSlug, name: r.serviceName ?? "" } : r.teamSlug ? { type: "team", slug: r.teamSlug, name: r.teamName ?? "" } : { type: "all" };
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    scope,
    url: maskUrl(r.url),
    emails: r.emails,
    events: r.events,
    enabled: r.enabled,
    hasSecret: r.sealedSecret !== null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function requireRow(id: string): Promise<Row> {
  const [row] = UUID.test(id) ? await select(eq(c.id, id.toLowerCase())) : [];
  if (!row) throw new AppError("not_found", `No notification channel "${id}".`);
  return row;
}

const fieldError = (field: string, message: string) => new AppError("bad_request", "Some fields are invalid.", { [field]: [message] });

/** The scope's ids from slugs; a 400 on the field naming an unknown one. */
async function scopeIds(service: string | null | undefined, teamSlug: string | null | undefined): Promise<{ serviceId: string | null; teamId: string | null }> {
  const serviceRow = service ? (await getDb().select({ id: svc.id }).from(svc).where(eq(svc.slug, service)))[0] : undefined;
  if (service && !serviceRow) throw fieldError("service", `No service with slug "${service}".`);
  const teamRow = teamSlug ? (await getDb().select({ id: team.id }).from(team).where(eq(team.slug, teamSlug)))[0] : undefined;
  if (teamSlug && !teamRow) throw fieldError("team", `No team with slug "${teamSlug}".`);
  return { serviceId: serviceRow?.id ?? null, teamId: teamRow?.id ?? null };
}

const scopeText = (s: ChannelDto["scope"]) => (s.type === "all" ? "all" : `${s.type}:${s.slug}`);

export async function listChannels(actor: Principal): Promise<ChannelDto[]> {
  assertRole(actor, "admin");
  return (await select()).map(toDto);
}

export async function getChannel(actor: Principal, id: string): Promise<ChannelDto> {
  assertRole(actor, "admin");
  return toDto(await requireRow(id));
}

/** Adds a channel (admin). A webhook channel gets a signing secret, returned here once and never again. */
export async function createChannel(actor: Principal, input: ChannelInput): Promise<ChannelWithSecret> {
  assertRole(actor, "admin");
  const parsed = channelInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const v = parsed.data;
  const id = randomUUID();
  const secret = v.kind === "webhook" ? newWebhookSecret() : null;
  const scope = await scopeIds(v.service, v.team);
  await getDb()
    .insert(c)
    .values({ id, kind: v.kind, name: v.name, ...scope, url: v.kind === "webhook" ? v.url : null, sealedSecret: secret ? sealChannelSecret(id, secret) : null, emails: v.kind === "email" ? v.emails : [], events: v.events, enabled: v.enabled });
  const channel = toDto(await requireRow(id));
  await recordAudit({ action: "notification_channel.created", ...auditActor(actor), target: `notification-channel:${channel.name}`, details: { kind: channel.kind, scope: scopeText(channel.scope), events: channel.events, recipients: channel.emails.length } });
  return { channel, secret };
}

/**
 * Changes a channel (admin). `service`/`team` replace the scope (both null: every incident);
 * `rotateSecret` gives a webhook a new signing secret, returned once. A stale `version` is refused.
 */
export async function updateChannel(actor: Principal, id: string, patch: ChannelPatch): Promise<ChannelWithSecret> {
  assertRole(actor, "admin");
  const parsed = channelPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const p = parsed.data;
  const row = await requireRow(id);
  const stale = () => new AppError("conflict", "Someone else changed this channel since you opened it. Reload to see their changes.");
  if (p.version !== undefined && p.version !== row.version) throw stale();
  if (row.kind === "email" && p.url !== undefined) throw fieldError("url", "An email channel has no URL.");
  if (row.kind === "webhook" && p.emails !== undefined) throw fieldError("emails", "A webhook channel has no email recipients.");
  if (row.kind === "email" && p.emails !== undefined && !p.emails.length) throw fieldError("emails", "Enter at least one email address.");
  if (row.kind === "email" && p.rotateSecret) throw fieldError("rotateSecret", "Only webhook channels have a secret.");
  const values: Partial<typeof c.$inferInsert> = { updatedAt: new Date(), version: row.version + 1 };
  if (p.name !== undefined) values.name = p.name;
  if (p.url !== undefined) values.url = p.url;
  if (p.emails !== undefined) values.emails = p.emails;
  if (p.events !== undefined) values.events = p.events;
  if (p.enabled !== undefined) values.enabled = p.enabled;
  if (p.service !== undefined || p.team !== undefined) Object.assign(values, await scopeIds(p.service, p.team));
  const secret = p.rotateSecret ? newWebhookSecret() : null;
  if (secret) values.sealedSecret = sealChannelSecret(row.id, secret);
  const updated = await getDb()
    .update(c)
    .set(values)
    .where(and(eq(c.id, row.id), eq(c.version, row.version)))
    .returning({ id: c.id });
  if (!updated.length) throw stale();
  const channel = toDto(await requireRow(row.id));
  const changed = Object.keys(p).filter((k) => k !== "version");
  await recordAudit({ action: "notification_channel.updated", ...auditActor(actor), target: `notification-channel:${channel.name}`, details: { changed, enabled: channel.enabled, scope: scopeText(channel.scope) } });
  return { channel, secret };
}

/** Deletes a channel and its delivery log (admin). */
export async function deleteChannel(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "admin");
  const row = await requireRow(id);
  await getDb().delete(c).where(eq(c.id, row.id));
  await recordAudit({ action: "notification_channel.deleted", ...auditActor(actor), target: `notification-channel:${row.name}`, details: { kind: row.kind } });
}

/** The channel's delivery log, newest first, in pages (`before` = the last id of the previous page). */
export async function listDeliveries(actor: Principal, id: string, query: { limit?: number | string; before?: number | string } = {}): Promise<{ items: DeliveryDto[]; nextBefore: number | null }> {
  assertRole(actor, "admin");
  const parsed = deliveryQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error);
  const { limit, before } = parsed.data;
  const row = await requireRow(id);
  const rows = await getDb()
    .select({ id: d.id, event: d.event, incidentId: d.incidentId, number: schema.incidents.number, status: d.status, attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, lastError: d.lastError, createdAt: d.createdAt, sentAt: d.sentAt })
    .from(d)
    .leftJoin(schema.incidents, eq(schema.incidents.id, d.incidentId))
    .where(and(eq(d.channelId, row.id), before ? lt(d.id, before) : undefined))
    .orderBy(desc(d.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    event: r.event,
    incident: r.incidentId && r.number !== null ? { id: r.incidentId, ref: incidentRef(r.number) } : null,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
  return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
