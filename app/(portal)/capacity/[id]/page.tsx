import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { hasRole } from "@/lib/auth/roles";
import { deleteCapacityAction } from "@/lib/capacity/actions";
import { percentText, valueText } from "@/lib/capacity/format";
import { loadCapacityResource } from "@/lib/capacity/load";
import { CAPACITY_BOUNDS, horizonSchema, horizonText } from "@/lib/capacity/schemas";
import { templateById } from "@/lib/capacity/templates";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { ForecastDetails } from "@/components/capacity/forecast-details";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ horizon?: string }> };

export const metadata: Metadata = { title: "Capacity resource" };

const HORIZONS = ["7d", "30d", "90d"];

function Skeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <div className="h-24 animate-pulse rounded-lg bg-raised" />
      <div className="h-80 animate-pulse rounded-lg bg-raised" />
      <span className="sr-only">Forecasting…</span>
    </div>
  );
}

export default async function CapacityResourcePage({ params, searchParams }: Props) {
  const { user, resource: r } = await loadCapacityResource((await params).id);
  const parsed = horizonSchema.safeParse((await searchParams).horizon);
  const horizonMs = parsed.success ? parsed.data : CAPACITY_BOUNDS.horizonMs.default;
  const shown = horizonText(horizonMs);
  const admin = hasRole(user.role, "admin");
  const template = r.template ? templateById(r.template) : undefined;
  return (
    <>
      <PageHeader
        title={r.name}
        description={
          <>
            <Link href={`/services/${r.service}`} className="text-link underline">
              {r.serviceName}
            </Link>
            {` · ${r.datasourceName ?? "default data source"}${template ? ` · from the template “${template.title}”` : ""}`}
          </>
        }
        actions={
          admin ? (
            <>
              <ButtonLink href={`/capacity/${r.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <ActionForm action={deleteCapacityAction} hidden={{ id: r.id }} label="Delete" variant="danger" confirm={`Delete “${r.name}”? Its history stays in Prometheus.`} />
            </>
          ) : null
        }
      />
      <nav aria-label="Forecast horizon" className="mb-4 flex items-center gap-2 text-sm">
        <span className="text-muted">Forecast</span>
        {HORIZONS.map((h) => (
          <Link key={h} href={`/capacity/${r.id}?horizon=${h}`} aria-current={h === shown ? "page" : undefined} className={`rounded-md border px-2 py-1 ${h === shown ? "border-link text-link" : "border-line hover:bg-raised"}`}>
            {h.replace("d", " days")}
          </Link>
        ))}
        {!parsed.success && <span className="text-warn">{parsed.error.issues[0]?.message}</span>}
      </nav>
      <Suspense fallback={<Skeleton />}>
        <ForecastDetails user={user} resource={r} horizonMs={horizonMs} />
      </Suspense>
      <Card title="Definition" className="mt-4">
        <dl className="grid gap-3 text-sm md:grid-cols-2">
          <div className="md:col-span-2">
            <dt className="text-muted">Usage query</dt>
            <dd>
              <code className="break-all font-mono text-xs">{r.usageQuery}</code>
            </dd>
          </div>
          <div className="md:col-span-2">
            <dt className="text-muted">Limit</dt>
            <dd>{r.limitQuery ? <code className="break-all font-mono text-xs">{r.limitQuery}</code> : `${valueText(r.limit ?? NaN, r.unit)} (constant)`}</dd>
          </div>
          <div>
            <dt className="text-muted">Warning level</dt>
            <dd>{percentText(r.warningLevel)} of the limit</dd>
          </div>
          <div>
            <dt className="text-muted">History</dt>
            <dd>
              {r.lookbackDays} days at {r.resolutionSeconds >= 60 ? `${r.resolutionSeconds / 60}-minute` : `${r.resolutionSeconds}-second`} resolution
            </dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
