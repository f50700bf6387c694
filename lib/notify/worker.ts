import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { logger } from "@/lib/observability/logger";
import { claimDueDeliveries, recordOutcome, type Outcome } from "./claim";
import { defaultMailer, type Mailer } from "./email";
import { dispatch } from "./dispatch";
import { WEBHOOK_TIMEOUT_MS } from "./webhook";

/**
 * The delivery worker: every few seconds each Keel process claims a small batch of due deliveries,
 * sends them and records the outcome. Safe with several processes (see claim.ts). Takes `now` so
 * tests drive retries with a clock instead of waiting.
 */

const c = schema.notificationChannels;

export type PassOptions = { now?: Date; batchSize?: number; mailer?: Mailer; timeoutMs?: number };
export type PassResult = { claimed: number } & Record<Outcome, number>;

export const DEFAULT_BATCH = 10;

/** One batch: claim, send in parallel, record. */
export async function runDeliveryPass(opts: PassOptions = {}): Promise<PassResult> {
  const now = opts.now ?? new Date();
  const claims = await claimDueDeliveries(now, opts.batchSize ?? DEFAULT_BATCH);
  const result: PassResult = { claimed: claims.length, sent: 0, retrying: 0, failed: 0 };
  if (!claims.length) return result;
  const channelIds = [...new Set(claims.flatMap((x) => (x.channelId ? [x.channelId] : [])))];
  const channels = channelIds.length
    ? await getDb().select({ id: c.id, kind: c.kind, url: c.url, sealedSecret: c.sealedSecret, emails: c.emails, enabled: c.enabled }).from(c).where(inArray(c.id, channelIds))
    : [];
  const byId = new Map(channels.map((ch) => [ch.id, ch]));
  const mailer = opts.mailer ?? defaultMailer();
  await Promise.all(
    claims.map(async (claim) => {
      const channel = claim.channelId ? byId.get(claim.channelId) : undefined;
      const sent = await dispatch(claim, channel, mailer, opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
      const outcome = await recordOutcome(claim, sent, opts.now ?? new Date());
      result[outcome]++;
      if (!sent.ok) logger().warn({ delivery: claim.id, channel: claim.channelId, recipient: claim.recipient ? "subscriber" : undefined, attempt: claim.attempts, outcome, error: sent.error }, "notification delivery failed");
    }),
  );
  return result;
}

/** Passes until nothing is due (at most `maxPasses`), e.g. to send everything queued in a test. */
export async function drainDueDeliveries(opts: PassOptions = {}, maxPasses = 100): Promise<PassResult> {
  const total: PassResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (let n = 0; n < maxPasses; n++) {
    const pass = await runDeliveryPass(opts);
    for (const k of Object.keys(total) as (keyof PassResult)[]) total[k] += pass[k];
    if (!pass.claimed) break;
  }
  return total;
}

const g = globalThis as unknown as { __keelNotifyWorker?: NodeJS.Timeout };

/** Starts the in-process worker (once per process); it never keeps the process alive on its own. */
export function startDeliveryWorker(intervalMs = 5_000): void {
  if (g.__keelNotifyWorker) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await drainDueDeliveries({}, 20);
    } catch (err) {
      logger().warn({ err }, "notification worker pass failed");
    } finally {
      running = false;
    }
  };
  g.__keelNotifyWorker = setInterval(tick, intervalMs);
  g.__keelNotifyWorker.unref();
}

export function stopDeliveryWorker(): void {
  clearInterval(g.__keelNotifyWorker);
  g.__keelNotifyWorker = undefined;
}
