import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { getDb, schema } from "@/db";
import { defaultPolicy, policyState, worstState } from "./policy";
import { recordPolicyStates } from "./policy-history";
import { policiesForServices } from "./policy-store";
import { listSlos } from "./queries";
import { sloSummaries } from "./summaries";

/**
 * Fills an empty policy history by evaluating every service's policy at past instants (oldest
 * first, every `stepMs`) from the metrics Prometheus already holds. Used when Keel first meets a
 * Prometheus with history (the demo); does nothing once any state is recorded. Returns the number
 * of state changes recorded.
 */
export async function backfillPolicyHistory(actor: Principal, fromMs: number, toMs: number, stepMs: number): Promise<number> {
  const [any] = await getDb().select({ id: schema.policyStates.id }).from(schema.policyStates).limit(1);
  if (any) return 0;
  const slos = await listSlos(actor);
  if (!slos.length) return 0;
  const policies = await policiesForServices([...new Set(slos.map((s) => s.serviceId))]);
  let changes = 0;
  for (let t = fromMs; t <= toMs; t += stepMs) {
    const summaries = await sloSummaries(actor, slos, t, { useRecordings: false });
    const byService = new Map<string, { states: ReturnType<typeof policyState>[]; remaining: number[] }>();
    for (const s of slos) {
      const remaining = summaries.get(s.id)?.remaining ?? null;
      const e = byService.get(s.serviceId) ?? { states: [], remaining: [] };
      e.states.push(policyState(remaining, policies.get(s.serviceId)?.policy ?? defaultPolicy));
      if (remaining !== null) e.remaining.push(remaining);
      byService.set(s.serviceId, e);
    }
    const recorded = await recordPolicyStates(
      [...byService].map(([serviceId, e]) => ({ serviceId, state: worstState(e.states), remaining: e.remaining.length ? Math.min(...e.remaining) : null })),
      new Date(t),
    );
    changes += recorded.length;
  }
  return changes;
}
