import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { listIntegrations } from "@/lib/integrations/queries";
import { listDeliveries } from "@/lib/integrations/deliveries";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { IncidentTime } from "@/components/incidents/incident-time";
import { CreateIntegrationForm } from "@/components/integrations/create-integration-form";
import { DeliveriesTable } from "@/components/integrations/deliveries-table";

export const metadata: Metadata = { title: "Alert integrations" };

const resolvedText = { monitoring: "moves to monitoring", resolved: "resolves" } as const;

async function load(admin: Principal) {
  const [integrations, deliveries] = await Promise.all([listIntegrations(admin), listDeliveries(admin, { limit: 20 })]);
  return { integrations, deliveries, now: Date.now() };
}

/** Alertmanager integrations: each has a secret URL, a default severity and mapping rules. */
export default async function IntegrationsPage() {
  const { integrations, deliveries, now } = await load(await requirePage("admin"));
  return (
    <div className="space-y-4">
      <Card title="Alertmanager integrations">
        <p className="mb-3 text-sm text-muted">
          Alertmanager posts its webhooks to an integration&apos;s secret URL; Keel opens one incident per alert group, appends new alerts to it, and follows
          their resolution. API tokens can post to <code>/api/v1/integrations/alertmanager</code> too.
        </p>
        {integrations.length === 0 ? (
          <EmptyState title="No integrations yet.">Create one below and paste its receiver into Alertmanager&apos;s configuration.</EmptyState>
        ) : (
          <Table caption="Alert integrations" head={["Name", "Default severity", "All resolved", "Rules", "Last delivery"]}>
            {integrations.map((it) => (
              <tr key={it.id}>
                <td>
                  <Link href={`/settings/integrations/${it.id}`} className="font-medium text-link underline">
                    {it.name}
                  </Link>
                </td>
                <td>{it.defaultSeverity}</td>
                <td>{resolvedText[it.onAllResolved]}</td>
                <td>{it.rules.length}</td>
                <td>{it.lastDeliveryAt ? <IncidentTime iso={it.lastDeliveryAt} now={now} /> : "never"}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title="New integration">
        <CreateIntegrationForm />
      </Card>
      <Card title="Recent deliveries">
        <DeliveriesTable items={deliveries} now={now} caption="Recent webhook deliveries from every source" />
      </Card>
    </div>
  );
}
