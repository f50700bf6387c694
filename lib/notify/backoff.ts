/** When a failed delivery is tried again. Pure. */

/** Waits after the 1st, 2nd, … failed attempt; after the last one Keel gives up. */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export type AfterFailure = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/** The delivery's state after its `attempts`-th attempt failed at `now`; a permanent failure is not retried. */
export function afterFailure(attempts: number, now: Date, permanent = false): AfterFailure {
  if (permanent || attempts >= MAX_ATTEMPTS) return { status: "failed" };
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + delay) };
}
