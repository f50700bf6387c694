"use client";

import { Button } from "@/components/ui/button";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { setReviewersAction } from "@/lib/postmortems/actions";

type Person = { id: string; name: string; email: string };

/** Who is asked to review: responders and admins; authors are marked (they cannot approve). */
export function ReviewersForm({ postmortemId, people, chosen, authorIds }: { postmortemId: string; people: Person[]; chosen: string[]; authorIds: string[] }) {
  const { state, pending, formProps } = useKeepingForm(setReviewersAction);
  return (
    <form {...formProps} aria-label="Reviewers" className="space-y-2">
      <input type="hidden" name="id" value={postmortemId} />
      <fieldset key={chosen.join(",")}>
        <legend className="mb-1 text-sm font-medium">Ask to review</legend>
        <div className="max-h-48 space-y-1 overflow-y-auto">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="reviewers" value={p.id} defaultChecked={chosen.includes(p.id)} className="h-4 w-4" />
              <span>
                {p.name || p.email}
                {authorIds.includes(p.id) && <span className="text-xs text-muted"> (author, cannot approve)</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending} className="py-1">
        Save reviewers
      </Button>
      <Outcome state={state} />
    </form>
  );
}
