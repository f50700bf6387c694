import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { deployGate, policyState, worstState, type DeployDecision, type PolicyState } from "./policy";
import { listSlos } from "./queries";
import { sloStatus } from "./status";

export type ServicePolicy = {
  service: string;
  serviceName: string;
  state: PolicyState;
  decision: DeployDecision;
  reason: string;
  slos: { id: string; name: string; remaining: number | null; state: PolicyState; burn1h: number | null; problem: string | null }[];
};

const RANK: Record<PolicyState, number> = { exhausted: 0, warning: 1, unknown: 2, healthy: 3 };

/** Every service with SLOs, its policy state and deploy decision, worst first. */
export async function servicePolicies(actor: Principal, now = Date.now()): Promise<ServicePolicy[]> {
  const slos = await listSlos(actor);
  const statuses = await Promise.all(slos.map((s) => sloStatus(actor, s, now)));
  const byService = new Map<string, ServicePolicy>();
  slos.forEach((s, i) => {
    const st = statuses[i];
    const remaining = st.budget && !st.budget.noData ? st.budget.remaining : null;
    const entry = byService.get(s.service) ?? { service: s.service, serviceName: s.serviceName, state: "unknown", decision: "allow", reason: "", slos: [] };
    entry.slos.push({ id: s.id, name: s.name, remaining, state: policyState(remaining), burn1h: st.burnRates["1h"] ?? null, problem: st.problem });
    byService.set(s.service, entry);
  });
  const out = [...byService.values()].map((p) => ({ ...p, state: worstState(p.slos.map((s) => s.state)), ...deployGate(p.slos) }));
  return out.sort((a, b) => RANK[a.state] - RANK[b.state] || a.serviceName.localeCompare(b.serviceName));
}

export function stateCounts(policies: ServicePolicy[]): Record<PolicyState, number> {
  const counts: Record<PolicyState, number> = { healthy: 0, warning: 0, exhausted: 0, unknown: 0 };
  for (const p of policies) counts[p.state]++;
  return counts;
}
