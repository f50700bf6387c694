import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { OPEN_STATUSES, type Status } from "@/lib/incidents/lifecycle";
import type { FeedEntry } from "./feed";
import type { PublicMaintenance } from "./maintenance-dto";
import { publicMaintenances } from "./maintenance-public";
import { componentStates, impactEndMs, publicHeadline, publicStatusLabels, stateForSeverity, worstState, type ComponentState } from "./states";
import { dayBars, uptimeRatio, uptimeWindow, type ComponentImpact, type DayBar } from "./uptime";

/*
 * Everything the public status page reads, and nothing more: public services by id and name,
 * customer-facing incidents that touch at least one of them (severity, status, times) and their
 * status_update entries (time and text). Titles, summaries, notes, people, alerts and private
 * services are never selected, so they cannot reach a page by mistake.
 */

const i = schema.incidents;
const is = schema.incidentServices;
const s = schema.services;
const tl = schema.incidentTimeline;

export type PublicComponent = { id: string; name: string };
export type PublicUpdate = { id: number; atMs: number; body: string };
export type PublicIncident = {
  number: number;
  severity: number;
  status: Status;
  open: boolean;
  headline: string;
  state: ComponentState;
  components: PublicComponent[];
  startedMs: number;
  mitigatedMs: number | null;
  resolvedMs: number | null;
  /** Newest first. */
  updates: PublicUpdate[];
};
export type ComponentStatus = PublicComponent & { state: ComponentState; bars: DayBar[]; uptime: number };
export type StatusOverview = { nowMs: number; overall: ComponentState; components: ComponentStatus[]; incidents: PublicIncident[]; maintenances: PublicMaintenance[] };

/** Customer-facing and on at least one public service. */
const isPublic = and(eq(i.customerFacing, true), sql`exists (select 1 from ${is} inner join ${s} on ${s.id} = ${is.serviceId} where ${is.incidentId} = ${i.id} and ${s.public})`);

const isOpen = (status: Status) => OPEN_STATUSES.includes(status);

export async function publicComponents(): Promise<PublicComponent[]> {
  return getDb().select({ id: s.id, name: s.name }).from(s).where(eq(s.public, true)).orderBy(asc(s.name), asc(s.id));
}

/** Public incidents matching `where`, open ones first, then newest first; with public components and updates. */
async function loadIncidents(where: SQL | undefined, limit: number): Promise<PublicIncident[]> {
  const rows = await getDb()
    .select({ id: i.id, number: i.number, severity: i.severity, status: i.status, startedAt: i.startedAt, mitigatedAt: i.mitigatedAt, resolvedAt: i.resolvedAt })
    .from(i)
    .where(and(isPublic, where))
    .orderBy(desc(i.startedAt), desc(i.number))
    .limit(limit);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [links, updates] = await Promise.all([
    getDb()
      .select({ incidentId: is.incidentId, id: s.id, name: s.name })
      .from(is)
      .innerJoin(s, eq(s.id, is.serviceId))
      .where(and(inArray(is.incidentId, ids), eq(s.public, true)))
      .orderBy(asc(s.name)),
    getDb()
      .select({ incidentId: tl.incidentId, id: tl.id, at: tl.at, body: tl.body })
      .from(tl)
      .where(and(inArray(tl.incidentId, ids), eq(tl.kind, "status_update")))
      .orderBy(desc(tl.at), desc(tl.id)),
  ]);
  const incidents = rows.map((r): PublicIncident => {
    const components = links.filter((l) => l.incidentId === r.id).map(({ id, name }) => ({ id, name }));
    return {
      number: r.number,
      severity: r.severity,
      status: r.status,
      open: isOpen(r.status),
      headline: publicHeadline(r.severity, components.map((c) => c.name)),
      state: stateForSeverity(r.severity),
      components,
      startedMs: r.startedAt.getTime(),
      mitigatedMs: r.mitigatedAt?.getTime() ?? null,
      resolvedMs: r.resolvedAt?.getTime() ?? null,
      updates: updates.filter((u) => u.incidentId === r.id).map((u) => ({ id: u.id, atMs: u.at.getTime(), body: u.body })),
    };
  });
  return [...incidents.filter((x) => x.open), ...incidents.filter((x) => !x.open)];
}

/** Public incidents open now or active at some point of the uptime window. */
export async function recentPublicIncidents(nowMs: number): Promise<PublicIncident[]> {
  const from = new Date(uptimeWindow(nowMs).fromMs).toISOString();
  return loadIncidents(sql`(${i.resolvedAt} is null or ${i.resolvedAt} >= ${from}::timestamptz or ${i.startedAt} >= ${from}::timestamptz)`, 1000);
}

/** One public incident by number, or null when there is none (or it is not public). */
export async function publicIncident(number: number): Promise<PublicIncident | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [found] = await loadIncidents(eq(i.number, number), 1);
  return found ?? null;
}

/** The impacts of one component, for its bars and uptime. */
function impactsOf(componentId: string, incidents: readonly PublicIncident[]): ComponentImpact[] {
  return incidents
    .filter((x) => x.components.some((c) => c.id === componentId))
    .map((x) => ({ number: x.number, severity: x.severity, startMs: x.startedMs, endMs: impactEndMs(x) ?? (x.open ? null : (x.resolvedMs ?? x.startedMs)) }));
}

/** Everything the status page shows: banner, components with state, bars and uptime, the incident history and scheduled maintenance. */
export async function statusOverview(nowMs = Date.now()): Promise<StatusOverview> {
  const [components, incidents, maintenances] = await Promise.all([publicComponents(), recentPublicIncidents(nowMs), publicMaintenances(nowMs)]);
  const ongoing = incidents
    .filter((x) => x.open)
    .map((x) => ({ severity: x.severity, startedMs: x.startedMs, mitigatedMs: x.mitigatedMs, resolvedMs: x.resolvedMs, componentIds: x.components.map((c) => c.id) }));
  const states = componentStates(
    components.map((c) => c.id),
    ongoing,
    nowMs,
    maintenances.map((m) => ({ startsMs: m.startsMs, endsMs: m.endsMs, cancelledMs: m.cancelledMs, componentIds: m.components.map((c) => c.id) })),
  );
  const withState = components.map((c) => {
    const impacts = impactsOf(c.id, incidents);
    return { ...c, state: states.get(c.id) ?? "operational", bars: dayBars(impacts, nowMs), uptime: uptimeRatio(impacts, nowMs) };
  });
  return { nowMs, overall: worstState(withState.map((c) => c.state)), components: withState, incidents, maintenances };
}

/** The feed's entries: the public updates of the uptime window, newest first. */
export async function feedEntries(nowMs = Date.now(), limit = 100): Promise<FeedEntry[]> {
  const { fromMs } = uptimeWindow(nowMs);
  return (await recentPublicIncidents(nowMs))
    .flatMap((x) => x.updates.map((u) => ({ id: u.id, incidentNumber: x.number, title: x.headline, status: publicStatusLabels[x.status], body: u.body, atMs: u.atMs })))
    .filter((e) => e.atMs >= fromMs)
    .sort((a, b) => b.atMs - a.atMs || b.id - a.id)
    .slice(0, limit);
}
