import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { incidentEscalation, type EscalationPageDto } from "@/lib/oncall/escalation-view";
import { Badge } from "@/components/ui/badge";
import { fullStamp, shortStamp } from "@/components/incidents/format";

const Stamp = ({ iso }: { iso: string }) => (
  <time dateTime={iso} title={fullStamp(iso)}>
    {shortStamp(iso)}
  </time>
);

const stepName = (p: EscalationPageDto, rounds: number) => `Step ${p.step}${rounds > 1 ? ` (round ${p.round})` : ""}`;

/**
 * The incident's escalation (server component): the policy it follows, who each step paged and
 * when, "Nobody on call" problems as alerts, the next pending step, and what acknowledgement
 * cancelled. Nothing when no policy covers the incident's services.
 */
export async function IncidentEscalation({ user, incidentId }: { user: Principal; incidentId: string }) {
  const runs = await incidentEscalation(user, incidentId);
  if (!runs.length) return <p className="text-sm text-muted">No escalation policy covers this incident&apos;s services, so nobody was paged by Keel.</p>;
  return (
    <div className="space-y-4 text-sm" data-testid="incident-escalation">
      {runs.map((run) => {
        const key = run.policy?.id ?? "deleted";
        const fired = run.pages.filter((p) => p.status === "fired");
        const problems = fired.filter((p) => p.problem);
        const cancelled = run.pages.filter((p) => p.status === "cancelled").length;
        const later = run.pages.filter((p) => p.status === "pending").length - (run.next ? 1 : 0);
        return (
          <section key={key} aria-label={`Escalation: ${run.policy?.name ?? "a deleted policy"}`} className="space-y-2">
            <p className="text-muted">
              {run.policy ? (
                <Link href={`/oncall/escalation/${run.policy.id}`} className="text-link hover:underline">
                  {run.policy.name}
                </Link>
              ) : (
                "A deleted policy"
              )}
              {run.service && ` (for ${run.service.name})`} · {run.steps} step{run.steps === 1 ? "" : "s"}
              {run.rounds > 1 && `, ${run.rounds} rounds`}
            </p>
            {problems.length > 0 && (
              <div role="alert" className="rounded-md border border-danger p-2 text-danger">
                {problems.map((p) => (
                  <p key={p.id}>
                    <strong>{stepName(p, run.rounds)}:</strong> {p.problem}
                  </p>
                ))}
              </div>
            )}
            {fired.length > 0 && (
              <ol className="space-y-1">
                {fired.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-medium">{stepName(p, run.rounds)}</span>
                    <span className="text-xs text-muted">
                      <Stamp iso={p.firedAt ?? p.dueAt} />
                    </span>
                    {p.notified.length ? <span>paged {p.notified.map((n) => n.name).join(", ")}</span> : <Badge tone="danger">Nobody on call</Badge>}
                  </li>
                ))}
              </ol>
            )}
            {run.next ? (
              <p data-testid="escalation-next">
                <span className="font-medium">Next: {stepName(run.next, run.rounds)}</span> pages {run.next.targets.join(", ")} at <Stamp iso={run.next.dueAt} /> unless someone
                acknowledges first{later > 0 && ` (${later} more page${later === 1 ? "" : "s"} planned after it)`}.
              </p>
            ) : cancelled > 0 ? (
              <p className="text-muted">Stopped by acknowledgement: {cancelled} planned page{cancelled === 1 ? "" : "s"} cancelled.</p>
            ) : (
              <p className="text-muted">Every step has been paged; the escalation is over.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
