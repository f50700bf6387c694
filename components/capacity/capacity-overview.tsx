import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import type { Principal } from "@/lib/auth/roles";
import { listCapacityResources } from "@/lib/capacity/queries";
import { summariseResources } from "@/lib/capacity/resource-forecast";
import { CapacityStatusBadge } from "./status-badge";

const SHOWN = 4;

/** The overview's capacity card: the few resources that need action soonest, with what to do. */
export async function CapacityOverview({ user }: { user: Principal }) {
  const items = await summariseResources(user, await listCapacityResources(user));
  const urgent = items.filter((s) => s.status === "critical" || s.status === "warning" || s.status === "watch").slice(0, SHOWN);
  const unknown = items.filter((s) => s.status === "unknown").length;
  return (
    <Card title="Capacity" action={<Link href="/capacity" className="text-sm text-link underline">Capacity</Link>}>
      {items.length === 0 ? (
        <EmptyState title="No capacity resources tracked yet." />
      ) : urgent.length === 0 ? (
        <p className="text-sm text-muted">
          All {items.length - unknown} forecast resource{items.length - unknown === 1 ? " has" : "s have"} headroom for the next 30 days{unknown ? `; ${unknown} could not be forecast` : ""}.
        </p>
      ) : (
        <ul className="space-y-3 text-sm" aria-label="Most urgent capacity resources">
          {urgent.map((s) => (
            <li key={s.resource.id} className="flex items-start gap-2">
              <CapacityStatusBadge status={s.status} />
              <div className="min-w-0">
                <Link href={`/capacity/${s.resource.id}`} className="font-medium text-link hover:underline">
                  {s.resource.serviceName}: {s.resource.name}
                </Link>
                <p className="text-muted">{s.recommendation}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
