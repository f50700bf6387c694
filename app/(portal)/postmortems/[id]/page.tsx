import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { hasRole, type Principal } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { assignablePeople } from "@/lib/incidents/people";
import { ACTION_CATEGORIES, ACTION_PRIORITIES, CATEGORY_LABELS } from "@/lib/postmortems/action-items";
import { refreshSloImpactAction } from "@/lib/postmortems/actions";
import { hasContent, unwrittenRequired } from "@/lib/postmortems/completeness";
import { getPostmortem } from "@/lib/postmortems/queries";
import { getPostmortemSettings } from "@/lib/postmortems/settings-store";
import { minutesText, utcMinute } from "@/lib/postmortems/time-text";
import { PageHeader } from "@/components/ui/page-header";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { ReviewStatusBadge } from "@/components/postmortems/review-status-badge";
import { DueText } from "@/components/postmortems/due-text";
import { SectionView } from "@/components/postmortems/section-view";
import { SectionComments } from "@/components/postmortems/section-comments";
import { ReviewPanel } from "@/components/postmortems/review-panel";
import { SimilarPostmortems } from "@/components/postmortems/similar-postmortems";
import { ActionItemsTable } from "@/components/postmortems/action-items-table";
import { ActionItemAddForm } from "@/components/postmortems/action-item-add-form";
import { PmForm } from "@/components/postmortems/pm-form";

export const metadata: Metadata = { title: "Postmortem" };

type Params = { params: Promise<{ id: string }> };

