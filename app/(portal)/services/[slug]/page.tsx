import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { loadService } from "@/lib/services/load";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge, TierBadge } from "@/components/ui/badge";
import { DeleteServiceButton } from "@/components/services/delete-service-button";
import { ServiceDashboard } from "@/components/services/service-dashboard";
import { listServiceCharts } from "@/lib/service-charts/queries";
import { listDatasources } from "@/lib/datasources/queries";
import { Suspense } from "react";
import { ServiceCapacity } from "@/components/capacity/service-capacity";
import { ServiceSlos } from "@/components/slo/service-slos";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).slug };
}

const linkLabels = { runbook: "Runbook", repository: "Repository", dashboard: "Dashboard" } as const;

export default async function ServicePage({ params }: Params) {
  const { user, service: s } = await loadService((await params).slug);
  const admin = hasRole(user.role, "admin");
  const [charts, datasources] = await Promise.all([listServiceCharts(user, s.slug), listDatasources(user)]);
  return (
    <>
      <PageHeader
        title={s.name}
        description={s.description || undefined}
        actions={
          admin ? (
            <>
              <ButtonLink href={`/services/${s.slug}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <DeleteServiceButton slug={s.slug} name={s.name} />
            </>
          ) : null
        }
      />
      <div className="grid gap-4 md:grid-cols-3">
        <Card title="About" className="md:col-span-1">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-muted">Slug</dt>
              <dd className="font-mono">{s.slug}</dd>
            </div>
            <div>
              <dt className="text-muted">Owning team</dt>
              <dd>{s.team?.name ?? "No team"}</dd>
            </div>
            <div>
              <dt className="text-muted">Tier</dt>
              <dd>
                <TierBadge tier={s.tier} />
              </dd>
            </div>
            <div>
              <dt className="text-muted">Status page</dt>
              <dd>{s.public ? "Public" : "Internal only"}</dd>
            </div>
            <div>
              <dt className="text-muted">Labels</dt>
              <dd className="flex flex-wrap gap-1">
                {Object.keys(s.labels).length ? Object.entries(s.labels).map(([k, v]) => <Badge key={k}>{`${k}=${v}`}</Badge>) : "None"}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="Links" className="md:col-span-2">
          {Object.keys(s.links).length ? (
            <ul className="space-y-1 text-sm">
              {(Object.keys(linkLabels) as (keyof typeof linkLabels)[]).map((k) =>
                s.links[k] ? (
                  <li key={k}>
                    <span className="text-muted">{linkLabels[k]}: </span>
                    <a href={s.links[k]} className="text-link underline" rel="noreferrer noopener" target="_blank">
                      {s.links[k]}
                    </a>
                  </li>
                ) : null,
              )}
            </ul>
          ) : (
            <p className="text-sm text-muted">No links yet.</p>
          )}
        </Card>
        <Card title="Golden signals" className="md:col-span-3">
          {datasources.length === 0 ? (
            <EmptyState title="No data source configured.">Charts appear here once an admin adds a Prometheus data source in Settings.</EmptyState>
          ) : charts.length === 0 ? (
            <EmptyState title="No charts pinned yet.">
              Open{" "}
              <Link href="/explore" className="text-link underline">
                Explore
              </Link>
              , run a query and pin it to this service.
            </EmptyState>
          ) : (
            <ServiceDashboard service={s.slug} charts={charts} canEdit={hasRole(user.role, "responder")} />
          )}
        </Card>
        <Suspense fallback={<div className="h-28 animate-pulse rounded-lg bg-raised md:col-span-3" aria-hidden />}>
          <ServiceCapacity user={user} service={s.slug} />
        </Suspense>
        <Suspense fallback={<div className="h-28 animate-pulse rounded-lg bg-raised md:col-span-3" aria-hidden />}>
          <ServiceSlos user={user} service={s.slug} />
        </Suspense>
      </div>
    </>
  );
}
