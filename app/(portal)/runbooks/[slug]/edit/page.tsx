import type { Metadata } from "next";
import { updateRunbookAction } from "@/lib/runbooks/actions";
import { PageHeader } from "@/components/ui/page-header";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { loadRunbook } from "@/lib/runbooks/load";

export const metadata: Metadata = { title: "Edit runbook" };

export default async function EditRunbookPage({ params }: { params: Promise<{ slug: string }> }) {
  const { runbook: r } = await loadRunbook((await params).slug, "admin");
  return (
    <>
      <PageHeader title={`Edit ${r.title}`} description="Incidents keep their ticked steps: a done step stays done where its title moves to." />
      <RunbookEditor
        action={updateRunbookAction}
        mode="edit"
        cancelHref={`/runbooks/${r.slug}`}
        initial={{
          slug: r.slug,
          title: r.title,
          scenario: r.scenario,
          alertNames: r.alertNames.join("\n"),
          severityHint: r.severityHint ?? "",
          steps: r.steps.map((s) => ({ title: s.title, detail: s.detail ?? "" })),
          contacts: r.contacts,
          version: r.version,
        }}
      />
    </>
  );
}
