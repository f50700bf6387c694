import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listServices } from "@/lib/services/queries";
import { listDatasources } from "@/lib/datasources/queries";
import { emptyCapacityForm } from "@/lib/capacity/form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { CapacityForm } from "@/components/capacity/capacity-form";

export const metadata: Metadata = { title: "New capacity resource" };

/** `?service=<slug>` preselects the service (the service page's "Add a resource"). */
export default async function NewCapacityPage({ searchParams }: { searchParams: Promise<{ service?: string | string[] }> }) {
  const user = await requirePage("admin");
  const wanted = [(await searchParams).service].flat()[0] ?? "";
  const [{ items }, datasources] = await Promise.all([listServices(user, { limit: 200 }), listDatasources(user)]);
  const services = items.map((s) => ({ slug: s.slug, name: s.name }));
  const service = services.some((s) => s.slug === wanted) ? wanted : services.length === 1 ? services[0].slug : "";
  return (
    <>
      <PageHeader title="New capacity resource" description="Something a service uses up: what is used (a PromQL query), its limit, and when to warn. Keel forecasts when it runs out." />
      {services.length === 0 ? (
        <EmptyState title="No services yet.">
          Capacity resources belong to a service.{" "}
          <Link href="/services/new" className="text-link underline">
            Add a service
          </Link>{" "}
          first.
        </EmptyState>
      ) : (
        <CapacityForm initial={emptyCapacityForm(service)} services={services} datasources={datasources.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))} cancelHref="/capacity" />
      )}
    </>
  );
}
