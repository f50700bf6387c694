import "server-only";
import type { Principal } from "@/lib/auth/roles";
import { getService } from "@/lib/services/queries";
import { deployGate, policyState, worstState, type DeployDecision, type PolicyState } from "./policy";
import { policiesForServices } from "./policy-store";
import { listSlos } from "./queries";
import { sloSummaries } from "./summaries";

export type GateAnswer = {
  service: string;
  decision: DeployDecision;
  state: PolicyState;
  reason: string;
  slos: { id: string; name: string; remaining: number | null; state: PolicyState }[];
  computedAt: string;
};

const TTL_MS = 30_000;
const g = globalThis as unknown as { __keelGate?: Map<string, { at: number; answer: Promise<GateAnswer> }> };
const cache = (g.__keelGate ??= new Map());

/** Ship, slow down or freeze: the policy over the service's SLOs, served from a 30-second cache. */
export async function serviceDeployGate(actor: Principal, slug: string, now = Date.now()): Promise<GateAnswer> {
  await getService(actor, slug); // viewer check and 404 first
  const hit = cache.get(slug);
  if (hit && now - hit.at < TTL_MS) return hit.answer;
  const answer = (async () => {
    const slos = await listSlos(actor, { service: slug });
    const [summaries, policies] = await Promise.all([sloSummaries(actor, slos, now), policiesForServices(slos.slice(0, 1).map((s) => s.serviceId))]);
    const policy = slos.length ? policies.get(slos[0].serviceId)?.policy : undefined;
    const rows = slos.map((s) => {
      const remaining = summaries.get(s.id)!.remaining;
      return { id: s.id, name: s.name, remaining, state: policyState(remaining, policy) };
    });
    return { service: slug, ...deployGate(rows, policy), state: worstState(rows.map((r) => r.state)), slos: rows, computedAt: new Date(now).toISOString() };
  })();
  cache.set(slug, { at: now, answer });
  answer.catch(() => cache.delete(slug));
  return answer;
}
