import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import type { SloDto } from "@/lib/slo/queries";
import { sloStatus } from "@/lib/slo/status";
import { policyState } from "@/lib/slo/policy";
import { burnText, percent, targetText } from "@/lib/slo/format";
import { describeWindow } from "@/lib/slo/window";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { BudgetBar } from "./budget-bar";
import { PolicyBadge } from "./policy-badge";

async function statusesNow(user: Principal, slos: SloDto[]) {
  const now = Date.now();
  return { now, statuses: await Promise.all(slos.map((s) => sloStatus(user, s, now))) };
}

/** Every SLO with its numbers now; rendered inside a Suspense boundary (it waits for Prometheus). */
export async function SloTable({ user, slos }: { user: Principal; slos: SloDto[] }) {
  const { now, statuses } = await statusesNow(user, slos);
  return (
    <Table caption="SLOs and their error budgets" head={["Service", "SLO", "Target", "SLI", "Budget left", "Burn (1 h)", "State", "Review"]}>
      {slos.map((s, i) => {
        const st = statuses[i];
        const remaining = st.budget && !st.budget.noData ? st.budget.remaining : null;
        const overdue = Date.parse(s.nextReviewAt) < now;
        return (
          <tr key={s.id}>
            <td>
              <Link href={`/services/${s.service}`} className="text-link hover:underline">
                {s.serviceName}
              </Link>
            </td>
            <td>
              <Link href={`/slos/${s.id}`} className="font-medium text-link hover:underline">
                {s.name}
              </Link>
              <div className="text-xs text-muted">{describeWindow(s.window)}</div>
            </td>
            <td className="tabular-nums">{targetText(s.target)}</td>
            <td className="tabular-nums">{st.problem ? <span className="text-xs text-danger">{st.problem}</span> : st.budget?.sli != null ? percent(st.budget.sli) : "no data"}</td>
            <td>
              <BudgetBar remaining={remaining} />
            </td>
            <td className="tabular-nums">{burnText(st.burnRates["1h"])}</td>
            <td>
              <PolicyBadge state={policyState(remaining)} />
            </td>
            <td>{overdue ? <Badge tone="warn">overdue</Badge> : <span className="text-xs text-muted">{s.nextReviewAt.slice(0, 10)}</span>}</td>
          </tr>
        );
      })}
    </Table>
  );
}
