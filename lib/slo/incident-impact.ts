import "server-only";
import type { Principal } from "@/lib/auth/roles";
import type { IncidentDto } from "@/lib/incidents/dto";
import { batchScalars } from "@/lib/prometheus/batch";
import { PromQueryFailed } from "@/lib/prometheus/server-query";
import { combineCounts, countPlan } from "./count-plan";
import { outagesFor } from "./incident-outages";
import { outageCounts } from "./incident-sli";
import { listSlos, type SloDto } from "./queries";
import { sloStatus } from "./status";

/** The policy's rule: an incident that consumed more than this share of any budget requires a postmortem. */
export const POSTMORTEM_BUDGET_SHARE = 0.2;

export type SloImpact = {
  sloId: string;
  name: string;
  service: string;
  /** Share of the SLO's current error budget spent during the incident (over 1: more than all of it). */
  consumed: number | null;
  /** Bad events (or slices, or seconds) inside the incident, and what the budget allows over the window. */
  bad: number | null;
  allowed: number | null;
  /** Share of the budget left now (after the incident), for the policy state it leaves the SLO in. */
  remaining: number | null;
  /** What the figures come from: "Prometheus (<data source>)" or "Keel's incidents". */
  dataSource: string;
  problem: string | null;
};

export type IncidentImpact = { from: string; to: string; slos: SloImpact[]; postmortemRequired: boolean; threshold: number; reason: string };

async function badDuring(actor: Principal, slo: SloDto, fromMs: number, toMs: number): Promise<number> {
  if (slo.sli.kind === "incidents") {
    const key = `${slo.serviceId}:${slo.sli.minSeverity}`;
    const outages = (await outagesFor([{ serviceId: slo.serviceId, minSeverity: slo.sli.minSeverity }], fromMs, toMs)).get(key) ?? [];
    const c = outageCounts(outages, fromMs, toMs);
    return c.total - c.good;
  }
  const span = toMs - fromMs;
  const plan = countPlan(slo.sli, slo.budgeting, { startMs: fromMs, endMs: toMs, lengthMs: span, elapsedMs: span }, toMs);
  const results = await batchScalars(actor, slo.datasourceId ?? "default", plan.map((p) => p.query), toMs);
  const values = results.map((r) => {
    if ("error" in r) throw r.error;
    return r.value;
  });
  const c = combineCounts(plan, values);
  return c.total - c.good;
}

/**
 * What an incident cost each SLO of its services: the bad events inside the incident (start to
 * resolution, or now) as a share of the budget the SLO's window allows now. Over 20 % of any budget
 * means the incident requires a postmortem.
 */
export async function incidentSloImpact(actor: Principal, incident: IncidentDto, now = Date.now()): Promise<IncidentImpact> {
  const fromMs = Date.parse(incident.timestamps.started);
  const toMs = Math.max(fromMs + 60_000, Math.min(now, incident.timestamps.resolved ? Date.parse(incident.timestamps.resolved) : now));
  const services = new Set(incident.services.map((s) => s.slug));
  const slos = (await listSlos(actor)).filter((s) => services.has(s.service));
  const slosOut = await Promise.all(
    slos.map(async (slo): Promise<SloImpact> => {
      const dataSource = slo.sli.kind === "incidents" ? "Keel's incidents" : `Prometheus (${slo.datasourceId ? `data source ${slo.datasourceId}` : "default data source"})`;
      const base = { sloId: slo.id, name: slo.name, service: slo.service, dataSource };
      try {
        const [bad, status] = await Promise.all([badDuring(actor, slo, fromMs, toMs), sloStatus(actor, slo, now)]);
        const budget = status.budget && !status.budget.noData ? status.budget : null;
        const allowed = budget ? budget.allowedBadEvents : null;
        if (status.problem) return { ...base, consumed: null, bad, allowed: null, remaining: null, problem: status.problem };
        return { ...base, bad, allowed, remaining: budget ? budget.remaining : null, consumed: allowed ? bad / allowed : null, problem: null };
      } catch (err) {
        if (err instanceof PromQueryFailed) return { ...base, consumed: null, bad: null, allowed: null, remaining: null, problem: err.message };
        throw err;
      }
    }),
  );
  const over = slosOut.filter((s) => s.consumed !== null && s.consumed > POSTMORTEM_BUDGET_SHARE);
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    slos: slosOut,
    postmortemRequired: over.length > 0,
    threshold: POSTMORTEM_BUDGET_SHARE,
    reason: over.length
      ? `Consumed ${over.map((s) => `${Math.round(s.consumed! * 100)} % of the budget of ${s.name}`).join(", ")}: over ${POSTMORTEM_BUDGET_SHARE * 100} % requires a postmortem.`
      : `No SLO lost more than ${POSTMORTEM_BUDGET_SHARE * 100} % of its budget.`,
  };
}
