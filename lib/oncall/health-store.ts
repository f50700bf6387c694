import "server-only";
import { and, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { assertRole, type Principal } from "@/lib/auth/roles";
import { severityOf } from "@/lib/incidents/severity";
import { getSeverityTable } from "@/lib/incidents/severity-targets";
import { logger } from "@/lib/observability/logger";
import { compensation, type CompensationRow } from "./compensation";
import type { EscalationStep } from "./escalation";
import { finalShifts } from "./final";
import { onCallHealth, personIntervals, type OnCallInterval, type PersonHealth, type TeamHealth } from "./health";
import type { Period } from "./health-period";
import { countedIncidents, healthPages, responseCompliance, responseWork, type Compliance, type EscalationPageFact, type IncidentFact } from "./health-report";
import { loadOverrides, loadSchedule } from "./load";
import { getRates, type RatesDto } from "./rates-store";

/**
 * On-call health and compensation over a period, per person and for the team, from the stored
 * schedules (final shifts, backups included: anyone on call on any layer), fired escalation
 * timers and incidents. Which incidents count for whom: see health-report.ts. With a team, the
 * people are its members; without, everyone on call or paged in the period.
 */

type Person = { id: string; name: string; email: string; timeZone: string };
export type HealthPersonDto = PersonHealth & { name: string; email: string; compliance: Compliance };
export type HealthReport = {
  period: Period;
  team: { slug: string; name: string } | null;
  teams: { slug: string; name: string }[];
  people: HealthPersonDto[];
  total: TeamHealth & { compliance: Compliance };
};
export type CompensationReport = { period: Period; team: { slug: string; name: string } | null; rates: RatesDto; rows: (CompensationRow & { name: string; email: string })[] };

async function gather(period: Period, teamSlug: string | undefined) {
  const db = getDb();
  const teams = await db.select({ id: schema.teams.id, slug: schema.teams.slug, name: schema.teams.name }).from(schema.teams).orderBy(schema.teams.name);
  const team = teamSlug ? teams.find((t) => t.slug === teamSlug) : undefined;
  if (teamSlug && !team) throw new AppError("bad_request", "Some fields need attention.", { team: [`No team "${teamSlug}".`] });

  const bySchedule = new Map<string, OnCallInterval[]>();
  const scheduleTeams = await db.select({ id: schema.schedules.id, teamId: schema.schedules.teamId }).from(schema.schedules);
  for (const s of scheduleTeams) {
    try {
      const { schedule } = await loadSchedule(s.id);
      const shifts = finalShifts(schedule, await loadOverrides(s.id, period), period.fromMs, period.toMs);
      bySchedule.set(s.id, personIntervals(shifts, { layers: true }));
    } catch (err) {
      logger().warn({ err, schedule: s.id }, "on-call health: schedule skipped");
    }
  }

  const t = schema.escalationTimers;
  const fired = await db
    .select({ id: t.id, incidentId: t.incidentId, firedAt: t.firedAt, notified: t.notified })
    .from(t)
    .where(and(eq(t.status, "fired"), isNotNull(t.firedAt), gte(t.firedAt, new Date(period.fromMs)), lt(t.firedAt, new Date(period.toMs))));
  const pages: EscalationPageFact[] = fired.filter((f) => f.notified.length).map((f) => ({ timerId: f.id, incidentId: f.incidentId, atMs: f.firedAt!.getTime(), userIds: f.notified }));

  const i = schema.incidents;
  const cols = { id: i.id, severity: i.severity, startedAt: i.startedAt, detectedAt: i.detectedAt, acknowledgedAt: i.acknowledgedAt, mitigatedAt: i.mitigatedAt, resolvedAt: i.resolvedAt };
  const started = await db.select(cols).from(i).where(and(gte(i.startedAt, new Date(period.fromMs)), lt(i.startedAt, new Date(period.toMs))));
  const pagedIds = [...new Set(pages.map((p) => p.incidentId))].filter((id) => !started.some((s) => s.id === id));
  const rows = [...started, ...(pagedIds.length ? await db.select(cols).from(i).where(inArray(i.id, pagedIds)) : [])];

  // Schedules covering each incident's services: named by the service's policy, or the service's team's.
  const links = rows.length
    ? await db
        .select({ incidentId: schema.incidentServices.incidentId, teamId: schema.services.teamId, steps: schema.escalationPolicies.steps })
        .from(schema.incidentServices)
        .innerJoin(schema.services, eq(schema.services.id, schema.incidentServices.serviceId))
        .leftJoin(schema.serviceEscalationPolicies, eq(schema.serviceEscalationPolicies.serviceId, schema.services.id))
        .leftJoin(schema.escalationPolicies, eq(schema.escalationPolicies.id, schema.serviceEscalationPolicies.policyId))
        .where(inArray(schema.incidentServices.incidentId, rows.map((r) => r.id)))
    : [];
  const incidents: IncidentFact[] = rows.map((r) => {
    const mine = links.filter((l) => l.incidentId === r.id);
    const named = mine.flatMap((l) => ((l.steps ?? []) as unknown as EscalationStep[]).flatMap((st) => st.targets.flatMap((x) => (x.kind === "user" ? [] : [x.scheduleId]))));
    const teamOwned = scheduleTeams.filter((s) => s.teamId && mine.some((l) => l.teamId === s.teamId)).map((s) => s.id);
    return {
      id: r.id,
      severity: severityOf(r.severity),
      startedMs: r.startedAt.getTime(),
      detectedMs: r.detectedAt.getTime(),
      acknowledgedMs: r.acknowledgedAt?.getTime() ?? null,
      endMs: (r.mitigatedAt ?? r.resolvedAt)?.getTime() ?? null,
      scheduleIds: [...new Set([...named, ...teamOwned])],
    };
  });

  const counted = countedIncidents(pages, incidents, bySchedule);
  const intervals = [...bySchedule.values()].flat();
  const u = schema.users;
  const members = team ? await db.select({ id: u.id }).from(u).where(eq(u.teamId, team.id)) : [];
  const ids = team ? members.map((m) => m.id) : [...new Set([...intervals.map((x) => x.userId), ...pages.flatMap((p) => p.userIds), ...counted.map((c) => c.userId)])];
  const people: Person[] = ids.length ? await db.select({ id: u.id, name: u.name, email: u.email, timeZone: u.timeZone }).from(u).where(inArray(u.id, ids)) : [];
  const known = new Set(people.map((p) => p.id));
  return {
    teams: teams.map(({ slug, name }) => ({ slug, name })),
    team: team ? { slug: team.slug, name: team.name } : null,
    people,
    intervals: intervals.filter((x) => known.has(x.userId)),
    pages: healthPages(pages, counted, incidents).filter((p) => known.has(p.userId)),
    counted: counted.filter((c) => known.has(c.userId)),
    incidents,
    timeZones: Object.fromEntries(people.map((p) => [p.id, p.timeZone])),
  };
}

/** The health report (viewer and up): hours by part of day, pages, interruptions, the SRE book's limits, response compliance. */
export async function onCallHealthReport(actor: Principal, q: { period: Period; team?: string }, nowMs = Date.now()): Promise<HealthReport> {
  assertRole(actor, "viewer");
  const g = await gather(q.period, q.team);
  const health = onCallHealth(g.intervals, g.pages, { fromMs: q.period.fromMs, toMs: q.period.toMs, timeZones: g.timeZones, people: g.people.map((p) => p.id) });
  const compliance = responseCompliance(g.counted, g.incidents, await getSeverityTable(), nowMs);
  const none: Compliance = { met: 0, missed: 0, open: 0, rate: null };
  const byId = new Map(g.people.map((p) => [p.id, p]));
  return {
    period: q.period,
    team: g.team,
    teams: g.teams,
    people: health.people.map((h) => ({ ...h, name: byId.get(h.userId)?.name ?? "", email: byId.get(h.userId)?.email ?? "", compliance: compliance.people.get(h.userId) ?? none })).sort((a, b) => b.onCallHours - a.onCallHours || a.name.localeCompare(b.name)),
    total: { ...health.team, compliance: compliance.team },
  };
}

/** The compensation report (admin: it is pay) with the rates in force. */
export async function compensationReport(actor: Principal, q: { period: Period; team?: string }): Promise<CompensationReport> {
  assertRole(actor, "admin");
  const g = await gather(q.period, q.team);
  const rates = await getRates(actor);
  const rows = compensation(g.intervals, responseWork(g.counted, g.incidents, q.period.toMs), { fromMs: q.period.fromMs, toMs: q.period.toMs, timeZones: g.timeZones, rates, people: g.people.map((p) => p.id) });
  const byId = new Map(g.people.map((p) => [p.id, p]));
  return { period: q.period, team: g.team, rates, rows: rows.map((r) => ({ ...r, name: byId.get(r.userId)?.name ?? "", email: byId.get(r.userId)?.email ?? "" })) };
}
