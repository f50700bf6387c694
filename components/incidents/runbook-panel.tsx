import Link from "next/link";
import type { Principal } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";
import { listAttachedRunbooks } from "@/lib/runbooks/attach";
import { listRunbooks } from "@/lib/runbooks/queries";
import { doneCount } from "@/lib/runbooks/progress";
import { detachRunbookAction } from "@/lib/runbooks/actions";
import type { AttachedRunbookDto } from "@/lib/runbooks/dto";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { ContactList } from "@/components/runbooks/contact-list";
import { SeverityBadge } from "./severity-badge";
import { RunbookChecklist } from "./runbook-checklist";
import { RunbookLiveRefresh } from "./runbook-live-refresh";
import { RunbookPicker } from "./runbook-picker";

function Attached({ incidentId, a, canEdit }: { incidentId: string; a: AttachedRunbookDto; canEdit: boolean }) {
  const r = a.runbook;
  const done = doneCount(r.steps.length, a.done);
  const by = a.attachedBy ? `by ${a.attachedBy.name || a.attachedBy.email}` : "by Keel, for an alert";
  return (
    <section aria-labelledby={`runbook-${r.slug}-title`} className="rounded-md border border-line p-3" data-testid="attached-runbook">
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`runbook-${r.slug}-title`} className="font-semibold">
          <Link href={`/runbooks/${r.slug}`} className="text-link hover:underline">
            {r.title}
          </Link>
        </h3>
        <span className="flex items-center gap-2 text-xs text-muted">
          {r.severityHint && <SeverityBadge severity={r.severityHint} />}
          <span data-testid="runbook-progress">
            {done} of {r.steps.length} steps done
          </span>
        </span>
      </header>
      <p className="mb-2 text-xs text-muted">Attached {by}.</p>
      <RunbookChecklist incidentId={incidentId} slug={r.slug} title={r.title} steps={r.steps} done={a.done} canEdit={canEdit} />
      {r.contacts.length > 0 && (
        <div className="mt-2">
          <p className="text-xs font-medium text-muted">Contacts</p>
          <ContactList contacts={r.contacts} />
        </div>
      )}
      {canEdit && (
        <ActionForm action={detachRunbookAction} hidden={{ incident: incidentId, runbook: r.slug }} label={`Detach “${r.title}”`} confirm={`Detach “${r.title}”? Its ticked steps are forgotten; the timeline keeps them.`} className="mt-2" />
      )}
    </section>
  );
}

/** The incident's runbooks as checklists, and for responders a picker to attach another. */
export async function RunbookPanel({ user, incidentId }: { user: Principal; incidentId: string }) {
  const canEdit = hasRole(user.role, "responder");
  const [attached, all] = await Promise.all([listAttachedRunbooks(user, incidentId), canEdit ? listRunbooks(user) : null]);
  const attachable = (all?.items ?? []).filter((r) => !attached.some((a) => a.runbook.slug === r.slug));
  return (
    <Card title="Runbooks">
      <RunbookLiveRefresh incidentId={incidentId} userId={user.userId} />
      <div className="space-y-3">
        {attached.length ? (
          attached.map((a) => <Attached key={a.runbook.slug} incidentId={incidentId} a={a} canEdit={canEdit} />)
        ) : (
          <p className="text-sm text-muted">No runbook attached.{canEdit ? " Attach one below when a procedure fits." : ""}</p>
        )}
        {!canEdit && attached.length > 0 && <p className="text-xs text-muted">Responders tick the steps; you can follow along here.</p>}
        {canEdit && <RunbookPicker incidentId={incidentId} options={attachable.map(({ slug, title }) => ({ slug, title }))} hasAny={(all?.items.length ?? 0) > 0} />}
      </div>
    </Card>
  );
}
