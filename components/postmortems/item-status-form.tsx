"use client";

import { inputClass } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { updateActionItemAction } from "@/lib/postmortems/actions";

export type Option = { value: string; label: string };

/**
 * An action item's status, changed in place: choosing a status saves it (with the version the row
 * was drawn from, so a change made meanwhile by someone else is refused, not overwritten).
 */
export function ItemStatusForm({ itemId, postmortemId, version, status, title, options }: { itemId: string; postmortemId: string; version: number; status: string; title: string; options: Option[] }) {
  const { state, pending, formProps } = useKeepingForm(updateActionItemAction);
  return (
    <form {...formProps} aria-label={`Status of ${title}`} className="min-w-32">
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <select
        // Drawn again when the saved status changes, so the box shows what is stored.
        key={`${version}-${status}`}
        name="status"
        defaultValue={status}
        disabled={pending}
        aria-label={`Status of “${title}”`}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className={`${inputClass} py-1`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Outcome state={state} withFields={false} />
    </form>
  );
}
