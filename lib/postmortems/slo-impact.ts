/**
 * The SLO impact a postmortem shows: per SLO of the affected services, the share of the error
 * budget the incident consumed and whether that moved the policy state. Computed by the caller
 * (lib/slo/incident-impact.ts measures the bad events); this file holds the shape stored with the
 * postmortem and the pure step from budget figures to policy states.
 */
import { defaultPolicy, policyState, type Policy, type PolicyState } from "@/lib/slo/policy";

export type SloImpactRow = {
  sloId: string;
  name: string;
  service: string;
  /** Share of the budget the incident consumed (1.04 = 104 %); null when it could not be computed. */
  consumed: number | null;
  /** Policy state without the incident's bad events, and with them. */
  stateBefore: PolicyState;
  stateAfter: PolicyState;
  /** What the figures came from: "Prometheus (default)", "incident-based SLI". */
  dataSource: string;
  /** Why `consumed` is null. */
  problem: string | null;
};

export type SloImpactSnapshot = {
  /** When it was computed, and the incident window it covers (ISO). */
  computedAt: string;
  from: string;
  to: string;
  rows: SloImpactRow[];
};

/**
 * The policy states before and after an incident, from the budget remaining now (share of the
 * budget, may be negative) and the share the incident consumed: without the incident the
 * remaining share would have been `remaining + consumed`. Unknown when either is unknown.
 */
export function policyMove(remaining: number | null, consumed: number | null, policy: Policy = defaultPolicy): { before: PolicyState; after: PolicyState } {
  const after = policyState(remaining, policy);
  if (remaining === null || consumed === null || !Number.isFinite(consumed)) return { before: "unknown", after };
  return { before: policyState(remaining + consumed, policy), after };
}

/** Whether the incident moved any SLO to a worse policy state. */
export function worsenedAny(rows: readonly SloImpactRow[]): boolean {
  const rank: Record<PolicyState, number> = { healthy: 0, unknown: 1, warning: 2, exhausted: 3 };
  return rows.some((r) => r.stateBefore !== "unknown" && r.stateAfter !== "unknown" && rank[r.stateAfter] > rank[r.stateBefore]);
}

/** The largest share of a budget any SLO lost (for `postmortemRequired`), or null when none is known. */
export function maxConsumed(rows: readonly SloImpactRow[]): number | null {
  const known = rows.map((r) => r.consumed).filter((c): c is number => c !== null && Number.isFinite(c));
  return known.length ? Math.max(...known) : null;
}
