import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { IncidentDto } from "@/lib/incidents/dto";
import { logger } from "@/lib/observability/logger";
import { incidentSloImpact, type IncidentImpact } from "@/lib/slo/incident-impact";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";

const pct = (ratio: number) => `${ratio >= 0.1 ? Math.round(ratio * 100) : (ratio * 100).toFixed(1)} %`;

async function impactOf(user: Principal, incident: IncidentDto): Promise<IncidentImpact | { error: string }> {
  try {
    return await incidentSloImpact(user, incident);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    logger().error({ err, incident: incident.ref }, "incident SLO impact failed");
    return { error: "The error budget impact could not be computed just now." };
  }
}

/**
 * The share of each affected SLO's error budget the incident consumed (start to resolution, or
 * now), and whether that requires a postmortem. Rendered inside its own Suspense boundary: it
 * waits for Prometheus.
 */
export async function SloImpact({ user, incident }: { user: Principal; incident: IncidentDto }) {
  const impact = await impactOf(user, incident);
  if ("error" in impact) return <p className="text-sm text-danger">{impact.error}</p>;
  if (!impact.slos.length) return <p className="text-sm text-muted">The affected services have no SLOs.</p>;
  const problems = new Set(impact.slos.map((s) => (s.consumed === null ? (s.problem ?? "No data.") : null)));
  if (problems.size === 1 && !problems.has(null)) {
    // The same reason for every SLO (typically no data source): said once.
    return (
      <p className="text-sm text-muted">
        Not computed for {impact.slos.map((s) => s.name).join(", ")}: {[...problems][0]}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <Table caption="Error budget consumed per SLO" head={["SLO", "Budget consumed", "Postmortem"]}>
        {impact.slos.map((s) => (
          <tr key={s.sloId}>
            <td>
              <Link href={`/slos/${s.sloId}`} className="text-link hover:underline">
                {s.name}
              </Link>
            </td>
            <td>{s.consumed !== null ? pct(s.consumed) : <span className="text-muted">{s.problem ?? "No data"}</span>}</td>
            <td>{s.consumed !== null && s.consumed > impact.threshold ? <Badge tone="danger">Postmortem required</Badge> : <span className="text-muted">Not required</span>}</td>
          </tr>
        ))}
      </Table>
      <p className={`text-sm ${impact.postmortemRequired ? "text-danger" : "text-muted"}`}>{impact.reason}</p>
    </div>
  );
}
