import { Badge } from "@/components/ui/badge";
import { fullStamp, relativeText, spanText } from "@/components/incidents/format";
import type { ReviewStatus } from "@/lib/postmortems/review";

/** When a postmortem is due: "Overdue by 3 h" (highlighted) or "Due in 5 h", with the UTC stamp; published ones say when. */
export function DueText({ status, dueAt, publishedAt, overdue, now, compact }: { status: ReviewStatus; dueAt: string | null; publishedAt: string | null; overdue: boolean; now: number; compact?: boolean }) {
  if (status === "published") {
    return publishedAt ? (
      <time dateTime={publishedAt} title={fullStamp(publishedAt)} className="text-muted">
        Published {relativeText(publishedAt, now)}
      </time>
    ) : (
      <span className="text-muted">Published</span>
    );
  }
  if (!dueAt) return <span className="text-muted">{compact ? "—" : "No due date (incident not resolved)"}</span>;
  return (
    <time dateTime={dueAt} title={fullStamp(dueAt)} className="inline-flex flex-wrap items-center gap-1">
      {overdue ? (
        <>
          <Badge tone="danger">Overdue</Badge>
          <span className="text-danger">by {spanText(now - Date.parse(dueAt))}</span>
        </>
      ) : (
        <span>Due {relativeText(dueAt, now)}</span>
      )}
      {!compact && <span className="text-xs text-muted">({fullStamp(dueAt)})</span>}
    </time>
  );
}
