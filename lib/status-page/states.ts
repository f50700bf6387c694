/**
 * What the public status page says about a component (a public service) and an incident. Pure.
 *
 * A customer-facing incident puts each public service it affects into a state by its severity:
 *   SEV1 → major outage, SEV2 → partial outage, SEV3 and SEV4 → degraded performance;
 * no such incident → operational. A component with several takes the worst.
 *
 * An incident shapes the current state while its impact lasts: from its start until it is
 * mitigated (it reaches monitoring) or resolved. Once mitigated it stays listed as open until it is
 * resolved, but the component reads operational again — the same period the uptime bars count.
 */
import type { Status } from "@/lib/incidents/lifecycle";

export const COMPONENT_STATES = ["operational", "degraded", "partial_outage", "major_outage"] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

const rank = (s: ComponentState) => COMPONENT_STATES.indexOf(s);

export const stateLabels: Record<ComponentState, string> = {
  operational: "Operational",
  degraded: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/** The state a customer-facing incident of this severity level (1..4) puts its components in. */
export function stateForSeverity(level: number): ComponentState {
  if (level <= 1) return "major_outage";
  if (level === 2) return "partial_outage";
  return "degraded";
}

/** The worst of the states; operational when there are none. */
export function worstState(states: Iterable<ComponentState>): ComponentState {
  let worst: ComponentState = "operational";
  for (const s of states) if (rank(s) > rank(worst)) worst = s;
  return worst;
}

/** Whether `a` is worse than `b`. */
export const isWorse = (a: ComponentState, b: ComponentState) => rank(a) > rank(b);

/** The page's banner: "All systems operational", or the worst state in words. */
export function bannerText(overall: ComponentState): string {
  switch (overall) {
    case "operational":
      return "All systems operational";
    case "degraded":
      return "Some systems have degraded performance";
    case "partial_outage":
      return "Partial outage";
    case "major_outage":
      return "Major outage";
  }
}

/** An incident as the status page knows it: severity level, impact period, affected public components. */
export type PublicImpact = { severity: number; startedMs: number; mitigatedMs: number | null; resolvedMs: number | null; componentIds: readonly string[] };

/** When the impact ended (mitigated, else resolved), or null while it lasts. */
export const impactEndMs = (i: Pick<PublicImpact, "mitigatedMs" | "resolvedMs">) => i.mitigatedMs ?? i.resolvedMs;

/** Each component's current state from the incidents whose impact has begun and not yet ended. */
export function componentStates(componentIds: readonly string[], impacts: readonly PublicImpact[], nowMs: number): Map<string, ComponentState> {
  const out = new Map<string, ComponentState>(componentIds.map((id) => [id, "operational"]));
  for (const i of impacts) {
    if (i.startedMs > nowMs || impactEndMs(i) !== null) continue;
    const s = stateForSeverity(i.severity);
    for (const id of i.componentIds) {
      const cur = out.get(id);
      if (cur !== undefined && isWorse(s, cur)) out.set(id, s);
    }
  }
  return out;
}

/** Incident statuses in customers' words: triaging is not a stage they need to know about. */
export const publicStatusLabels: Record<Status, string> = {
  triaging: "Investigating",
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  closed: "Resolved",
};

/**
 * An incident's public headline, e.g. "Partial outage: Checkout API, Search". Built from its
 * severity and public components only: the internal title may hold alert labels or names of
 * private systems, so it never reaches the status page.
 */
export function publicHeadline(severity: number, componentNames: readonly string[]): string {
  return `${stateLabels[stateForSeverity(severity)]}: ${componentNames.join(", ")}`;
}
