import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listSlos } from "@/lib/slo/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SloTable } from "@/components/slo/slo-table";

export const metadata: Metadata = { title: "SLOs" };

export default async function SlosPage() {
  const user = await requirePage();
  const slos = await listSlos(user);
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
      {slos.length === 0 ? (
        <EmptyState title="No SLOs defined yet.">Admins define SLOs per service: what is measured, the target and the window.</EmptyState>
      ) : (
        <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing error budgets…</p>}>
          <SloTable user={user} slos={slos} />
        </Suspense>
      )}
    </>
  );
}
