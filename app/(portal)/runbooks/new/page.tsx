import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { createRunbookAction } from "@/lib/runbooks/actions";
import { PageHeader } from "@/components/ui/page-header";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";

export const metadata: Metadata = { title: "New runbook" };

export default async function NewRunbookPage() {
  await requirePage("admin");
  return (
    <>
      <PageHeader title="New runbook" description="An incident procedure: when it applies, the steps in order, whom to call." />
      <RunbookEditor action={createRunbookAction} mode="create" cancelHref="/runbooks" initial={{ slug: "", title: "", scenario: "", alertNames: "", severityHint: "", steps: [], contacts: [] }} />
    </>
  );
}
