import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { assignablePeople } from "@/lib/incidents/people";
import { ACTION_CATEGORIES, ACTION_PRIORITIES, CATEGORY_LABELS } from "@/lib/postmortems/action-items";
import { LIMITS, ROW_KINDS, ROW_KIND_LABELS } from "@/lib/postmortems/document";
import { getPostmortem } from "@/lib/postmortems/queries";
import { getPostmortemSettings } from "@/lib/postmortems/settings-store";
import { visibleSections } from "@/lib/postmortems/template";
import type { ExportContext } from "@/lib/postmortems/markdown-export";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { ReviewStatusBadge } from "@/components/postmortems/review-status-badge";
import { ActionItemsTable } from "@/components/postmortems/action-items-table";
import { ActionItemAddForm } from "@/components/postmortems/action-item-add-form";
import { PostmortemEditor } from "@/components/postmortems/editor/postmortem-editor";
import type { EditorSection } from "@/components/postmortems/editor/types";
import type { SectionComment } from "@/components/postmortems/editor/section-editor";

export const metadata: Metadata = { title: "Edit postmortem" };

type Params = { params: Promise<{ id: string }> };

async function load(user: Principal, id: string) {
  const pm = await getPostmortem(user, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [settings, people] = await Promise.all([getPostmortemSettings(), assignablePeople(user)]);
  return { pm, settings, people };
}

/** Responders edit drafts; admins may correct a published postmortem, with a reason. In review, the text is frozen. */
export default async function EditPostmortemPage({ params }: Params) {
  const user = await requirePage("responder");
  const { pm, settings, people } = await load(user, decodeURIComponent((await params).id));
  const readHref = `/postmortems/${pm.id}`;
  const header = (
    <PageHeader
      title={pm.status === "published" ? "Correct postmortem" : "Edit postmortem"}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <Link href={readHref} className="text-link hover:underline">
            {pm.title}
          </Link>
          <span>·</span>
          <Link href={`/incidents/${pm.incident.ref}`} className="hover:underline">
            {pm.incident.ref}
          </Link>
          <SeverityBadge severity={pm.incident.severity} />
          <ReviewStatusBadge status={pm.status} />
        </span>
      }
    />
  );
  const frozen =
    pm.status === "in_review"
      ? "This postmortem is in review: its text is frozen so reviewers approve what they read. Move it back to draft on its page to edit (this clears approvals)."
      : pm.status === "published" && user.role !== "admin"
        ? "This postmortem is published and read-only. An admin can correct it, giving a reason that is recorded."
        : null;
  if (frozen) {
    return (
      <>
        {header}
        <div className="rounded-lg border border-line bg-surface p-6">
          <p className="text-sm">{frozen}</p>
          <ButtonLink href={readHref} variant="secondary" className="mt-3">
            Back to the postmortem
          </ButtonLink>
        </div>
      </>
    );
  }

  const draft = pm.status === "draft";
  const sections: EditorSection[] = visibleSections(settings.template).map((s) => ({ key: s.key, heading: s.heading, hint: s.hint, kind: s.kind, ...(s.parts ? { parts: s.parts } : {}) }));
  const comments: Record<string, SectionComment[]> = {};
  for (const c of pm.comments) if (!c.resolvedAt) (comments[c.section] ??= []).push({ id: c.id, author: c.author?.name ?? "Someone", body: c.body });
  const exportContext: ExportContext = {
    incidentRef: pm.incident.ref,
    severity: pm.incident.severity,
    status: pm.status,
    startedAt: pm.meta.startedAt,
    resolvedAt: pm.meta.resolvedAt,
    durationMinutes: pm.meta.durationMinutes,
    commander: pm.meta.commander?.name ?? null,
    services: pm.services.map((s) => s.name),
    dueAt: pm.dueAt,
    publishedAt: pm.publishedAt,
    actionItems: pm.actionItems,
    sloImpact: pm.sloImpact,
  };
  const actionItems = (
    <>
      {pm.actionItems.length ? <ActionItemsTable items={pm.actionItems} canChangeStatus canDelete={draft} /> : <p className="text-sm text-muted italic">No action items yet.</p>}
      {draft ? (
        <ActionItemAddForm
          postmortemId={pm.id}
          categories={ACTION_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          priorities={[...ACTION_PRIORITIES]}
          people={people.map((p) => ({ email: p.email, name: p.name || p.email }))}
        />
      ) : (
        <p className="text-xs text-muted">Action items of a published postmortem keep their fields; their status can still change.</p>
      )}
    </>
  );

  return (
    <>
      {header}
      <PostmortemEditor
        id={pm.id}
        version={pm.version}
        document={pm.document}
        tags={pm.tags}
        needsReason={pm.status === "published"}
        sections={sections}
        template={settings.template}
        exportContext={exportContext}
        rowKinds={ROW_KINDS.map((k) => ({ value: k, label: ROW_KIND_LABELS[k] }))}
        maxWhys={LIMITS.whys}
        incidentStart={pm.meta.startedAt}
        comments={comments}
        actionItems={actionItems}
        readHref={readHref}
      />
    </>
  );
}
