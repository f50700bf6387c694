"use client";

import { startTransition, useActionState, useOptimistic } from "react";
import type { RunbookStep } from "@/db/schema";
import type { FormState } from "@/lib/forms";
import { setRunbookStepAction } from "@/lib/runbooks/actions";
import { setDone } from "@/lib/runbooks/progress";

type Props = { incidentId: string; slug: string; title: string; steps: RunbookStep[]; done: number[]; canEdit: boolean };

/**
 * An attached runbook's steps as a checklist. Responders tick and untick (shown at once, saved in
 * the background; a refused change is undone and said why); viewers see the same boxes, disabled.
 */
export function RunbookChecklist({ incidentId, slug, title, steps, done, canEdit }: Props) {
  const [state, dispatch] = useActionState(setRunbookStepAction, {} as FormState);
  const [shown, show] = useOptimistic(done, (current: number[], change: { index: number; value: boolean }) => setDone(current, change.index, change.value));

  const toggle = (index: number, value: boolean) => {
    const form = new FormData();
    form.set("incident", incidentId);
    form.set("runbook", slug);
    form.set("index", String(index));
    form.set("done", String(value));
    startTransition(() => {
      show({ index, value });
      dispatch(form);
    });
  };

  return (
    <div>
      <ol className="space-y-2" aria-label={`Steps of ${title}`}>
        {steps.map((s, i) => {
          const id = `runbook-${slug}-step-${i}`;
          const checked = shown.includes(i);
          return (
            <li key={i} className="flex items-start gap-2 text-sm">
              <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 shrink-0" checked={checked} disabled={!canEdit} onChange={(e) => toggle(i, e.target.checked)} aria-describedby={s.detail ? `${id}-detail` : undefined} />
              <div className="min-w-0">
                <label htmlFor={id} className={checked ? "text-muted line-through" : "font-medium"}>
                  {i + 1}. {s.title}
                </label>
                {s.detail && (
                  <p id={`${id}-detail`} className="mt-0.5 whitespace-pre-wrap text-muted">
                    {s.detail}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <p role="status" aria-live="polite" className="mt-1 text-sm text-danger">
          {state.ok === false ? state.message : ""}
        </p>
      )}
    </div>
  );
}
