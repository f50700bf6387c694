"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { saveIntegrationAction } from "@/lib/integrations/actions";
import type { RuleRow } from "@/lib/integrations/rule-form";
import { IntegrationBasics } from "./severity-options";
import { RulesEditor } from "./rules-editor";

type Props = {
  integration: { id: string; name: string; version: number; defaultSeverity: string; onAllResolved: string };
  rules: RuleRow[];
  services: { slug: string; name: string }[];
};

/** An integration's settings and mapping rules; a refused save keeps every row as typed. */
export function IntegrationSettingsForm({ integration: it, rules, services }: Props) {
  const [state, save, pending] = useActionState(saveIntegrationAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    startTransition(() => save(data));
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={it.id} />
      <input type="hidden" name="version" value={it.version} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="name" label="Name" required maxLength={100} defaultValue={it.name} errors={errors.name} />
        <IntegrationBasics idPrefix="edit" defaults={it} />
      </div>
      <RulesEditor initial={rules} services={services} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save integration
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
