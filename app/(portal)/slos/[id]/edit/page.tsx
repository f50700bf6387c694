import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listServices } from "@/lib/services/queries";
import { listDatasources } from "@/lib/datasources/queries";
import { getSlo } from "@/lib/slo/queries";
import { sloToFormValues } from "@/lib/slo/form";
import { PageHeader } from "@/components/ui/page-header";
import { SloForm } from "@/components/slo/slo-form";

export const metadata: Metadata = { title: "Edit SLO" };

export default async function EditSloPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("admin");
  const { id } = await params;
  const slo = await getSlo(user, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [{ items }, datasources] = await Promise.all([listServices(user, { limit: 200 }), listDatasources(user)]);
  const services = items.map((s) => ({ slug: s.slug, name: s.name }));
  // The SLO's own service is always offered, even beyond the first 200.
  if (!services.some((s) => s.slug === slo.service)) services.unshift({ slug: slo.service, name: slo.serviceName });
  return (
    <>
      <PageHeader title={`Edit ${slo.name}`} description={`${slo.serviceName} · ${slo.slug}`} />
      <SloForm
        id={slo.id}
        version={slo.version}
        initial={sloToFormValues(slo)}
        services={services}
        datasources={datasources.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))}
        cancelHref={`/slos/${slo.id}`}
      />
    </>
  );
}
