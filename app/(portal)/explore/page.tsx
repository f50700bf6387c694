import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { listDatasources } from "@/lib/datasources/queries";
import { listServices } from "@/lib/services/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/card";
import { ExploreView } from "@/components/explore/explore-view";

export const metadata: Metadata = { title: "Explore" };

export default async function ExplorePage() {
  const user = await requirePage();
  const datasources = await listDatasources(user);
  const canPin = hasRole(user.role, "responder");
  const services = canPin ? (await listServices(user, { limit: 200 })).items.map((s) => ({ slug: s.slug, name: s.name })) : null;
  return (
    <>
      <PageHeader title="Explore" description="Run PromQL against a data source through Keel's server, chart it, and keep what is useful." />
      {datasources.length === 0 ? (
        <EmptyState title="No data source configured.">
          {hasRole(user.role, "admin") ? (
            <>
              <Link href="/settings/datasources/new" className="text-link underline">
                Add a Prometheus data source
              </Link>{" "}
              or start Keel with <code>PROMETHEUS_URL</code>.
            </>
          ) : (
            "Ask an admin to add a Prometheus data source in Settings."
          )}
        </EmptyState>
      ) : (
        <ExploreView datasources={datasources.map((d) => ({ id: d.id, name: d.name, isDefault: d.isDefault }))} services={services} canCreateSlo={hasRole(user.role, "admin")} />
      )}
    </>
  );
}
