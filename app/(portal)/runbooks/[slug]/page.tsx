import type { Metadata } from "next";
import { hasRole } from "@/lib/auth/roles";
import { deleteRunbookAction } from "@/lib/runbooks/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { loadRunbook } from "@/lib/runbooks/load";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Runbook ${(await params).slug}` };
}

export default async function RunbookPage({ params }: Params) {
  const { user, runbook } = await loadRunbook((await params).slug);
  const admin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title={runbook.title}
        description={`Version ${runbook.version}, last changed ${runbook.updatedAt.slice(0, 10)}.`}
        actions={
          admin ? (
            <>
              <ButtonLink href={`/runbooks/${runbook.slug}/edit`} variant="secondary">
                Edit runbook
              </ButtonLink>
              <ActionForm action={deleteRunbookAction} hidden={{ slug: runbook.slug }} label="Delete runbook" variant="danger" confirm={`Delete “${runbook.title}”? It is detached from every incident.`} />
            </>
          ) : null
        }
      />
      <RunbookView runbook={runbook} />
    </>
  );
}
