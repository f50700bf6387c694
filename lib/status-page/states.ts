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
 *
 * A scheduled maintenance in progress puts its components under maintenance. Precedence, best to
 * worst: operational < degraded < under maintenance < partial outage < major outage, and the worst
 * wins. So during a maintenance a partial or major outage still shows (it is worse than the work
 * announced), while degraded performance does not replace "under maintenance": slowness is what a
 * maintenance warns of, and its announced window tells customers when it ends. The overall banner
 * is the worst component state by the same order. Maintenance is planned work, not downtime: it
 * does not colour the uptime bars nor count against uptime.
 */
import type { Status } from "@/lib/incidents/lifecycle";
import { componentsUnderMaintenance, type MaintenanceTimes } from "./maintenance-state";

/** In precedence order: each state is worse than those before it. */
export const COMPONENT_STATES = ["operational", "degraded", "under_maintenance", "partial_outage", "major_outage"] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

const rank = (s: ComponentState) => COMPONENT_STATES.indexOf(s);

export const stateLabels: Record<ComponentState, string> = {
  operational: "Operational",
  degraded: "Degraded performance",
  under_maintenance: "Under maintenance",
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
    case "under_maintenance":
      return "Scheduled maintenance in progress";
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

/** A maintenance as the status page knows it: its window, whether cancelled, its public components. */
export type PublicMaintenanceWindow = MaintenanceTimes & { componentIds: readonly string[] };

/**
 * Each component's current state from the incidents whose impact has begun and not yet ended and
 * the maintenance in progress, the worst winning (see the precedence above).
 */
export function componentStates(componentIds: readonly string[], impacts: readonly PublicImpact[], nowMs: number, maintenances: readonly PublicMaintenanceWindow[] = []): Map<string, ComponentState> {
  const out = new Map<string, ComponentState>(componentIds.map((id) => [id, "operational"]));
  for (const id of componentsUnderMaintenance(maintenances, nowMs)) if (out.has(id)) out.set(id, "under_maintenance");
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
