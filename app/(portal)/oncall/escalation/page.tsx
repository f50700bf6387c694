import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listPolicies } from "@/lib/oncall/escalation-store";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";

export const metadata: Metadata = { title: "Escalation policies" };

export default async function EscalationPoliciesPage() {
  const user = await requirePage();
  const policies = await listPolicies(user);
  const admin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Escalation policies"
        description="Who is paged when an incident opens on a service, and who next when nobody acknowledges."
        actions={admin && <ButtonLink href="/oncall/escalation/new">New policy</ButtonLink>}
      />
      {policies.length === 0 ? (
        <EmptyState title="No escalation policies yet.">{admin ? "Create one and attach it to services." : "An admin can create one."}</EmptyState>
      ) : (
        <Table caption="Escalation policies" head={["Policy", "Steps", "Repeat", "Services"]}>
          {policies.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/oncall/escalation/${p.id}`} className="font-medium text-link hover:underline">
                  {p.name}
                </Link>
                {p.description && <span className="block text-xs text-muted">{p.description}</span>}
              </td>
              <td>
                <ol className="list-decimal pl-4">
                  {p.steps.map((s, i) => (
                    <li key={i}>
                      {s.targets.map((t) => t.label).join(", ")}
                      {i < p.steps.length - 1 && <span className="text-muted"> · then after {s.delayMinutes} min</span>}
                    </li>
                  ))}
                </ol>
              </td>
              <td>{p.repeat ? `${p.repeat}×` : "No"}</td>
              <td>{p.services.length ? p.services.map((s) => s.name).join(", ") : <span className="text-muted">None</span>}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
