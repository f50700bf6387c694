import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { listServices } from "@/lib/services/queries";
import { listDatasources } from "@/lib/datasources/queries";
import { SLO_FORM_DEFAULTS } from "@/lib/slo/form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { SloForm } from "@/components/slo/slo-form";

export const metadata: Metadata = { title: "New SLO" };

type Search = { service?: string | string[]; query?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** `?service=<slug>` preselects the service; `?query=<PromQL>` fills the total query (Explore's "use in SLO"). */
export default async function NewSloPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage("admin");
  const params = await searchParams;
  const [{ items }, datasources] = await Promise.all([listServices(user, { limit: 200 }), listDatasources(user)]);
  const services = items.map((s) => ({ slug: s.slug, name: s.name }));
  const wanted = first(params.service);
  const service = services.some((s) => s.slug === wanted) ? wanted : services.length === 1 ? services[0].slug : "";
  return (
    <>
      <PageHeader title="New SLO" description="Define a service level objective: what is measured, the target, and the window its error budget covers." />
      {services.length === 0 ? (
        <EmptyState title="No services yet.">
          SLOs belong to a service.{" "}
          <Link href="/services/new" className="text-link underline">
            Add a service
          </Link>{" "}
          first.
        </EmptyState>
      ) : (
        <SloForm
          initial={{ ...SLO_FORM_DEFAULTS, service, totalQuery: first(params.query).slice(0, 5000) }}
          services={services}
          datasources={datasources.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))}
          cancelHref="/slos"
        />
      )}
    </>
  );
}
