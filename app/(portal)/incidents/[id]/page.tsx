import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/queries";
import { listTimeline } from "@/lib/incidents/timeline";
import { parseIncidentRef } from "@/lib/incidents/ref";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { StatusBadge } from "@/components/incidents/status-badge";
import { IncidentControls } from "@/components/incidents/incident-controls";
import { RolesPanel } from "@/components/incidents/roles-panel";
import { TargetsPanel } from "@/components/incidents/targets-panel";
import { IncidentSlos } from "@/components/incidents/incident-slos";
import { PostmortemPanel } from "@/components/incidents/postmortem-panel";
import { IncidentEscalation } from "@/components/oncall/incident-escalation";
import { IncidentOnCall } from "@/components/oncall/incident-oncall";
import { getSeverityTable } from "@/lib/incidents/severity-targets";
import { TimestampsPanel } from "@/components/incidents/timestamps-panel";
import { ImpactPanel } from "@/components/incidents/impact-panel";
import { SloImpact } from "@/components/incidents/slo-impact";
import { LiveTimeline } from "@/components/incidents/live-timeline";
import { TimelineComposer } from "@/components/incidents/timeline-composer";
import { RunbookPanel } from "@/components/incidents/runbook-panel";
import { assignablePeople } from "@/lib/incidents/people";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const ref = parseIncidentRef(decodeURIComponent((await params).id));
  return { title: ref && "number" in ref ? `INC-${ref.number}` : "Incident" };
}

const detectedBy = { alert: "an alert", user: "someone on the team", customer: "a customer report" } as const;

/** Everything the page shows, read at one moment (`now` is that moment, for targets). */
async function load(user: Principal, ref: string) {
  const now = Date.now();
  const incident = await getIncident(user, ref).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const responder = hasRole(user.role, "responder");
  const [timeline, people, table] = await Promise.all([listTimeline(user, incident.id), responder ? assignablePeople(user) : null, getSeverityTable()]);
  return { now, incident, timeline, people, responder, table };
}

export default async function IncidentPage({ params }: Params) {
  const user = await requirePage();
  const { now, incident, timeline, people, responder, table } = await load(user, decodeURIComponent((await params).id));
  return (
    <>
      <PageHeader
        title={`${incident.ref}: ${incident.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={incident.severity} />
            <span data-testid="incident-status">
              <StatusBadge status={incident.status} />
            </span>
            {incident.customerFacing && <Badge tone="warn">Customer-facing</Badge>}
            <span>
              {incident.services.length ? "Affects " : "No services named"}
              {incident.services.map((s, i) => (
                <span key={s.slug}>
                  {i > 0 && ", "}
                  <Link href={`/services/${s.slug}`} className="text-link hover:underline">
                    {s.name}
                  </Link>
                </span>
              ))}
            </span>
            <span>· detected by {detectedBy[incident.detectedBy]}</span>
            {incident.previousIncident && (
              <span>
                · follows{" "}
                <Link href={`/incidents/${incident.previousIncident.ref}`} className="text-link hover:underline">
                  {incident.previousIncident.ref}
                </Link>
              </span>
            )}
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title="Summary">
            <p className="text-sm whitespace-pre-wrap">{incident.summary || <span className="text-muted">No summary yet.</span>}</p>
          </Card>
          <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading runbooks…</p>}>
            <RunbookPanel user={user} incidentId={incident.id} />
          </Suspense>
          <Card title="SLOs during the incident">
            <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading the affected SLOs…</p>}>
              <IncidentSlos user={user} incident={incident} now={now} />
            </Suspense>
          </Card>
          <Card title="Timeline">
            <LiveTimeline incidentId={incident.id} initial={{ items: timeline.items, lastId: timeline.lastId }} />
            {responder && (
              <div className="mt-4">
                <TimelineComposer incidentId={incident.id} />
              </div>
            )}
          </Card>
        </div>
        <div className="space-y-4">
          {responder && (
            <Card title="Response">
              <IncidentControls incident={incident} />
            </Card>
          )}
          <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading who is on call…</p>}>
            <IncidentOnCall user={user} serviceSlugs={incident.services.map((s) => s.slug)} />
          </Suspense>
          <Card title="Escalation">
            <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading the escalation…</p>}>
              <IncidentEscalation user={user} incidentId={incident.id} />
            </Suspense>
          </Card>
          <Card title="People">
            <RolesPanel incident={incident} userId={user.userId} people={people} />
          </Card>
          <Card title="Postmortem">
            <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading…</p>}>
              <PostmortemPanel user={user} incident={incident} table={table} />
            </Suspense>
          </Card>
          <Card title="Targets">
            <TargetsPanel incident={incident} now={now} table={table} />
          </Card>
          <Card title="Times">
            <TimestampsPanel incident={incident} canEdit={responder} />
          </Card>
          <Card title="Impact">
            <ImpactPanel incident={incident} canEdit={responder} />
          </Card>
          <Card title="Error budget impact">
            <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing what the incident cost each SLO…</p>}>
              <SloImpact user={user} incident={incident} />
            </Suspense>
          </Card>
        </div>
      </div>
    </>
  );
}
