"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createUserAction } from "@/lib/users/actions";
import type { FormState } from "@/lib/forms";

export function CreateUserForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createUserAction, {} as FormState);
  const v = state.ok === false ? state.values ?? {} : {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" key={JSON.stringify(v)} noValidate>
      <TextField name="email" label="Email" type="email" defaultValue={v.email} errors={e.email} />
      <TextField name="name" label="Name" defaultValue={v.name} errors={e.name} />
      <SelectField name="role" label="Role" defaultValue={v.role ?? "viewer"} errors={e.role}>
        <option value="viewer">Viewer — reads everything</option>
        <option value="responder">Responder — runs incidents, writes postmortems</option>
        <option value="admin">Admin — configures Keel</option>
      </SelectField>
      <SelectField name="team" label="Team" defaultValue={v.team ?? ""} errors={e.team}>
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <TextField name="password" label="Password" type="password" autoComplete="new-password" errors={e.password} hint="At least 12 characters. Leave empty for single sign-on users." />
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          Create user
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
