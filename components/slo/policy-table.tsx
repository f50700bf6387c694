import Link from "next/link";
import type { ServicePolicy } from "@/lib/slo/policy-overview";
import { durationText } from "@/lib/slo/format";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { formatFullTimestamp } from "@/components/charts/format";
import { BudgetBar } from "./budget-bar";
import { BudgetTrend } from "./budget-trend";
import { PolicyBadge } from "./policy-badge";
import { PolicyHistory } from "./policy-history";

const gateTone = { allow: "ok", caution: "warn", freeze: "danger" } as const;

/** What managers review: per service, the state its budgets put it in, since when, and what that demands. */
export function PolicyTable({ policies, now, caption }: { policies: ServicePolicy[]; now: number; caption: string }) {
  return (
    <Table caption={caption} head={["Service", "State", "Deploys", "SLOs (budget left, 7-day trend)", "What the policy asks"]}>
      {policies.map((p) => (
        <tr key={p.service} className="align-top">
          <td>
            <Link href={`/services/${p.service}`} className="font-medium text-link hover:underline">
              {p.serviceName}
            </Link>
            {p.overridden && (
              <div className="mt-1">
                <Badge>own policy</Badge>
              </div>
            )}
          </td>
          <td>
            <PolicyBadge state={p.state} />
            {p.since && (
              <div className="mt-1 text-xs text-muted">
                since <time dateTime={p.since}>{formatFullTimestamp(Date.parse(p.since), "UTC")}</time> ({durationText(now - Date.parse(p.since))})
              </div>
            )}
            {p.history.length > 1 && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-link">History</summary>
                <div className="mt-2">
                  <PolicyHistory entries={p.history} now={now} serviceName={p.serviceName} />
                </div>
              </details>
            )}
          </td>
          <td>
            <Badge tone={gateTone[p.decision]}>{p.decision}</Badge>
          </td>
          <td>
            <ul className="space-y-2">
              {p.slos.map((s) => (
                <li key={s.id}>
                  <Link href={`/slos/${s.id}`} className="text-sm text-link hover:underline">
                    {s.name}
                  </Link>
                  <div className="flex flex-wrap items-center gap-x-3">
                    <BudgetBar remaining={s.remaining} policy={p.policy} />
                    <BudgetTrend now={s.remaining} weekAgo={s.remainingWeekAgo} />
                  </div>
                  {s.problem && <div className="text-xs text-danger">{s.problem}</div>}
                </li>
              ))}
            </ul>
          </td>
          <td className="text-sm">
            {p.state === "unknown" ? (
              p.reason
            ) : (
              <ul className="list-inside list-disc">
                {p.policy.actions[p.state].map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
