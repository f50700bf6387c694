import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, auditActor, hasRole, type Principal } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { publicBaseUrl } from "@/lib/status-page/base-url";
import { calendarWindow, personCalendar, scheduleCalendar } from "./calendar";
import { iso, type FeedTokenDto } from "./dto";
import { finalShifts } from "./final";
import { loadOverrides, loadSchedule, loadSchedules, noSchedule } from "./load";
import { peopleById, personOf } from "./people";
import { scheduleWhere } from "./schedule-store";
import type { Override, Schedule } from "./types";

const t = schema.oncallFeedTokens;
const s = schema.schedules;
export const FEED_TOKEN_PREFIX = "keelcal_";
const CACHE_TTL_MS = 5 * 60_000;

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The path of a feed; the token goes in the query string (calendar apps cannot send headers). */
export function feedPath(kind: { scheduleId: string } | { person: true }, token: string): string {
  const q = `?token=${encodeURIComponent(token)}`;
  return "scheduleId" in kind ? `/api/v1/schedules/${kind.scheduleId}/calendar.ics${q}` : `/api/v1/oncall/calendar.ics${q}`;
}

/**
 * Creates a secret feed link (viewer and up): a schedule's feed, or my own on-call across every
 * schedule (`person`). The token is shown once; only its SHA-256 is kept.
 */
export async function createFeedToken(actor: Principal, target: { schedule: string } | { person: true }): Promise<{ id: string; token: string; path: string; url: string }> {
  assertRole(actor, "viewer");
  if (actor.via === "cli") throw new AppError("bad_request", "Feed links belong to a person; create them signed in.");
  let scheduleId: string | null = null;
  if ("schedule" in target) {
    const [row] = await getDb().select({ id: s.id }).from(s).where(scheduleWhere(target.schedule)).limit(1);
    if (!row) throw noSchedule(target.schedule);
    scheduleId = row.id;
  }
  const token = FEED_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const [row] = await getDb()
    .insert(t)
    .values({ tokenHash: hashFeedToken(token), scheduleId, userId: scheduleId ? null : actor.userId, createdBy: actor.userId })
    .returning({ id: t.id });
  await recordAudit({ action: "oncall.feed.created", ...auditActor(actor), target: scheduleId ?? `person:${actor.email}`, details: { feedId: row.id } });
  const path = feedPath(scheduleId ? { scheduleId } : { person: true }, token);
  return { id: row.id, token, path, url: publicBaseUrl() + path };
}

/** My feed links (a schedule's, when given, or all): ids and what they publish, never the secret. */
export async function listFeedTokens(actor: Principal, scheduleRef?: string): Promise<FeedTokenDto[]> {
  assertRole(actor, "viewer");
  const rows = await getDb()
    .select({ id: t.id, scheduleId: t.scheduleId, scheduleName: s.name, userId: t.userId, createdAt: t.createdAt })
    .from(t)
    .leftJoin(s, eq(s.id, t.scheduleId))
    .where(and(or(eq(t.createdBy, actor.userId), eq(t.userId, actor.userId)), scheduleRef ? scheduleWhere(scheduleRef) : undefined))
    .orderBy(desc(t.createdAt));
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt.getTime()) }));
}

/** Revokes a feed link (its creator, the person it publishes, or an admin). */
export async function revokeFeedToken(actor: Principal, id: string): Promise<void> {
  assertRole(actor, "viewer");
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No such feed link.");
  const [row] = await getDb().select().from(t).where(eq(t.id, id)).limit(1);
  if (!row) throw new AppError("not_found", "No such feed link.");
  if (row.createdBy !== actor.userId && row.userId !== actor.userId && !hasRole(actor.role, "admin")) throw new AppError("forbidden", "This feed link is not yours.");
  await getDb().delete(t).where(eq(t.id, id));
  await recordAudit({ action: "oncall.feed.revoked", ...auditActor(actor), target: row.scheduleId ?? `person:${row.userId}`, details: { feedId: id } });
}

async function tokenRow(token: string | null) {
  if (!token || !token.startsWith(FEED_TOKEN_PREFIX)) return null;
  const [row] = await getDb().select({ scheduleId: t.scheduleId, userId: t.userId, disabled: schema.users.disabled }).from(t).leftJoin(schema.users, eq(schema.users.id, t.userId)).where(eq(t.tokenHash, hashFeedToken(token))).limit(1);
  return row && !row.disabled ? row : null;
}

