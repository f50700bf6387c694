import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { percentText } from "@/lib/capacity/format";
import { listCapacityResources } from "@/lib/capacity/queries";
import { summariseResources } from "@/lib/capacity/resource-forecast";
import { CapacityStatusBadge } from "./status-badge";

/** A service's capacity resources, most urgent first, each with its recommendation. */
export async function ServiceCapacity({ user, service }: { user: Principal; service: string }) {
  const items = await summariseResources(user, await listCapacityResources(user, { service }));
  const add = hasRole(user.role, "admin") ? (
    <Link href={`/capacity/new?service=${encodeURIComponent(service)}`} className="text-sm text-link underline">
      Add a resource
    </Link>
  ) : null;
  return (
    <Card title="Capacity" action={add} className="md:col-span-3">
      {items.length === 0 ? (
        <EmptyState title="No capacity resources for this service.">Connections, disk, request rate: what it uses up, forecast against its limit.</EmptyState>
      ) : (
        <ul className="space-y-3 text-sm" aria-label="Capacity resources of this service">
          {items.map((s) => (
            <li key={s.resource.id} className="flex flex-wrap items-start gap-2">
              <CapacityStatusBadge status={s.status} />
              <div className="min-w-0 flex-1">
                <Link href={`/capacity/${s.resource.id}`} className="font-medium text-link hover:underline">
                  {s.resource.name}
                </Link>
                {s.utilisation !== null && <span className="text-muted"> · {percentText(s.utilisation)} used</span>}
                <p className={s.problem ? "text-warn" : "text-muted"}>{s.problem ?? s.recommendation}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
