"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import type { FormState } from "@/lib/forms";
import { createIntegrationAction } from "@/lib/integrations/actions";
import { AlertmanagerSnippet } from "./alertmanager-snippet";
import { IntegrationBasics } from "./severity-options";

/** Creates an Alertmanager integration and shows its secret URL once, with the receiver to paste. */
export function CreateIntegrationForm() {
  const [state, create, pending] = useActionState(createIntegrationAction, {} as FormState);
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    startTransition(() => create(data));
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-3" noValidate>
        <TextField name="name" label="Name" required maxLength={100} placeholder="prod-alertmanager" errors={state.fieldErrors?.name} defaultValue={state.ok ? "" : state.values?.name} />
        <IntegrationBasics idPrefix="new" defaults={{ defaultSeverity: "SEV3", onAllResolved: "monitoring" }} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <Button type="submit" disabled={pending}>
            Create integration
          </Button>
          <FormMessage state={state} />
        </div>
      </form>
      {state.ok && state.secret && (
        <div className="space-y-2">
          <ShownOnce id="integration-url" label="Webhook URL" value={state.secret}>
            The URL is the credential: anyone holding it can open incidents. Keel stores only its hash.
          </ShownOnce>
          <AlertmanagerSnippet url={state.secret} />
          {state.values?.id && (
            <Link href={`/settings/integrations/${state.values.id}`} className="text-sm text-link underline">
              Add mapping rules
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
