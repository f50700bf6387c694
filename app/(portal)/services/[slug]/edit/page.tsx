import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { listTeams } from "@/lib/teams/queries";
import { labelsToText } from "@/lib/services/schemas";
import { updateServiceAction } from "@/lib/services/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceForm } from "@/components/services/service-form";
import { loadService } from "@/lib/services/load";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePage("admin");
  const { user, service: s } = await loadService((await params).slug);
  const teams = await listTeams(user);
  return (
    <>
      <PageHeader title={`Edit ${s.name}`} />
      <ServiceForm
        action={updateServiceAction}
        teams={teams}
        submitLabel="Save changes"
        cancelHref={`/services/${s.slug}`}
        originalSlug={s.slug}
        initial={{
          name: s.name,
          slug: s.slug,
          description: s.description,
          team: s.team?.slug ?? "",
          tier: String(s.tier),
          public: s.public,
          runbook: s.links.runbook ?? "",
          repository: s.links.repository ?? "",
          dashboard: s.links.dashboard ?? "",
          labels: labelsToText(s.labels),
          version: s.version,
        }}
      />
    </>
  );
}
