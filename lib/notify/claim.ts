import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { afterFailure } from "./backoff";
import type { SendResult } from "./send-result";

/**
 * Claiming due deliveries so that several Keel processes never send one twice: a single statement
 * locks due rows with FOR UPDATE SKIP LOCKED, counts the attempt and leases them (moves their next
 * attempt past the send). A process that dies mid-send leaves the row to be retried when the lease
 * ends. Both kinds of rows are claimed: channel deliveries and status-page subscriber emails
 * (recipient set, no channel).
 */

const d = schema.notificationDeliveries;

/** Longer than one batch of sends can take (each send times out after 10 s). */
export const LEASE_MS = 2 * 60_000;

export type ClaimedDelivery = { id: number; channelId: string | null; recipient: string | null; event: string; payload: Record<string, unknown>; attempts: number };

export async function claimDueDeliveries(now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const db = getDb();
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, "pending"), lte(d.nextAttemptAt, now)))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(d)
    .set({ attempts: sql`${d.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(d.id, due))
    .returning({ id: d.id, channelId: d.channelId, recipient: d.recipient, event: d.event, payload: d.payload, attempts: d.attempts });
  return rows.sort((a, b) => a.id - b.id);
}

export type Outcome = "sent" | "retrying" | "failed";

type OutcomeValues = { status: "sent"; sentAt: Date; lastError: string | null } | { status: "pending"; nextAttemptAt: Date; lastError: string } | { status: "failed"; lastError: string };

function outcomeValues(result: SendResult, attempts: number, now: Date): OutcomeValues {
  if (result.ok) return { status: "sent", sentAt: now, lastError: result.note ?? null };
  const next = afterFailure(attempts, now, result.permanent);
  return next.status === "pending" ? { status: "pending", nextAttemptAt: next.nextAttemptAt, lastError: result.error } : { status: "failed", lastError: result.error };
}

/** Records the attempt's outcome; only the claim that made the attempt may (its attempt count must still match). */
export async function recordOutcome(claim: Pick<ClaimedDelivery, "id" | "attempts">, result: SendResult, now: Date): Promise<Outcome> {
  const values = outcomeValues(result, claim.attempts, now);
  await getDb()
    .update(d)
    .set(values)
    .where(and(eq(d.id, claim.id), eq(d.attempts, claim.attempts), eq(d.status, "pending")));
  return values.status === "pending" ? "retrying" : values.status;
}
