import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { servicePolicies, stateCounts } from "@/lib/slo/policy-overview";
import { getOrgPolicy } from "@/lib/slo/policy-store";
import { filterPolicies, parsePolicyQuery, POLICY_SORTS, POLICY_FILTER_STATES, sortPolicies, type PolicySort } from "@/lib/slo/policy-sort";
import type { PolicyState } from "@/lib/slo/policy";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { PolicyTable } from "@/components/slo/policy-table";

export const metadata: Metadata = { title: "Error-budget policy" };

const LABEL: Record<PolicyState, string> = { exhausted: "Exhausted", warning: "Warning", healthy: "Healthy", unknown: "No data" };
const pill = "rounded-md border border-line px-2 py-1 aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg";

type Query = ReturnType<typeof parsePolicyQuery>;

function href(q: Query, change: Partial<Query>): string {
  const next = { ...q, ...change };
  const params = new URLSearchParams();
  if (next.state) params.set("state", next.state);
  if (next.sort !== "state") params.set("sort", next.sort);
  if (next.q) params.set("q", next.q);
  const s = params.toString();
  return s ? `/policy?${s}` : "/policy";
}

async function evaluate(user: Principal) {
  const now = Date.now();
  return { now, all: await servicePolicies(user, now) };
}

async function Policies({ query }: { query: Query }) {
  const user = await requirePage();
  const { now, all } = await evaluate(user);
  if (all.length === 0) return <EmptyState title="No SLOs yet.">Policy states follow from SLO error budgets.</EmptyState>;
  const counts = stateCounts(all);
  const shown = sortPolicies(filterPolicies(all, query), query.sort);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 print:hidden">
        <nav aria-label="Filter by state" className="flex flex-wrap gap-2 text-sm">
          <Link href={href(query, { state: undefined })} aria-current={!query.state ? "page" : undefined} className={pill}>
            All ({all.length})
          </Link>
          {POLICY_FILTER_STATES.map((s) => (
            <Link key={s} href={href(query, { state: s })} aria-current={query.state === s ? "page" : undefined} className={pill}>
              {LABEL[s]} ({counts[s]})
            </Link>
          ))}
        </nav>
        <form action="/policy" className="flex flex-wrap items-end gap-2 text-sm">
          {query.state && <input type="hidden" name="state" value={query.state} />}
          <label className="flex flex-col gap-1">
            <span className="text-muted">Service</span>
            <input name="q" defaultValue={query.q} placeholder="Filter by name" className="rounded-md border border-line bg-surface px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-muted">Sort by</span>
            <select name="sort" defaultValue={query.sort} className="rounded-md border border-line bg-surface px-2 py-1">
              {(Object.keys(POLICY_SORTS) as PolicySort[]).map((k) => (
                <option key={k} value={k}>
                  {POLICY_SORTS[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-line px-3 py-1">
            Apply
          </button>
        </form>
      </div>
      {shown.length ? (
        <PolicyTable policies={shown} now={now} caption={`Error-budget policy by service (${POLICY_SORTS[query.sort].toLowerCase()})`} />
      ) : (
        <EmptyState title="No service matches." />
      )}
    </div>
  );
}

export default async function PolicyPage({ searchParams }: { searchParams: Promise<{ state?: string; sort?: string; q?: string }> }) {
  const user = await requirePage();
  const query = parsePolicyQuery(await searchParams);
  const org = await getOrgPolicy();
  return (
    <>
      <PageHeader
        title="Error-budget policy"
        description={`Healthy at ${org.warningBelow * 100} % of budget left or more, Warning down to ${org.exhaustedBelow * 100} %, Exhausted below (the organisation's policy; services may have their own). A service is in the worst state of its SLOs.`}
        actions={
          <>
            <PrintButton />
            {hasRole(user.role, "admin") && (
              <ButtonLink href="/policy/settings" variant="secondary">
                Edit policy
              </ButtonLink>
            )}
          </>
        }
      />
      <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Computing error budgets…</p>}>
        <Policies query={query} />
      </Suspense>
    </>
  );
}
