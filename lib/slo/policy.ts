/**
 * The error-budget policy: what the remaining budget means for a service. Pure.
 * Defaults are the seeds': Healthy above 50 % remaining, Warning from 20 % to 50 %, Exhausted below 20 %.
 */
export type PolicyState = "healthy" | "warning" | "exhausted" | "unknown";
export type DeployDecision = "allow" | "caution" | "freeze";

export type Policy = {
  /** Below this share of budget remaining the state is Warning. */
  warningBelow: number;
  /** Below this share the state is Exhausted. */
  exhaustedBelow: number;
  actions: Record<Exclude<PolicyState, "unknown">, string[]>;
};

export const defaultPolicy: Policy = {
  warningBelow: 0.5,
  exhaustedBelow: 0.2,
  actions: {
    healthy: ["Deploy normally.", "Chaos experiments allowed."],
    warning: ["Slow deployments down: smaller batches, extra review.", "Pause chaos experiments."],
    exhausted: ["Freeze non-critical deployments.", "Reliability work only until the budget recovers.", "Escalate to the service's leadership."],
  },
};

const RANK: Record<PolicyState, number> = { healthy: 0, unknown: 1, warning: 2, exhausted: 3 };

export function policyState(remaining: number | null, policy: Policy = defaultPolicy): PolicyState {
  if (remaining === null || !Number.isFinite(remaining)) return "unknown";
  if (remaining < policy.exhaustedBelow) return "exhausted";
  if (remaining < policy.warningBelow) return "warning";
  return "healthy";
}

/** A service is in the worst state of its SLOs. */
export function worstState(states: PolicyState[]): PolicyState {
  return states.reduce<PolicyState>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), states.length ? "healthy" : "unknown");
}

export type GateSlo = { id: string; name: string; remaining: number | null; state: PolicyState };

/** What a pipeline should do: freeze on any exhausted SLO, caution on a warning or an unknown budget. */
export function deployGate(slos: GateSlo[], policy: Policy = defaultPolicy): { decision: DeployDecision; reason: string } {
  const exhausted = slos.filter((s) => s.state === "exhausted");
  if (exhausted.length) return { decision: "freeze", reason: `Error budget exhausted: ${exhausted.map(describe).join(", ")}. Only critical fixes may ship.` };
  const warning = slos.filter((s) => s.state === "warning");
  if (warning.length) return { decision: "caution", reason: `Error budget low: ${warning.map(describe).join(", ")}. Ship in small batches with extra review.` };
  const unknown = slos.filter((s) => s.state === "unknown");
  if (unknown.length) return { decision: "caution", reason: `No budget data for ${unknown.map((s) => s.name).join(", ")}.` };
  if (!slos.length) return { decision: "allow", reason: "The service has no SLOs." };
  return { decision: "allow", reason: `Every SLO has at least ${Number((policy.warningBelow * 100).toFixed(2))} % of its error budget left.` };
}

function describe(s: GateSlo): string {
  return `${s.name} (${s.remaining === null ? "no data" : `${(s.remaining * 100).toFixed(1)} % left`})`;
}
