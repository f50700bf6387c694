import { Button } from "@/components/ui/button";
import { fullStamp } from "@/components/incidents/format";
import type { Principal } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";
import { approvePostmortemAction, transitionPostmortemAction } from "@/lib/postmortems/actions";
import type { PostmortemDto } from "@/lib/postmortems/dto";
import { availableTransitions, canApprove, countedApprovals, type ReviewConfig, type ReviewStatus, type ReviewSubject } from "@/lib/postmortems/review";
import { PmForm } from "./pm-form";
import { ReviewersForm } from "./reviewers-form";
import { ReviewStatusBadge } from "./review-status-badge";

const moveLabels: Record<ReviewStatus, string> = { in_review: "Send for review", draft: "Back to draft", published: "Publish" };
const moveHints: Partial<Record<ReviewStatus, string>> = {
  in_review: "Freezes the text so reviewers approve what they read.",
  draft: "Unfreezes the text for edits; approvals are cleared.",
};

const eventLabels: Record<string, string> = {
  created: "Started",
  submitted: "Sent for review",
  approved: "Approved",
  returned_to_draft: "Back to draft",
  published: "Published",
  edited_after_publication: "Corrected after publication",
};

/** The review rules' view of a postmortem DTO. */
export function reviewSubjectOf(pm: PostmortemDto): ReviewSubject {
  const authorIds = [...new Set([pm.author?.id, ...pm.contributors.map((c) => c.id)].filter((x): x is string => !!x))];
  return { status: pm.status, authorIds, approvals: pm.reviewers.filter((r) => r.approvedAt).map((r) => ({ userId: r.id })) };
}

/**
 * Status, reviewers and approvals, the moves the review rules offer now (each with why it is not
 * possible yet, when it is not), and the history. Not printed.
 */
export function ReviewPanel({
  pm,
  user,
  config,
  unwritten,
  people,
}: {
  pm: PostmortemDto;
  user: Principal;
  config: ReviewConfig;
  unwritten: string[];
  people: { id: string; name: string; email: string }[] | null;
}) {
  const subject = reviewSubjectOf(pm);
  const actor = { userId: user.userId, role: user.role };
  const responder = hasRole(user.role, "responder");
  const moves = responder ? availableTransitions(subject, actor, { config, unwritten }) : [];
  const approve = canApprove(subject, actor);
  const have = countedApprovals(subject);
  const hidden = <input type="hidden" name="id" value={pm.id} />;
  return (
    <div className="space-y-4 text-sm" data-testid="review-panel">
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="review-status">
          <ReviewStatusBadge status={pm.status} />
        </span>
        <span className="text-muted" data-testid="approvals">
          {have} of {config.requiredApprovals} approval{config.requiredApprovals === 1 ? "" : "s"}
        </span>
      </div>

      <div>
        <h3 className="font-medium">Reviewers</h3>
        {pm.reviewers.length ? (
          <ul className="mt-1 space-y-1" aria-label="Reviewers">
            {pm.reviewers.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>{r.name}</span>
                {r.approvedAt ? (
                  <time dateTime={r.approvedAt} title={fullStamp(r.approvedAt)} className="text-ok">
                    ✓ Approved
                  </time>
                ) : (
                  <span className="text-muted">Not yet</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-muted">Nobody asked yet.</p>
        )}
      </div>

      {responder && pm.status !== "published" && people && <ReviewersForm postmortemId={pm.id} people={people} chosen={pm.reviewers.map((r) => r.id)} authorIds={subject.authorIds as string[]} />}

      {responder && pm.status === "in_review" && (
        <div>
          {approve.ok ? (
            <PmForm action={approvePostmortemAction} label="Approve">
              {hidden}
              <Button type="submit" className="py-1">
                Approve
              </Button>
            </PmForm>
          ) : (
            <p className="text-muted" data-testid="approve-refusal">
              {approve.message}
            </p>
          )}
        </div>
      )}

      {moves.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">Move to</h3>
          {moves.map(({ to, decision }) =>
            decision.ok ? (
              <PmForm key={to} action={transitionPostmortemAction} label={moveLabels[to]} confirm={to === "published" ? "Publish this postmortem? Published postmortems are read-only." : undefined}>
                {hidden}
                <input type="hidden" name="to" value={to} />
                <Button type="submit" variant={to === "published" ? "primary" : "secondary"} className="py-1">
                  {moveLabels[to]}
                </Button>
                {moveHints[to] && <p className="mt-1 text-xs text-muted">{moveHints[to]}</p>}
              </PmForm>
            ) : (
              <div key={to}>
                <Button type="button" variant="secondary" disabled aria-describedby={`why-not-${to}`} className="py-1">
                  {moveLabels[to]}
                </Button>
                <p id={`why-not-${to}`} className="mt-1 text-xs text-muted">
                  {decision.message}
                </p>
              </div>
            ),
          )}
        </div>
      )}
      {pm.status === "published" && <p className="text-muted">Published postmortems are final; an admin can still correct one, giving a reason that is recorded.</p>}

      {pm.events.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium">History</summary>
          <ol className="mt-2 space-y-1">
            {pm.events.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{eventLabels[e.kind] ?? e.kind}</span>
                {e.actor && <span> by {e.actor.name}</span>}
                <time dateTime={e.at} className="block text-xs text-muted">
                  {fullStamp(e.at)}
                </time>
                {e.reason && <span className="block text-xs">Reason: {e.reason}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
