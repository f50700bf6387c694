import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import type { IncidentDto } from "@/lib/incidents/dto";
import { incidentChartWindow } from "@/lib/incidents/chart-window";
import { sliQueries } from "@/lib/slo/definition";
import { listSlos, type SloDto } from "@/lib/slo/queries";
import { IncidentSliCharts, type IncidentSliChart } from "./incident-sli-charts";

async function slosOf(user: Principal, incident: IncidentDto): Promise<SloDto[]> {
  const lists = await Promise.all(incident.services.map((s) => listSlos(user, { service: s.slug })));
  return lists.flat();
}

/**
 * The affected services' SLIs over the incident window (from Prometheus, through Keel's proxy).
 * SLOs counted from Keel's own incidents have no series to chart; they are named with a link.
 */
export async function IncidentSlos({ user, incident, now }: { user: Principal; incident: IncidentDto; now: number }) {
  const slos = await slosOf(user, incident);
  if (!slos.length) return <p className="text-sm text-muted">The affected services have no SLOs.</p>;
  const charts: IncidentSliChart[] = [];
  const uncharted: SloDto[] = [];
  for (const slo of slos) {
    if (slo.sli.kind === "incidents") {
      uncharted.push(slo);
      continue;
    }
    const q = sliQueries(slo.sli, "5m");
    charts.push({ id: slo.id, name: `${slo.name} (${slo.serviceName})`, datasourceId: slo.datasourceId ?? "default", sliQuery: `1 - ((${q.errors}) / (${q.total}))`, target: slo.target, slaTarget: slo.slaTarget, alertLevels: slo.alertLevels });
  }
  const window = incidentChartWindow(Date.parse(incident.timestamps.started), incident.timestamps.resolved ? Date.parse(incident.timestamps.resolved) : null, now);
  return (
    <div className="space-y-3">
      {charts.length > 0 && <IncidentSliCharts charts={charts} window={window} label={incident.ref} />}
      {uncharted.length > 0 && (
        <p className="text-sm text-muted">
          Counted from Keel&apos;s incidents, not charted here:{" "}
          {uncharted.map((s, k) => (
            <span key={s.id}>
              {k > 0 && ", "}
              <Link href={`/slos/${s.id}`} className="text-link hover:underline">
                {s.name}
              </Link>
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
