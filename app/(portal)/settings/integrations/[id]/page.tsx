import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getIntegration } from "@/lib/integrations/queries";
import { listDeliveries } from "@/lib/integrations/deliveries";
import { deleteIntegrationAction } from "@/lib/integrations/actions";
import { matchText } from "@/lib/integrations/rule-form";
import { listServices } from "@/lib/services/queries";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { IntegrationSettingsForm } from "@/components/integrations/integration-settings-form";
import { RotateSecretForm } from "@/components/integrations/rotate-secret-form";
import { DeliveriesTable } from "@/components/integrations/deliveries-table";

export const metadata: Metadata = { title: "Alert integration" };

async function load(admin: Principal, ref: string) {
  const it = await getIntegration(admin, ref).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [deliveries, services] = await Promise.all([listDeliveries(admin, { integrationId: it.id, limit: 50 }), listServices(admin, { limit: 200 })]);
  return { it, deliveries, services, now: Date.now() };
}

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePage("admin");
  const { it, deliveries, services, now } = await load(admin, decodeURIComponent((await params).id));
  const rules = it.rules.map((r) => ({ match: matchText(r.match), severity: r.severity ?? "", service: r.service ?? "" }));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/settings/integrations" className="text-link underline">
          All integrations
        </Link>
      </p>
      <Card title={`Integration ${it.name}`}>
        <IntegrationSettingsForm integration={it} rules={rules} services={services.items.map(({ slug, name }) => ({ slug, name }))} />
      </Card>
      <Card title="Secret URL">
        <RotateSecretForm id={it.id} prefix={it.secretPrefix} />
      </Card>
      <Card title="Deliveries">
        <DeliveriesTable items={deliveries} now={now} caption={`Webhook deliveries to ${it.name}`} />
      </Card>
      <Card title="Delete">
        <ActionForm action={deleteIntegrationAction} hidden={{ id: it.id }} label={`Delete ${it.name}`} variant="danger" confirm={`Delete ${it.name}? Its URL stops working; incidents and stored deliveries stay.`} />
      </Card>
    </div>
  );
}
