"use client";

import { Button } from "@/components/ui/button";
import { FieldNotes, TextField, describedByIds } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { subscribeAction } from "@/lib/status-page/actions";

const componentsHint = "Leave all unticked to hear about every component.";

/** Email updates: an address and, optionally, the components to follow. Confirmed by email. */
export function SubscribeForm({ components }: { components: { id: string; name: string }[] }) {
  const { state, pending, formProps } = useKeepingForm(subscribeAction, { onSuccess: (form) => form.reset() });
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form {...formProps} aria-label="Subscribe to updates" className="space-y-4" noValidate>
      <TextField name="email" label="Email address" type="email" autoComplete="email" required maxLength={254} defaultValue={state.values?.email} errors={err("email")} />
      {components.length > 0 && (
        <fieldset className="space-y-1" aria-describedby={describedByIds("components", componentsHint, err("components"))}>
          <legend className="mb-1 text-sm font-medium">Components</legend>
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {components.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="components" value={c.id} className="h-4 w-4" />
                {c.name}
              </label>
            ))}
          </div>
          <FieldNotes name="components" hint={componentsHint} errors={err("components")} />
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Subscribing…" : "Subscribe"}
        </Button>
        <Outcome state={state} withFields={false} />
      </div>
    </form>
  );
}
