import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import type { SloDto } from "@/lib/slo/queries";
import { sloSummaries } from "@/lib/slo/summaries";
import { policiesForServices } from "@/lib/slo/policy-store";
import { policyState } from "@/lib/slo/policy";
import { burnText, percent, targetText } from "@/lib/slo/format";
import { describeWindow } from "@/lib/slo/window";
import { Table } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { BudgetBar } from "./budget-bar";
import { PolicyBadge } from "./policy-badge";

async function summariesNow(user: Principal, slos: SloDto[]) {
  const now = Date.now();
  const [summaries, policies] = await Promise.all([sloSummaries(user, slos, now), policiesForServices([...new Set(slos.map((s) => s.serviceId))])]);
  return { now, summaries, policies };
}

/** Every SLO with its numbers now; rendered inside a Suspense boundary (it waits for Prometheus). */
export async function SloTable({ user, slos }: { user: Principal; slos: SloDto[] }) {
  const { now, summaries, policies } = await summariesNow(user, slos);
  return (
    <Table caption="SLOs and their error budgets" head={["Service", "SLO", "Target", "SLI", "Budget left", "Burn (1 h)", "State", "Review"]}>
      {slos.map((s) => {
        const st = summaries.get(s.id)!;
        const remaining = st.remaining;
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
            <td className="tabular-nums">{st.problem ? <span className="text-xs text-danger">{st.problem}</span> : st.sli != null ? percent(st.sli) : "no data"}</td>
            <td>
              <BudgetBar remaining={remaining} policy={policies.get(s.serviceId)?.policy} />
            </td>
            <td className="tabular-nums">{burnText(st.burn1h)}</td>
            <td>
              <PolicyBadge state={policyState(remaining, policies.get(s.serviceId)?.policy)} />
            </td>
            <td>{overdue ? <Badge tone="warn">overdue</Badge> : <span className="text-xs text-muted">{s.nextReviewAt.slice(0, 10)}</span>}</td>
          </tr>
        );
      })}
    </Table>
  );
}
