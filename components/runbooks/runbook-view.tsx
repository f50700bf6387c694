import { Card } from "@/components/ui/card";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { severityInfo } from "@/lib/incidents/severity";
import type { RunbookDto } from "@/lib/runbooks/dto";
import { ContactList } from "./contact-list";

/** A runbook to read: when it applies, its ordered steps and whom to call. */
export function RunbookView({ runbook: r }: { runbook: RunbookDto }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Card title="Scenario">
          <p className="text-sm whitespace-pre-wrap">{r.scenario || <span className="text-muted">No scenario written.</span>}</p>
        </Card>
        <Card title={`Steps (${r.steps.length})`}>
          <ol className="list-decimal space-y-3 pl-6 text-sm" aria-label="Steps">
            {r.steps.map((s, i) => (
              <li key={i}>
                <p className="font-medium">{s.title}</p>
                {s.detail && <p className="mt-1 whitespace-pre-wrap text-muted">{s.detail}</p>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <div className="space-y-4">
        <Card title="When it applies">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-medium">Severity hint</dt>
              <dd className="mt-1">
                {r.severityHint ? (
                  <span className="flex items-center gap-2">
                    <SeverityBadge severity={r.severityHint} /> {severityInfo(r.severityHint).meaning}
                  </span>
                ) : (
                  <span className="text-muted">None</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="font-medium">Attached automatically for alerts</dt>
              <dd className="mt-1">
                {r.alertNames.length ? (
                  <ul className="flex flex-wrap gap-1">
                    {r.alertNames.map((n) => (
                      <li key={n}>
                        <code className="rounded bg-raised px-1 text-xs">{n}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">None: responders attach it by hand.</span>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="Contacts">
          <ContactList contacts={r.contacts} />
        </Card>
      </div>
    </div>
  );
}
