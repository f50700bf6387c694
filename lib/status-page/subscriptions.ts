import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError, validationError } from "@/lib/errors";
import { env } from "@/lib/env";
import { publicBaseUrl } from "./base-url";
import { alreadySubscribedMessage, confirmMessage, type MailPayload } from "./messages";
import { linkTokenSchema, subscribeInputSchema } from "./schemas";
import { hashToken, newToken, unsubscribeKey, verifyUnsubscribeToken } from "./tokens";

const sub = schema.statusSubscribers;
const d = schema.notificationDeliveries;
const s = schema.services;

/** One subscription email per address per this long, whatever is asked: the form cannot be used to flood a mailbox. */
export const SUBSCRIBE_MAIL_INTERVAL_MS = 10 * 60_000;

/**
 * What a subscribe request did. The visitor is told the same ("check your email") in every case,
 * so the form does not reveal who is subscribed.
 */
export type SubscribeOutcome = "confirm_sent" | "already_subscribed_sent" | "throttled";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

async function enqueueMail(tx: Tx, recipient: string, payload: MailPayload, nowMs: number): Promise<void> {
  await tx.insert(d).values({ channelId: null, recipient, event: "confirm", payload, createdAt: new Date(nowMs) });
}

/** The public services named by id, by name; a 400 naming the field when one is not a public service. */
async function publicComponentNames(ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await getDb().select({ id: s.id, name: s.name }).from(s).where(and(inArray(s.id, [...ids]), eq(s.public, true)));
  if (rows.length !== new Set(ids).size) throw new AppError("bad_request", "Some fields are invalid.", { components: ["Choose components from the list."] });
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b));
}

/**
 * A visitor asks for status updates by email (double opt-in). A new or still unconfirmed address
 * gets a fresh confirm link (any earlier one stops working) and the chosen components; a confirmed
 * one is told it is already subscribed and nothing changes. The email is queued in
 * `notification_deliveries` (recipient set, no channel) in the same transaction.
 */
export async function subscribe(input: unknown, nowMs = Date.now()): Promise<SubscribeOutcome> {
  const parsed = subscribeInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { email } = parsed.data;
  const components = [...new Set(parsed.data.components)];
  const componentNames = await publicComponentNames(components);
  const baseUrl = publicBaseUrl();
  return getDb().transaction(async (tx) => {
    // Serialises requests for one address (the row may not exist yet, so a row lock would not do).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('keel-status-subscriber'), hashtext(${email}))`);
    const [recent] = await tx
      .select({ id: d.id })
      .from(d)
      .where(and(eq(d.recipient, email), eq(d.event, "confirm"), gt(d.createdAt, new Date(nowMs - SUBSCRIBE_MAIL_INTERVAL_MS))))
      .limit(1);
    if (recent) return "throttled";
    const [existing] = await tx.select({ id: sub.id, confirmedAt: sub.confirmedAt }).from(sub).where(eq(sub.email, email));
    if (existing?.confirmedAt) {
      await enqueueMail(tx, email, alreadySubscribedMessage({ baseUrl }), nowMs);
      return "already_subscribed_sent";
    }
    const token = newToken();
    if (existing) await tx.update(sub).set({ tokenHash: hashToken(token), components }).where(eq(sub.id, existing.id));
    else await tx.insert(sub).values({ email, components, tokenHash: hashToken(token), createdAt: new Date(nowMs) });
    await enqueueMail(tx, email, confirmMessage({ baseUrl, token, componentNames: componentNames.length ? componentNames : null }), nowMs);
    return "confirm_sent";
  });
}

export type ConfirmOutcome = { ok: true; email: string; componentNames: string[] | null } | { ok: false };

/** Opens the confirm link: the subscription is confirmed (again: no change). Unknown tokens fail. */
export async function confirmSubscription(token: string, nowMs = Date.now()): Promise<ConfirmOutcome> {
  const t = linkTokenSchema.safeParse(token);
  if (!t.success) return { ok: false };
  const [row] = await getDb()
    .update(sub)
    .set({ confirmedAt: sql`coalesce(${sub.confirmedAt}, ${new Date(nowMs).toISOString()}::timestamptz)` })
    .where(eq(sub.tokenHash, hashToken(t.data)))
    .returning({ email: sub.email, components: sub.components });
  if (!row) return { ok: false };
  if (!row.components.length) return { ok: true, email: row.email, componentNames: null };
  const names = await getDb()
    .select({ name: s.name })
    .from(s)
    .where(and(inArray(s.id, row.components), eq(s.public, true)));
  return { ok: true, email: row.email, componentNames: names.map((n) => n.name).sort((a, b) => a.localeCompare(b)) };
}

/**
 * Opens an unsubscribe link: the address is forgotten. Takes the confirm token (from the confirm
 * email) or a signed token (from update emails). A valid signed token succeeds again after the
 * row is gone, so a second click still says "unsubscribed".
 */
export async function unsubscribe(token: string): Promise<"unsubscribed" | "invalid"> {
  const t = linkTokenSchema.safeParse(token);
  if (!t.success) return "invalid";
  const secret = env().KEEL_SECRET_KEY;
  const id = secret ? verifyUnsubscribeToken(t.data, unsubscribeKey(secret)) : null;
  if (id) {
    await getDb().delete(sub).where(eq(sub.id, id));
    return "unsubscribed";
  }
  const gone = await getDb().delete(sub).where(eq(sub.tokenHash, hashToken(t.data))).returning({ id: sub.id });
  return gone.length ? "unsubscribed" : "invalid";
}
