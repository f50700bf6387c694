import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { defaultPolicy, deployGate, policyState, worstState, type DeployDecision, type Policy, type PolicyState } from "./policy";
import { recentHistories, recordPolicyStates, type PolicyStateEntry } from "./policy-history";
import { policiesForServices } from "./policy-store";
import { listSlos } from "./queries";
import { sloSummaries } from "./summaries";

export type PolicySlo = {
  id: string;
  name: string;
  remaining: number | null;
  /** Budget left a week ago, for the trend (null: no data then). */
  remainingWeekAgo: number | null;
  state: PolicyState;
  burn1h: number | null;
  problem: string | null;
};

export type ServicePolicy = {
  service: string;
  serviceId: string;
  serviceName: string;
  state: PolicyState;
  decision: DeployDecision;
  reason: string;
  policy: Policy;
  /** Whether the service has its own policy rather than the organisation's. */
  overridden: boolean;
  /** When the service entered its current state, as recorded (null before the first record). */
  since: string | null;
  /** The most recent states, newest first. */
  history: PolicyStateEntry[];
  /** The lowest budget left among its SLOs, now and a week ago. */
  remaining: number | null;
  remainingWeekAgo: number | null;
  slos: PolicySlo[];
};

const RANK: Record<PolicyState, number> = { exhausted: 0, warning: 1, unknown: 2, healthy: 3 };
const WEEK = 7 * 86_400_000;

function lowest(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.min(...known) : null;
}

/**
 * Every service with SLOs: its policy (the organisation's or its own), state and deploy decision,
 * since when, its recent history and the week's trend, worst first. Evaluating records the states
 * (a row only when a service's state changed), so the history builds up as people look and as the
 * recorder runs.
 */
export async function servicePolicies(actor: Principal, now = Date.now()): Promise<ServicePolicy[]> {
  const slos = await listSlos(actor);
  const [current, weekAgo, policies] = await Promise.all([
    sloSummaries(actor, slos, now),
    sloSummaries(actor, slos, now - WEEK),
    policiesForServices([...new Set(slos.map((s) => s.serviceId))]),
  ]);
  const byService = new Map<string, ServicePolicy>();
  for (const s of slos) {
    const { policy, overridden } = policies.get(s.serviceId) ?? { policy: defaultPolicy, overridden: false };
    const entry =
      byService.get(s.serviceId) ??
      ({ service: s.service, serviceId: s.serviceId, serviceName: s.serviceName, policy, overridden, slos: [] } as unknown as ServicePolicy);
    const st = current.get(s.id)!;
    entry.slos.push({
      id: s.id,
      name: s.name,
      remaining: st.remaining,
      remainingWeekAgo: weekAgo.get(s.id)?.remaining ?? null,
      state: policyState(st.remaining, entry.policy),
      burn1h: st.burn1h,
      problem: st.problem,
    });
    byService.set(s.serviceId, entry);
  }
  const out = [...byService.values()].map((p) => ({
    ...p,
    state: worstState(p.slos.map((s) => s.state)),
    remaining: lowest(p.slos.map((s) => s.remaining)),
    remainingWeekAgo: lowest(p.slos.map((s) => s.remainingWeekAgo)),
    ...deployGate(p.slos, p.policy),
  }));
  await recordPolicyStates(
    out.map((p) => ({ serviceId: p.serviceId, state: p.state, remaining: p.remaining })),
    new Date(now),
  );
  const histories = await recentHistories(out.map((p) => p.serviceId));
  for (const p of out) {
    p.history = histories.get(p.serviceId) ?? [];
    p.since = p.history[0]?.state === p.state ? p.history[0].since : null;
  }
  return out.sort((a, b) => RANK[a.state] - RANK[b.state] || a.serviceName.localeCompare(b.serviceName));
}

export function stateCounts(policies: ServicePolicy[]): Record<PolicyState, number> {
  const counts: Record<PolicyState, number> = { healthy: 0, warning: 0, exhausted: 0, unknown: 0 };
  for (const p of policies) counts[p.state]++;
  return counts;
}
