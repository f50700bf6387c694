import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { onCallBoard } from "@/lib/oncall/oncall-queries";
import { schedulesForServices } from "@/lib/oncall/service-schedules";
import { Card, EmptyState } from "@/components/ui/card";
import { OnCallRows } from "./oncall-now";

/**
 * The incident page's "On call now": the schedules of the teams owning the incident's services
 * (all schedules when no team's schedule matches), with who is on call now. Escalation policies
 * will map services to schedules directly.
 */
export async function IncidentOnCall({ user, serviceSlugs }: { user: Principal; serviceSlugs: string[] }) {
  const { ids, matched } = await schedulesForServices(user, serviceSlugs);
  const entries = ids.length ? await onCallBoard(user, undefined, { ids, coverage: false }) : [];
  return (
    <Card title="On call now">
      {entries.length ? (
        <>
          {!matched && <p className="mb-1 text-xs text-muted">No schedule belongs to these services&apos; teams: showing every schedule.</p>}
          <OnCallRows entries={entries} />
        </>
      ) : (
        <EmptyState title="No on-call schedules yet.">
          <Link href="/oncall" className="text-link underline">
            On-call
          </Link>
        </EmptyState>
      )}
    </Card>
  );
}
