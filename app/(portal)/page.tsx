import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { serviceCounts } from "@/lib/services/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card, EmptyState } from "@/components/ui/card";
import { PolicySummary } from "@/components/slo/policy-summary";
import { OpenIncidents } from "@/components/incidents/open-incidents";
import { PostmortemOverview } from "@/components/postmortems/postmortem-overview";
import { CapacityOverview } from "@/components/capacity/capacity-overview";
import { OnCallNow } from "@/components/oncall/oncall-now";

export const metadata: Metadata = { title: "Overview" };

async function CatalogueCard() {
  const user = await requirePage();
  const c = await serviceCounts(user);
  return (
    <Card title="Service catalogue" action={<Link href="/services" className="text-sm text-link underline">All services</Link>}>
      {c.total === 0 ? (
        <EmptyState title="No services yet." />
      ) : (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          <div>
            <dt className="text-muted">Services</dt>
            <dd className="text-2xl font-semibold" data-testid="services-total">{c.total}</dd>
          </div>
          {[1, 2, 3].map((tier) => (
            <div key={tier}>
              <dt className="text-muted">Tier {tier}</dt>
              <dd className="text-2xl font-semibold">
                <Link href={`/services?tier=${tier}`} className="hover:underline">
                  {c.byTier[tier]}
                </Link>
              </dd>
            </div>
          ))}
          <div>
            <dt className="text-muted">On status page</dt>
            <dd className="text-2xl font-semibold">{c.public}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

function Skeleton() {
  return <div className="h-28 animate-pulse rounded-lg bg-raised" aria-hidden />;
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requirePage();
  const { denied } = await searchParams;
  return (
    <>
      <PageHeader title="Overview" description={`Welcome back, ${user.name}.`} />
      {denied && (
        <p role="alert" className="mb-4 rounded-md border border-warn p-2 text-sm text-warn">
          That page needs a higher role than yours ({user.role}).
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <Suspense fallback={<Skeleton />}>
            <CatalogueCard />
          </Suspense>
        </div>
        <Suspense fallback={<Skeleton />}>
          <PolicySummary user={user} />
        </Suspense>
        <Suspense fallback={<Skeleton />}>
          <OpenIncidents user={user} />
        </Suspense>
        <Suspense fallback={<Skeleton />}>
          <PostmortemOverview user={user} />
        </Suspense>
        <Suspense fallback={<Skeleton />}>
          <OnCallNow user={user} />
        </Suspense>
        <Suspense fallback={<Skeleton />}>
          <CapacityOverview user={user} />
        </Suspense>
      </div>
    </>
  );
}
