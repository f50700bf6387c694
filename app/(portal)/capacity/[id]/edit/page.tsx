import type { Metadata } from "next";
import { listServices } from "@/lib/services/queries";
import { listDatasources } from "@/lib/datasources/queries";
import { loadCapacityResource } from "@/lib/capacity/load";
import { PageHeader } from "@/components/ui/page-header";
import { CapacityForm } from "@/components/capacity/capacity-form";

export const metadata: Metadata = { title: "Edit capacity resource" };

export default async function EditCapacityPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, resource: r } = await loadCapacityResource((await params).id, "admin");
  const [{ items }, datasources] = await Promise.all([listServices(user, { limit: 200 }), listDatasources(user)]);
  return (
    <>
      <PageHeader title={`Edit ${r.name}`} description="Changed queries are run once against the data source before they are saved." />
      <CapacityForm
        id={r.id}
        version={r.version}
        initial={{
          template: r.template ?? "",
          name: r.name,
          service: r.service,
          datasourceId: r.datasourceId ?? "",
          usageQuery: r.usageQuery,
          limitKind: r.limitQuery ? "query" : "value",
          limit: r.limit === null ? "" : String(r.limit),
          limitQuery: r.limitQuery ?? "",
          unit: r.unit,
          warningPercent: String(Math.round(r.warningLevel * 10_000) / 100),
          lookbackDays: String(r.lookbackDays),
          resolutionSeconds: String(r.resolutionSeconds),
        }}
        services={items.map((s) => ({ slug: s.slug, name: s.name }))}
        datasources={datasources.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))}
        cancelHref={`/capacity/${r.id}`}
      />
    </>
  );
}
