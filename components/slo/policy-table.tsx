import Link from "next/link";
import type { ServicePolicy } from "@/lib/slo/policy-overview";
import { defaultPolicy } from "@/lib/slo/policy";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { BudgetBar } from "./budget-bar";
import { PolicyBadge } from "./policy-badge";

const gateTone = { allow: "ok", caution: "warn", freeze: "danger" } as const;

/** What managers review: per service, the state its budgets put it in and what that demands. */
export function PolicyTable({ policies }: { policies: ServicePolicy[] }) {
  return (
    <Table caption="Error-budget policy by service (worst first)" head={["Service", "State", "Deploys", "SLOs (budget left)", "What the policy asks"]}>
      {policies.map((p) => (
        <tr key={p.service}>
          <td>
            <Link href={`/services/${p.service}`} className="font-medium text-link hover:underline">
              {p.serviceName}
            </Link>
          </td>
          <td>
            <PolicyBadge state={p.state} />
          </td>
          <td>
            <Badge tone={gateTone[p.decision]}>{p.decision}</Badge>
          </td>
          <td>
            <ul className="space-y-1">
              {p.slos.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/slos/${s.id}`} className="text-sm text-link hover:underline">
                    {s.name}
                  </Link>
                  <BudgetBar remaining={s.remaining} />
                </li>
              ))}
            </ul>
          </td>
          <td className="text-sm">
            {p.state === "unknown" ? p.reason : <ul className="list-inside list-disc">{defaultPolicy.actions[p.state].map((a) => <li key={a}>{a}</li>)}</ul>}
          </td>
        </tr>
      ))}
    </Table>
  );
}
