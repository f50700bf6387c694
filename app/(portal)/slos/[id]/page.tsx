import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getSlo } from "@/lib/slo/queries";
import { sloChartContext } from "@/lib/slo/chart-context";
import { sliQueries } from "@/lib/slo/definition";
import { describeWindow } from "@/lib/slo/window";
import { targetText } from "@/lib/slo/format";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { SloTiles } from "@/components/slo/slo-tiles";
import { SloCharts } from "@/components/slo/slo-charts";
import { SloBurnDown } from "@/components/slo/slo-burn-down";
import { SloCorrections } from "@/components/slo/slo-corrections";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { ActionForm } from "@/components/ui/action-form";
import { deleteSloAction, markReviewedAction } from "@/lib/slo/actions";

export const metadata: Metadata = { title: "SLO" };

export default async function SloPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage();
  const slo = await getSlo(user, (await params).id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const charted = slo.sli.kind !== "incidents" ? slo.sli : null;
  const short = charted ? sliQueries(charted, "5m") : null;
  const { policy, overridden, regions } = await sloChartContext(slo);
  return (
    <>
      <PageHeader
        title={slo.name}
        description={slo.description || undefined}
        actions={
          <>
            <a href={`/api/v1/slos/${slo.id}/openslo`} className={buttonClass("secondary")} download>
              Export OpenSLO
            </a>
            {hasRole(user.role, "admin") && (
            <>
              <ButtonLink href={`/slos/${slo.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <ActionForm action={markReviewedAction} hidden={{ id: slo.id }} label="Mark reviewed" />
              <ActionForm action={deleteSloAction} hidden={{ id: slo.id }} label="Delete" variant="danger" confirm={`Delete the SLO "${slo.name}"? Its history stays in Prometheus.`} />
            </>
            )}
          </>
        }
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted">
        <Link href={`/services/${slo.service}`} className="text-link hover:underline">
          {slo.serviceName}
        </Link>
        <span>·</span>
        <span>{describeWindow(slo.window)}</span>
        <span>·</span>
        <span>{slo.budgeting.method === "timeslices" ? `${slo.budgeting.sliceMinutes}-minute timeslices` : "events"}</span>
        {Object.entries(slo.labels).map(([k, v]) => (
          <Badge key={k}>{`${k}=${v}`}</Badge>
        ))}
      </p>
      <div className="space-y-4">
        <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing the error budget…</p>}>
          <SloTiles user={user} slo={slo} policy={policy} overridden={overridden} />
        </Suspense>
        {short && (
          <Card title="History">
            <SloCharts
              datasourceId={slo.datasourceId ?? "default"}
              sliQuery={`1 - ((${short.errors}) / (${short.total}))`}
              burnDownQuery={null}
              target={slo.target}
              slaTarget={slo.slaTarget}
              alertLevels={slo.alertLevels}
              regions={regions}
              policy={policy}
              windowLabel={describeWindow(slo.window)}
            />
            <div className="mt-4">
              <Suspense fallback={<ChartSkeleton label="Loading the burn-down…" />}>
                <SloBurnDown user={user} slo={slo} policy={policy} windowLabel={describeWindow(slo.window)} />
              </Suspense>
            </div>
          </Card>
        )}
        <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Loading maintenance windows…</p>}>
          <SloCorrections user={user} sloId={slo.id} />
        </Suspense>
        <Card title="Definition">
          <dl className="space-y-2 text-sm">
            {short && (
              <>
                <dt className="text-muted">Bad events (rate, 5-minute example)</dt>
                <dd className="font-mono text-xs break-all">{short.errors}</dd>
                <dt className="text-muted">Total events</dt>
                <dd className="font-mono text-xs break-all">{short.total}</dd>
              </>
            )}
            {slo.alertLevels && (
              <>
                <dt className="text-muted">Alert levels</dt>
                <dd>
                  {(["warning", "critical", "page"] as const)
                    .filter((k) => slo.alertLevels?.[k] !== undefined)
                    .map((k) => `${k} ${targetText(slo.alertLevels![k]!)}`)
                    .join(" · ")}
                </dd>
              </>
            )}
            <dt className="text-muted">Owner</dt>
            <dd>{slo.owner || "–"}</dd>
            <dt className="text-muted">Next review</dt>
            <dd>
              {slo.nextReviewAt.slice(0, 10)} (every {slo.reviewEveryDays} days)
            </dd>
          </dl>
        </Card>
      </div>
    </>
  );
}
