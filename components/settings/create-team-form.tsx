"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { createTeamAction } from "@/lib/users/actions";
import type { FormState } from "@/lib/forms";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, {} as FormState);
  const v = state.ok === false ? state.values ?? {} : {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-3" key={JSON.stringify(v)} noValidate>
      <TextField name="name" label="Name" defaultValue={v.name} errors={e.name} />
      <TextField name="slug" label="Slug" defaultValue={v.slug} errors={e.slug} />
      <TextField name="description" label="Description" defaultValue={v.description} errors={e.description} />
      <div className="flex items-end gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>
          Create team
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
