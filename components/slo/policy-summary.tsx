import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { servicePolicies, stateCounts } from "@/lib/slo/policy-overview";
import { Card, EmptyState } from "@/components/ui/card";
import { PolicyBadge } from "./policy-badge";

/** Overview tiles: how many services are in each policy state, and the ones that need attention. */
export async function PolicySummary({ user }: { user: Principal }) {
  const policies = await servicePolicies(user);
  const counts = stateCounts(policies);
  const attention = policies.filter((p) => p.state === "exhausted" || p.state === "warning");
  return (
    <Card title="Error-budget policy" action={<Link href="/policy" className="text-sm text-link underline">Policy</Link>}>
      {policies.length === 0 ? (
        <EmptyState title="No SLOs defined yet.">States follow from SLO budgets.</EmptyState>
      ) : (
        <div className="space-y-3">
          <dl className="grid grid-cols-4 gap-2 text-sm">
            {(["healthy", "warning", "exhausted", "unknown"] as const).map((s) => (
              <div key={s}>
                <dt>
                  <PolicyBadge state={s} />
                </dt>
                <dd className="mt-1 text-2xl font-semibold" data-testid={`policy-count-${s}`}>
                  <Link href={`/policy?state=${s}`} className="hover:underline">
                    {counts[s]}
                  </Link>
                </dd>
              </div>
            ))}
          </dl>
          {attention.length > 0 && (
            <ul className="space-y-1 text-sm">
              {attention.map((p) => (
                <li key={p.service}>
                  <Link href={`/services/${p.service}`} className="font-medium text-link hover:underline">
                    {p.serviceName}
                  </Link>
                  : {p.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
