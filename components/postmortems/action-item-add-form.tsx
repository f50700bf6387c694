"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { addActionItemAction } from "@/lib/postmortems/actions";
import type { Option } from "./item-status-form";

/** Adds an action item to a draft postmortem; refused input stays in the form with its errors beside the fields. */
export function ActionItemAddForm({
  postmortemId,
  categories,
  priorities,
  people,
  idPrefix = "ai",
}: {
  postmortemId: string;
  categories: Option[];
  priorities: string[];
  people: { email: string; name: string }[];
  idPrefix?: string;
}) {
  const { state, pending, formProps } = useKeepingForm(addActionItemAction, { onSuccess: (form) => form.reset() });
  const err = (k: string) => (state.ok === false ? state.fieldErrors?.[k] : undefined);
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <form {...formProps} aria-label="Add an action item" className="space-y-3 rounded-md border border-dashed border-line p-3 print:hidden">
      <input type="hidden" name="postmortemId" value={postmortemId} />
      <p className="text-sm font-medium">Add an action item</p>
      <TextField id={id("title")} name="title" label="Action" required maxLength={300} placeholder="e.g. Alert on connection pool saturation above 80 %" errors={err("title")} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField id={id("category")} name="category" label="Category" defaultValue="prevent" errors={err("category")}>
          {categories.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField id={id("priority")} name="priority" label="Priority" defaultValue="P1" errors={err("priority")}>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <TextField id={id("owner")} name="owner" type="email" label="Owner (email)" list={id("people")} autoComplete="off" errors={err("owner")} />
        <TextField id={id("dueDate")} name="dueDate" type="date" label="Due date" errors={err("dueDate")} />
        <TextField id={id("link")} name="link" type="url" label="Link (optional)" placeholder="https://…" errors={err("link")} />
      </div>
      <datalist id={id("people")}>
        {people.map((p) => (
          <option key={p.email} value={p.email}>
            {p.name}
          </option>
        ))}
      </datalist>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending} className="py-1">
          Add action item
        </Button>
        <Outcome state={state} withFields={false} />
      </div>
    </form>
  );
}
