import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { logger } from "@/lib/observability/logger";
import { backfillPolicyHistory } from "./policy-backfill";
import { servicePolicies } from "./policy-overview";

/** Keel itself, reading budgets to record policy states; it can only read. */
const recorder: Principal = { userId: "system", email: "system", name: "Keel policy recorder", role: "viewer", via: "cli" };

const g = globalThis as unknown as { __keelPolicyRecorder?: NodeJS.Timeout };

/**
 * Evaluates every service's policy every `intervalMs` (default 5 minutes) so the state history is
 * recorded even when nobody opens the Policy page. With `backfillDays`, an empty history is first
 * filled by evaluating the last days every 6 hours from what Prometheus holds. Several Keel instances may run it: recording
 * writes a row only on a change, under a per-service lock.
 */
export function startPolicyRecorder(intervalMs = 5 * 60_000, backfillDays = 0): void {
  if (g.__keelPolicyRecorder) return;
  let first = backfillDays > 0;
  const tick = async () => {
    try {
      if (first) {
        first = false;
        const now = Date.now();
        const changes = await backfillPolicyHistory(recorder, now - backfillDays * 86_400_000, now, 6 * 3_600_000);
        logger().info({ changes, days: backfillDays }, "policy state history filled from Prometheus");
      }
      await servicePolicies(recorder);
    } catch (err) {
      logger().warn({ err }, "policy state recording failed");
    }
  };
  g.__keelPolicyRecorder = setInterval(tick, intervalMs);
  g.__keelPolicyRecorder.unref();
  setTimeout(tick, 10_000).unref();
}