const badToken = () => new AppError("unauthorized", "This feed link is not valid (it may have been revoked). Create a new one in Keel.");

/** Generated feeds per process, by what they depend on: schedule version(s), the overrides in the window, the window's day. */
const cache = new LRUCache<string, string>({ max: 500, ttl: CACHE_TTL_MS });
export const clearFeedCache = () => cache.clear();

const overridesKey = (list: readonly Override[]) => createHash("sha1").update(JSON.stringify(list)).digest("base64url");

const layerNames = (schedule: Schedule) => new Map(schedule.layers.map((x) => [x.id, x.name]));

/** A schedule's iCalendar feed (a week back, a year ahead) for a token that publishes it; the token is the only credential. */
export async function scheduleFeed(token: string | null, scheduleId: string, nowMs = Date.now()): Promise<string> {
  const row = await tokenRow(token);
  if (!row || !row.scheduleId || row.scheduleId.toLowerCase() !== scheduleId.toLowerCase()) throw badToken();
  const window = calendarWindow(nowMs);
  const [meta] = await getDb().select({ version: s.version }).from(s).where(eq(s.id, row.scheduleId)).limit(1);
  if (!meta) throw noSchedule(scheduleId);
  const overrides = await loadOverrides(row.scheduleId, window);
  const key = `s|${row.scheduleId}|${meta.version}|${window.fromMs}|${overridesKey(overrides)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { schedule, name } = await loadSchedule(row.scheduleId);
  const shifts = finalShifts(schedule, overrides, window.fromMs, window.toMs);
  const people = await peopleById(shifts.flatMap((x) => x.userIds));
  const layers = layerNames(schedule);
  const text = scheduleCalendar(shifts, {
    name: `${name} on-call`,
    scheduleId: schedule.id,
    nowMs,
    userName: (id) => personOf(people, id).name,
    layerName: (id) => layers.get(id) ?? id,
    url: `${publicBaseUrl()}/oncall/schedules/${schedule.id}`,
    description: `Who is on call for ${name} (Keel), in ${schedule.timeZone}.`,
  });
  cache.set(key, text);
  return text;
}

const involves = (schedule: Schedule, overrides: readonly Override[], userId: string) =>
  overrides.some((o) => o.userId === userId) || schedule.layers.some((x) => x.versions.some((v) => v.rotation.participants.includes(userId)));

/** One person's on-call across every schedule they are in, for a personal token. */
export async function personFeed(token: string | null, nowMs = Date.now()): Promise<string> {
  const row = await tokenRow(token);
  if (!row || !row.userId) throw badToken();
  const userId = row.userId;
  const window = calendarWindow(nowMs);
  const metas = await getDb().select({ id: s.id, version: s.version }).from(s).orderBy(asc(s.id));
  const loaded = await loadSchedules(
    metas.map((m) => m.id),
    window,
  );
  const mine = metas.filter((m) => {
    const got = loaded.get(m.id);
    return got && involves(got.schedule, got.overrides, userId);
  });
  const key = `p|${userId}|${window.fromMs}|${mine.map((m) => `${m.id}:${m.version}:${overridesKey(loaded.get(m.id)!.overrides)}`).join(",")}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const person = personOf(await peopleById([userId]), userId);
  const envelope = personCalendar([], userId, { name: `${person.name}: on call (Keel)`, scheduleId: "person", nowMs, description: `When ${person.name} is on call, across Keel schedules.` });
  const events: string[] = [];
  for (const m of mine) {
    const { schedule, overrides } = loaded.get(m.id)!;
    const layers = layerNames(schedule);
    const text = personCalendar(finalShifts(schedule, overrides, window.fromMs, window.toMs), userId, {
      name: schedule.name ?? m.id,
      scheduleId: schedule.id,
      nowMs,
      layerName: (id) => layers.get(id) ?? id,
      url: `${publicBaseUrl()}/oncall/schedules/${schedule.id}`,
    });
    events.push(...(text.match(/BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT\r?\n/g) ?? []));
  }
  const text = envelope.replace(/END:VCALENDAR\r?\n?$/, `${events.join("")}END:VCALENDAR\r\n`);
  cache.set(key, text);
  return text;
}
