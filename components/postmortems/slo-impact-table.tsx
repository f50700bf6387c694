import Link from "next/link";
import { PolicyBadge } from "@/components/slo/policy-badge";
import type { SloImpactSnapshot } from "@/lib/postmortems/slo-impact";
import { utcMinute } from "@/lib/postmortems/time-text";

const pct = (share: number) => `${Number((share * 100).toFixed(1))} %`;

/** What the incident cost each SLO's budget and how that moved its policy state, with when and from what data. */
export function SloImpactTable({ snapshot }: { snapshot: SloImpactSnapshot | null }) {
  if (!snapshot) return <p className="text-sm text-muted">Not computed yet. Keel computes it from the affected services’ SLOs; nobody types it.</p>;
  const sources = [...new Set(snapshot.rows.map((r) => r.dataSource))];
  return (
    <div className="space-y-2">
      {snapshot.rows.length === 0 ? (
        <p className="text-sm text-muted">The affected services have no SLOs.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-line">
          <table className="w-full text-sm">
            <caption className="sr-only">Error budget consumed per SLO</caption>
            <thead className="border-b border-line text-left text-muted">
              <tr>
                {["SLO", "Service", "Budget consumed", "Policy state", "Data source"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snapshot.rows.map((r) => (
                <tr key={r.sloId} className="border-b border-line last:border-0">
                  <td className="px-3 py-1.5">
                    <Link href={`/slos/${r.sloId}`} className="text-link hover:underline">
                      {r.name}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5">{r.service}</td>
                  <td className="px-3 py-1.5 tabular-nums">
                    {r.consumed === null ? <span className="text-muted">Not computed{r.problem ? `: ${r.problem}` : ""}</span> : <span className={r.consumed >= 1 ? "font-semibold text-danger" : undefined}>{pct(r.consumed)}</span>}
                  </td>
                  <td className="px-3 py-1.5">
                    {r.stateBefore === r.stateAfter ? (
                      <span className="inline-flex items-center gap-1">
                        <PolicyBadge state={r.stateAfter} /> <span className="text-xs text-muted">unchanged</span>
                      </span>
                    ) : (
                      <span className="inline-flex items-center gap-1">
                        <PolicyBadge state={r.stateBefore} /> <span aria-label="moved to">→</span> <PolicyBadge state={r.stateAfter} />
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-1.5 text-muted">{r.dataSource}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-muted" data-testid="slo-impact-computed">
        Computed {utcMinute(snapshot.computedAt)} over the incident window {utcMinute(snapshot.from)} to {utcMinute(snapshot.to)}
        {sources.length ? `, from ${sources.join(", ")}` : ""}.
      </p>
    </div>
  );
}
