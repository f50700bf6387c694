"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FormMessage, SelectField, TextArea, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";

export type ServiceFormValues = {
  name: string;
  slug: string;
  description: string;
  team: string;
  tier: string;
  public: boolean;
  runbook: string;
  repository: string;
  dashboard: string;
  labels: string;
  version?: number;
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: ServiceFormValues;
  teams: { slug: string; name: string }[];
  submitLabel: string;
  cancelHref: string;
  originalSlug?: string;
};

export function ServiceForm({ action, initial, teams, submitLabel, cancelHref, originalSlug }: Props) {
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  // After a failed submit the form shows what was typed, not what was loaded.
  const v = state.values;
  const val = (k: keyof ServiceFormValues) => (v ? (v[k] ?? "") : String(initial[k] ?? ""));
  const err = (k: string) => state.fieldErrors?.[k];
  const key = JSON.stringify(v ?? initial);
  return (
    <form action={formAction} className="space-y-4" key={key} noValidate>
      {originalSlug && <input type="hidden" name="originalSlug" value={originalSlug} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" required defaultValue={val("name")} errors={err("name")} />
        <TextField name="slug" label="Slug" required defaultValue={val("slug")} errors={err("slug")} hint="Lowercase letters, digits and hyphens; used in URLs and the API." />
      </div>
      <TextArea name="description" label="Description" rows={3} defaultValue={val("description")} errors={err("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="team" label="Owning team" defaultValue={val("team")} errors={err("team")}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="tier" label="Tier" defaultValue={val("tier") || "2"} errors={err("tier")} hint="Tier 1 is customer-critical; tier 3 is internal or best effort.">
          <option value="1">Tier 1 — critical</option>
          <option value="2">Tier 2 — important</option>
          <option value="3">Tier 3 — best effort</option>
        </SelectField>
      </div>
      <div className="flex items-center gap-2">
        <input id="public" name="public" type="checkbox" defaultChecked={v ? v.public === "on" : initial.public} className="h-4 w-4" />
        <label htmlFor="public" className="text-sm">
          Show on the public status page
        </label>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Links</legend>
        <TextField name="runbook" label="Runbook URL" type="url" defaultValue={val("runbook")} errors={err("runbook")} />
        <TextField name="repository" label="Repository URL" type="url" defaultValue={val("repository")} errors={err("repository")} />
        <TextField name="dashboard" label="Dashboard URL" type="url" defaultValue={val("dashboard")} errors={err("dashboard")} />
      </fieldset>
      <TextArea name="labels" label="Labels" rows={3} defaultValue={val("labels")} errors={err("labels")} hint="One key=value per line, e.g. env=prod." />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