async function load(user: Principal, id: string) {
  const now = Date.now();
  const pm = await getPostmortem(user, id, now).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const responder = hasRole(user.role, "responder");
  const [settings, people] = await Promise.all([getPostmortemSettings(), responder && pm.status !== "published" ? assignablePeople(user) : null]);
  return { now, pm, settings, people, responder };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The postmortem as people read it (and print it): every section in the template's order, then review. */
export default async function PostmortemPage({ params }: Params) {
  const user = await requirePage();
  const { now, pm, settings, people, responder } = await load(user, decodeURIComponent((await params).id));
  const doc = pm.document;
  const draft = pm.status === "draft";
  const canComment = responder && pm.status !== "published";
  const sections = settings.template.sections.filter((s) => !s.hidden || hasContent(doc, s, { actionItems: pm.actionItems.length }));
  const unwritten = unwrittenRequired(doc, settings.template);
  const authors = [pm.author, ...pm.contributors].filter((p, i, all) => p && all.findIndex((q) => q?.id === p.id) === i).map((p) => p!.name);
  const editHref = `/postmortems/${pm.id}/edit`;
  const canEdit = responder && (draft || (pm.status === "published" && user.role === "admin"));

  const actionItems = (
    <>
      {pm.actionItems.length ? (
        <ActionItemsTable items={pm.actionItems} canChangeStatus={responder} canDelete={responder && draft} />
      ) : (
        <p className="text-sm text-muted italic">No action items yet.</p>
      )}
      {responder && draft && (
        <ActionItemAddForm
          postmortemId={pm.id}
          categories={ACTION_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          priorities={[...ACTION_PRIORITIES]}
          people={(people ?? []).map((p) => ({ email: p.email, name: p.name || p.email }))}
        />
      )}
    </>
  );

  return (
    <article className="print:text-black">
      <PageHeader
        title={pm.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/incidents/${pm.incident.ref}`} className="text-link hover:underline">
              {pm.incident.ref}: {pm.incident.title}
            </Link>
            <SeverityBadge severity={pm.incident.severity} />
            <span data-testid="postmortem-status">
              <ReviewStatusBadge status={pm.status} />
            </span>
            <DueText status={pm.status} dueAt={pm.dueAt} publishedAt={pm.publishedAt} overdue={pm.overdue} now={now} compact />
            {authors.length > 0 && <span>· by {authors.join(", ")}</span>}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            {canEdit && (
              <ButtonLink href={editHref} variant={draft ? "primary" : "secondary"}>
                {draft ? "Edit" : "Correct (admin)"}
              </ButtonLink>
            )}
            <a href={`/api/v1/postmortems/${pm.id}/markdown?download=1`} className="inline-flex items-center justify-center gap-2 rounded-md border border-line bg-surface px-3 py-2 text-sm font-medium text-fg hover:bg-raised" download>
              Export Markdown
            </a>
            <PrintButton label="Print / PDF" />
          </div>
        }
      />

      {pm.status === "in_review" && responder && (
        <p className="mb-4 rounded-md border border-link p-3 text-sm print:hidden">In review: the text is frozen so reviewers approve what they read. Move it back to draft to edit (this clears approvals).</p>
      )}
      {draft && unwritten.length > 0 && (
        <p className="mb-4 rounded-md border border-warn p-3 text-sm text-warn print:hidden">Still to write before publishing: {unwritten.join(", ")}.</p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem] print:block">
        <div className="min-w-0 space-y-4">
          <Card title="Incident" className="print:border-0 print:bg-transparent print:p-0">
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <Fact label="Date">{pm.meta.date}</Fact>
              <Fact label="Started">{utcMinute(pm.meta.startedAt)}</Fact>
              <Fact label="Resolved">{pm.meta.resolvedAt ? utcMinute(pm.meta.resolvedAt) : "Not resolved yet"}</Fact>
              <Fact label="Duration">
                {minutesText(pm.meta.durationMinutes)}
                {pm.meta.ongoing ? " so far" : ""}
              </Fact>
              <Fact label="Commander">{pm.meta.commander?.name ?? "None"}</Fact>
              <Fact label="Services">{pm.services.length ? pm.services.map((s) => s.name).join(", ") : "None"}</Fact>
            </dl>
            {pm.tags.length > 0 && (
              <p className="mt-3 flex flex-wrap gap-1 text-xs">
                <span className="sr-only">Tags:</span>
                {pm.tags.map((t) => (
                  <Link key={t} href={`/postmortems?tag=${encodeURIComponent(t)}`} className="rounded-full border border-line px-2 py-0.5 hover:bg-raised">
                    {t}
                  </Link>
                ))}
              </p>
            )}
          </Card>

          {sections.map((s) => (
            <section key={s.key} id={`section-${s.key}`} aria-labelledby={`h-${s.key}`} className="rounded-lg border border-line bg-surface p-4 print:border-0 print:bg-transparent print:p-0">
              <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h2 id={`h-${s.key}`} className="text-base font-semibold print:break-after-avoid">
                  {s.heading}
                </h2>
                {s.kind === "slo_impact" && responder && pm.status !== "published" && (
                  <PmForm action={refreshSloImpactAction} label="Refresh SLO impact" className="flex flex-wrap items-center gap-2 print:hidden">
                    <input type="hidden" name="id" value={pm.id} />
                    <Button type="submit" variant="secondary" className="py-1">
                      Refresh
                    </Button>
                  </PmForm>
                )}
              </header>
              <SectionView section={s} doc={doc} sloImpact={pm.sloImpact} actionItems={actionItems} />
              <SectionComments postmortemId={pm.id} section={s.key} heading={s.heading} comments={pm.comments.filter((c) => c.section === s.key)} canComment={canComment} />
            </section>
          ))}
        </div>

        <aside className="space-y-4 print:hidden" aria-label="Review">
          <Card title="Review">
            <ReviewPanel pm={pm} user={user} config={settings.review} unwritten={unwritten} people={people} />
          </Card>
          {(canComment || pm.comments.some((c) => c.section === "general")) && (
            <Card title="General comments">
              <SectionComments postmortemId={pm.id} section="general" heading="the whole postmortem" comments={pm.comments.filter((c) => c.section === "general")} canComment={canComment} />
            </Card>
          )}
          <Card title="Similar past postmortems">
            <Suspense fallback={<p className="text-sm text-muted" aria-busy="true">Looking for postmortems on the same services or tags…</p>}>
              <SimilarPostmortems user={user} id={pm.id} />
            </Suspense>
          </Card>
          {pm.lastSavedBy && (
            <p className="text-xs text-muted">
              Last saved by {pm.lastSavedBy.name}, {utcMinute(pm.updatedAt)} (version {pm.version}).
            </p>
          )}
        </aside>
      </div>
    </article>
  );
}
