/**
 * Which incidents count for whom in the on-call health and compensation reports, and what follows
 * from them. Pure: the store gathers the facts.
 *
 * An incident counts for a person when
 *  - its escalation paged them (a fired escalation timer lists them as notified), at the page's
 *    time; or
 *  - it started while they were on call (on any layer) on a schedule covering one of its services,
 *    at its start. A schedule covers a service when the service's escalation policy pages the
 *    schedule or one of its layers, or when the schedule belongs to the service's team.
 * Each (person, incident) counts once, at the earliest of those instants.
 *
 * Pages (for onCallHealth) are every escalation page a person received, plus one at the incident's
 * start for each incident that counts for them through their shift only.
 *
 * Response work (for compensation) runs from that first instant until the incident was mitigated
 * (or resolved; still open: until the report's end), at most MAX_RESPONSE_MS per person and incident.
 *
 * Response-time compliance: each counted incident that was acknowledged is met or missed by the
 * severity's respond target counted from detection (as on the incident page); one not yet
 * acknowledged is missed once its target has passed, else still open. The team's figure counts
 * each incident once.
 */
import { metTarget, dueAt, type Severity, type SeverityTable } from "@/lib/incidents/severity";
import type { ResponseWork } from "./compensation";
import type { OnCallInterval, Page } from "./health";
import { HOUR_MS } from "./zone";

export const MAX_RESPONSE_MS = 12 * HOUR_MS;

export type IncidentFact = {
  id: string;
  severity: Severity;
  startedMs: number;
  detectedMs: number;
  acknowledgedMs: number | null;
  /** Mitigated, else resolved; null while neither. */
  endMs: number | null;
  /** Schedules covering any of its services. */
  scheduleIds: string[];
};
export type EscalationPageFact = { timerId: string; incidentId: string; atMs: number; userIds: string[] };
export type PersonIncident = { userId: string; incidentId: string; firstMs: number; via: "paged" | "shift" };

const onCall = (list: readonly OnCallInterval[] | undefined, userIds: Set<string> | null, atMs: number) =>
  (list ?? []).filter((i) => i.startMs <= atMs && atMs < i.endMs && (!userIds || userIds.has(i.userId))).map((i) => i.userId);

/** Every (person, incident) pair that counts, with its first instant. `bySchedule`: people on call per schedule. */
export function countedIncidents(pages: readonly EscalationPageFact[], incidents: readonly IncidentFact[], bySchedule: ReadonlyMap<string, readonly OnCallInterval[]>): PersonIncident[] {
  const out = new Map<string, PersonIncident>();
  const add = (c: PersonIncident) => {
    const key = `${c.userId}|${c.incidentId}`;
    const had = out.get(key);
    out.set(key, { ...c, firstMs: Math.min(had?.firstMs ?? Infinity, c.firstMs), via: had?.via === "paged" ? "paged" : c.via });
  };
  for (const p of pages) for (const userId of p.userIds) add({ userId, incidentId: p.incidentId, firstMs: p.atMs, via: "paged" });
  for (const inc of incidents) {
    for (const s of inc.scheduleIds) for (const userId of onCall(bySchedule.get(s), null, inc.startedMs)) add({ userId, incidentId: inc.id, firstMs: inc.startedMs, via: "shift" });
  }
  return [...out.values()].sort((a, b) => a.firstMs - b.firstMs || a.userId.localeCompare(b.userId));
}

/** The pages onCallHealth counts: every escalation page, plus one at the start of each incident met on shift only. */
export function healthPages(pages: readonly EscalationPageFact[], counted: readonly PersonIncident[], incidents: readonly IncidentFact[]): Page[] {
  const out: Page[] = pages.flatMap((p) => p.userIds.map((userId) => ({ id: `${p.timerId}:${userId}`, atMs: p.atMs, userId, incidentId: p.incidentId })));
  const paged = new Set(out.map((p) => `${p.userId}|${p.incidentId}`));
  for (const c of counted) {
    if (paged.has(`${c.userId}|${c.incidentId}`)) continue;
    const inc = incidents.find((i) => i.id === c.incidentId);
    if (inc) out.push({ id: `shift:${inc.id}:${c.userId}`, atMs: inc.startedMs, userId: c.userId, incidentId: inc.id });
  }
  return out;
}

/** Time each person spent responding, for compensation. */
export function responseWork(counted: readonly PersonIncident[], incidents: readonly IncidentFact[], toMs: number): ResponseWork[] {
  return counted.flatMap((c) => {
    const inc = incidents.find((i) => i.id === c.incidentId);
    if (!inc) return [];
    const end = Math.min(inc.endMs ?? toMs, c.firstMs + MAX_RESPONSE_MS);
    return end > c.firstMs ? [{ userId: c.userId, incidentId: inc.id, severity: inc.severity, startMs: c.firstMs, endMs: end }] : [];
  });
}

export type Compliance = { met: number; missed: number; open: number; /** met ÷ (met + missed); null with neither. */ rate: number | null };

function judge(inc: IncidentFact, table: SeverityTable, nowMs: number): keyof Omit<Compliance, "rate"> {
  if (inc.acknowledgedMs !== null) return metTarget(inc.severity, "respond", inc.detectedMs, inc.acknowledgedMs, "UTC", table) ? "met" : "missed";
  return dueAt(table[inc.severity].respond, inc.detectedMs) < nowMs ? "missed" : "open";
}

const tally = (verdicts: string[]): Compliance => {
  const c = { met: 0, missed: 0, open: 0 };
  for (const v of verdicts) c[v as keyof typeof c]++;
  return { ...c, rate: c.met + c.missed ? c.met / (c.met + c.missed) : null };
};

/** Acknowledgement within the severity's respond target, per person and for the team (each incident once). */
export function responseCompliance(counted: readonly PersonIncident[], incidents: readonly IncidentFact[], table: SeverityTable, nowMs: number): { people: Map<string, Compliance>; team: Compliance } {
  const verdict = new Map(incidents.map((i) => [i.id, judge(i, table, nowMs)]));
  const byUser = new Map<string, string[]>();
  for (const c of counted) {
    const v = verdict.get(c.incidentId);
    if (v) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), v]);
  }
  const teamIds = [...new Set(counted.map((c) => c.incidentId))];
  return { people: new Map([...byUser].map(([u, vs]) => [u, tally(vs)])), team: tally(teamIds.flatMap((id) => (verdict.has(id) ? [verdict.get(id)!] : []))) };
}
