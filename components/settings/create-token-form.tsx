"use client";

import { useActionState } from "react";
import { ShownOnce } from "@/components/ui/shown-once";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { createTokenAction } from "@/lib/users/actions";
import type { FormState } from "@/lib/forms";

export function CreateTokenForm({ users }: { users: { email: string; role: string }[] }) {
  const [state, action, pending] = useActionState(createTokenAction, {} as FormState);
  const v = state.ok === false ? state.values ?? {} : {};
  const e = state.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-3" key={JSON.stringify(v)} noValidate>
        <TextField name="name" label="Token name" defaultValue={v.name} errors={e.name} placeholder="ci-pipeline" />
        <SelectField name="email" label="Acts for user" defaultValue={v.email} errors={e.email}>
          {users.map((u) => (
            <option key={u.email} value={u.email}>
              {u.email} ({u.role})
            </option>
          ))}
        </SelectField>
        <SelectField name="role" label="Role" defaultValue={v.role ?? ""} errors={e.role} hint="Never more than the user's own role.">
          <option value="">Same as the user</option>
          <option value="viewer">Viewer</option>
          <option value="responder">Responder</option>
          <option value="admin">Admin</option>
        </SelectField>
        <div className="flex items-end gap-3 sm:col-span-3">
          <Button type="submit" disabled={pending}>
            Create token
          </Button>
          <FormMessage state={state} />
        </div>
      </form>
      {state.secret && (
        <ShownOnce id="new-token" label="New token (shown once)" value={state.secret} />
      )}
    </div>
  );
}
