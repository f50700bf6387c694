import "server-only";
import { and, asc, eq, lte, notInArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { logger } from "@/lib/observability/logger";
import { fireTimer } from "./escalation-fire";

/**
 * The escalation worker: every few seconds each Keel process fires the escalation timers that fell
 * due. Each timer is claimed and fired in its own transaction: one statement takes the oldest due
 * pending timer and its incident with FOR UPDATE … SKIP LOCKED, so two processes never take the
 * same timer, and a process never waits on a lock (no deadlock with a person acknowledging, who
 * locks the incident first); the pages, webhook events, timeline entry and the timer's new status
 * commit together or not at all. A timer whose firing fails stays pending and is retried next
 * pass (skipped for the rest of this one). Takes `now` so tests drive time with a clock.
 */

const t = schema.escalationTimers;
const i = schema.incidents;

export type EscalationPassOptions = { now?: Date; batchSize?: number };
export type EscalationPassResult = { fired: number; cancelled: number; failed: number };

export const DEFAULT_ESCALATION_BATCH = 50;

export async function runEscalationPass(opts: EscalationPassOptions = {}): Promise<EscalationPassResult> {
  const result: EscalationPassResult = { fired: 0, cancelled: 0, failed: 0 };
  const skip: string[] = [];
  for (let n = 0; n < (opts.batchSize ?? DEFAULT_ESCALATION_BATCH); n++) {
    const now = opts.now ?? new Date();
    let claimed: string | undefined;
    try {
      const outcome = await getDb().transaction(async (tx) => {
        const [timer] = await tx
          .select({ timer: t })
          .from(t)
          .innerJoin(i, eq(i.id, t.incidentId))
          .where(and(eq(t.status, "pending"), lte(t.dueAt, now), skip.length ? notInArray(t.id, skip) : undefined))
          .orderBy(asc(t.dueAt), asc(t.round), asc(t.stepIndex), asc(t.id))
          .limit(1)
          .for("update", { of: [t, i], skipLocked: true });
        if (!timer) return null;
        claimed = timer.timer.id;
        return fireTimer(tx, timer.timer, now);
      });
      if (!outcome) break;
      result[outcome]++;
    } catch (err) {
      if (!claimed) throw err;
      skip.push(claimed);
      result.failed++;
      logger().error({ err, timer: claimed }, "escalation timer failed to fire; it stays pending");
    }
  }
  return result;
}

const g = globalThis as unknown as { __keelEscalationWorker?: NodeJS.Timeout };

/** Starts the in-process worker (once per process); it never keeps the process alive on its own. */
export function startEscalationWorker(intervalMs = 5_000): void {
  if (g.__keelEscalationWorker) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runEscalationPass();
    } catch (err) {
      logger().warn({ err }, "escalation worker pass failed");
    } finally {
      running = false;
    }
  };
  g.__keelEscalationWorker = setInterval(tick, intervalMs);
  g.__keelEscalationWorker.unref();
}

export function stopEscalationWorker(): void {
  clearInterval(g.__keelEscalationWorker);
  g.__keelEscalationWorker = undefined;
}
