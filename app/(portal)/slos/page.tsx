import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import Link from "next/link";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { listSlos } from "@/lib/slo/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SloTable } from "@/components/slo/slo-table";

export const metadata: Metadata = { title: "SLOs" };

async function withOverdue(user: Principal) {
  const now = Date.now();
  const slos = await listSlos(user);
  return { slos, overdue: slos.filter((s) => Date.parse(s.nextReviewAt) < now) };
}

const pill = "rounded-md border border-line px-2 py-1 aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg";

export default async function SlosPage({ searchParams }: { searchParams: Promise<{ review?: string }> }) {
  const user = await requirePage();
  const overdueOnly = (await searchParams).review === "overdue";
  const { slos: all, overdue } = await withOverdue(user);
  const slos = overdueOnly ? overdue : all;
  return (
    <>
      <PageHeader
        title="SLOs"
        description="Service level objectives, their error budgets and how fast they burn."
        actions={
          <>
            {slos.length > 0 && (
              <a href="/api/v1/rules" className={buttonClass("secondary")} download>
                Download Prometheus rules
              </a>
            )}
            {hasRole(user.role, "admin") && (
              <>
                <ButtonLink href="/slos/import" variant="secondary">
                  Import
                </ButtonLink>
                <ButtonLink href="/slos/new">New SLO</ButtonLink>
              </>
            )}
          </>
        }
      />
      {all.length > 0 && (
        <nav aria-label="Filter SLOs" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href="/slos" aria-current={!overdueOnly ? "page" : undefined} className={pill}>
            All ({all.length})
          </Link>
          <Link href="/slos?review=overdue" aria-current={overdueOnly ? "page" : undefined} className={pill}>
            Review overdue ({overdue.length})
          </Link>
        </nav>
      )}
      {overdueOnly && slos.length === 0 ? (
        <EmptyState title="No SLO is overdue for review." />
      ) : slos.length === 0 ? (
        <EmptyState title="No SLOs defined yet.">Admins define SLOs per service: what is measured, the target and the window.</EmptyState>
      ) : (
        <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing error budgets…</p>}>
          <SloTable user={user} slos={slos} />
        </Suspense>
      )}
    </>
  );
}
