import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { createServiceAction } from "@/lib/services/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceForm } from "@/components/services/service-form";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const user = await requirePage("admin");
  const teams = await listTeams(user);
  return (
    <>
      <PageHeader title="New service" description="Add a service to the catalogue." />
      <ServiceForm
        action={createServiceAction}
        teams={teams}
        submitLabel="Create service"
        cancelHref="/services"
        initial={{ name: "", slug: "", description: "", team: "", tier: "2", public: false, runbook: "", repository: "", dashboard: "", labels: "" }}
      />
    </>
  );
}
