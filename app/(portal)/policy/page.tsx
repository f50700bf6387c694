import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { servicePolicies, stateCounts } from "@/lib/slo/policy-overview";
import { defaultPolicy, type PolicyState } from "@/lib/slo/policy";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { PolicyTable } from "@/components/slo/policy-table";

export const metadata: Metadata = { title: "Error-budget policy" };

const STATES: PolicyState[] = ["exhausted", "warning", "healthy", "unknown"];
const LABEL: Record<PolicyState, string> = { exhausted: "Exhausted", warning: "Warning", healthy: "Healthy", unknown: "No data" };

async function Policies({ state }: { state?: PolicyState }) {
  const user = await requirePage();
  const all = await servicePolicies(user);
  if (all.length === 0) return <EmptyState title="No SLOs yet.">Policy states follow from SLO error budgets.</EmptyState>;
  const counts = stateCounts(all);
  const shown = state ? all.filter((p) => p.state === state) : all;
  return (
    <div className="space-y-3">
      <nav aria-label="Filter by state" className="flex flex-wrap gap-2 text-sm print:hidden">
        <Link href="/policy" aria-current={!state ? "page" : undefined} className="rounded-md border border-line px-2 py-1 aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg">
          All ({all.length})
        </Link>
        {STATES.map((s) => (
          <Link key={s} href={`/policy?state=${s}`} aria-current={state === s ? "page" : undefined} className="rounded-md border border-line px-2 py-1 aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg">
            {LABEL[s]} ({counts[s]})
          </Link>
        ))}
      </nav>
      {shown.length ? <PolicyTable policies={shown} /> : <EmptyState title={`No service is ${LABEL[state!].toLowerCase()}.`} />}
    </div>
  );
}

export default async function PolicyPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  await requirePage();
  const { state } = await searchParams;
  const filter = STATES.includes(state as PolicyState) ? (state as PolicyState) : undefined;
  return (
    <>
      <PageHeader
        title="Error-budget policy"
        description={`Healthy above ${defaultPolicy.warningBelow * 100} % of budget left, Warning down to ${defaultPolicy.exhaustedBelow * 100} %, Exhausted below. A service is in the worst state of its SLOs.`}
      />
      <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing error budgets…</p>}>
        <Policies state={filter} />
      </Suspense>
    </>
  );
}
