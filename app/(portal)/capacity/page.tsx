import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { listCapacityResources } from "@/lib/capacity/queries";
import { summariseResources } from "@/lib/capacity/resource-forecast";
import { CAPACITY_BOUNDS } from "@/lib/capacity/schemas";
import type { CapacityResourceDto } from "@/lib/capacity/dto";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { CapacityTable } from "@/components/capacity/capacity-table";

export const metadata: Metadata = { title: "Capacity" };

const HORIZON_MS = CAPACITY_BOUNDS.horizonMs.default;

async function Forecasts({ user, resources }: { user: Principal; resources: CapacityResourceDto[] }) {
  const items = await summariseResources(user, resources, { horizonMs: HORIZON_MS });
  return <CapacityTable items={items} horizonMs={HORIZON_MS} />;
}

function TableSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <div className="h-48 animate-pulse rounded-lg bg-raised" />
      <span className="sr-only">Forecasting…</span>
    </div>
  );
}

export default async function CapacityPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePage();
  const { deleted } = await searchParams;
  const resources = await listCapacityResources(user);
  const admin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Capacity"
        description="Usage against limits, forecast 30 days ahead: when each resource reaches its warning level and its limit, most urgent first. Dates are medians with their 80 % range (UTC)."
        actions={
          <>
            <a href="/api/v1/capacity/report" download className={buttonClass("secondary")}>
              Markdown report
            </a>
            <ButtonLink href="/capacity/keel-database" variant="secondary">
              Keel’s database
            </ButtonLink>
            {admin && <ButtonLink href="/capacity/new">New resource</ButtonLink>}
          </>
        }
      />
      {deleted && (
        <p role="status" className="mb-4 rounded-md border border-ok p-2 text-sm text-ok">
          Resource deleted.
        </p>
      )}
      {resources.length === 0 ? (
        <EmptyState title="No capacity resources tracked yet.">
          {admin ? (
            <>
              Add one with{" "}
              <Link href="/capacity/new" className="text-link underline">
                New resource
              </Link>
              : a template fills in the queries for database connections, disk and request rate.
            </>
          ) : (
            "Admins add resources measured from Prometheus; their forecasts will be listed here."
          )}
        </EmptyState>
      ) : (
        <Suspense fallback={<TableSkeleton />}>
          <Forecasts user={user} resources={resources} />
        </Suspense>
      )}
    </>
  );
}
