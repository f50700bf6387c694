import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { fullStamp } from "@/components/incidents/format";
import { addCommentAction, resolveCommentAction } from "@/lib/postmortems/actions";
import type { CommentDto } from "@/lib/postmortems/dto";
import { PmForm } from "./pm-form";

/**
 * Review comments on one section (or "general"): open ones shown, resolved ones folded away, and
 * a form to add one while the postmortem is not published. Not printed.
 */
export function SectionComments({ postmortemId, section, heading, comments, canComment }: { postmortemId: string; section: string; heading: string; comments: CommentDto[]; canComment: boolean }) {
  const open = comments.filter((c) => !c.resolvedAt);
  const resolved = comments.filter((c) => c.resolvedAt);
  if (!canComment && !comments.length) return null;
  const fieldId = `comment-${section}`;
  return (
    <div className="mt-3 space-y-2 border-t border-dashed border-line pt-2 print:hidden" data-testid={`comments-${section}`}>
      {open.length > 0 && (
        <ul className="space-y-2" aria-label={`Open comments on ${heading}`}>
          {open.map((c) => (
            <li key={c.id} className="rounded-md border-l-2 border-link bg-raised px-3 py-2 text-sm">
              <p className="text-xs text-muted">
                {c.author?.name ?? "Someone"} · <time dateTime={c.createdAt}>{fullStamp(c.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
              {canComment && (
                <PmForm action={resolveCommentAction} label={`Resolve comment by ${c.author?.name ?? "someone"}`} className="mt-1" quiet>
                  <input type="hidden" name="id" value={postmortemId} />
                  <input type="hidden" name="commentId" value={c.id} />
                  <Button type="submit" variant="ghost" className="px-2 py-0.5 text-xs">
                    Resolve
                  </Button>
                </PmForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-xs text-muted">
            {resolved.length} resolved comment{resolved.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-1 space-y-1">
            {resolved.map((c) => (
              <li key={c.id} className="px-3 py-1 text-muted">
                <span className="text-xs">{c.author?.name ?? "Someone"}:</span> <span className="whitespace-pre-wrap">{c.body}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canComment && (
        <details className="text-sm">
          <summary className="cursor-pointer text-xs text-link">Comment on {heading}</summary>
          <PmForm action={addCommentAction} label={`Comment on ${heading}`} resetOnSuccess className="mt-2 space-y-2">
            <input type="hidden" name="id" value={postmortemId} />
            <input type="hidden" name="section" value={section} />
            <label htmlFor={fieldId} className="sr-only">
              Comment on {heading}
            </label>
            <textarea id={fieldId} name="body" rows={2} required maxLength={5000} className={inputClass} />
            <Button type="submit" variant="secondary" className="py-1">
              Add comment
            </Button>
          </PmForm>
        </details>
      )}
    </div>
  );
}
