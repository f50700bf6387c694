import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";
import { listSlos } from "@/lib/slo/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { SloTable } from "./slo-table";

/** A service's SLOs with their budgets and burn rates, on the service page. */
export async function ServiceSlos({ user, service }: { user: Principal; service: string }) {
  const slos = await listSlos(user, { service });
  return (
    <Card title="SLOs" className="md:col-span-3" action={hasRole(user.role, "admin") ? <Link href={`/slos/new?service=${encodeURIComponent(service)}`} className="text-sm text-link underline">New SLO</Link> : undefined}>
      {slos.length === 0 ? <EmptyState title="No SLOs for this service yet.">Admins define SLOs on the SLOs page: what is measured, the target and the window.</EmptyState> : <SloTable user={user} slos={slos} />}
    </Card>
  );
}
