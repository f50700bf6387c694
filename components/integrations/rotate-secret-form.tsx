"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { ShownOnce } from "@/components/ui/shown-once";
import type { FormState } from "@/lib/forms";
import { rotateIntegrationSecretAction } from "@/lib/integrations/actions";
import { AlertmanagerSnippet } from "./alertmanager-snippet";

/** Issues a new secret URL (the old one stops at once) and shows it once. */
export function RotateSecretForm({ id, prefix }: { id: string; prefix: string }) {
  const [state, rotate, pending] = useActionState(rotateIntegrationSecretAction, {} as FormState);
  return (
    <div className="space-y-2">
      <form
        action={rotate}
        className="flex flex-wrap items-center gap-3"
        onSubmit={(e) => {
          if (!window.confirm("Issue a new URL? The current one stops working at once.")) e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <span className="text-sm text-muted">
          Current URL: <code>…/alertmanager/{prefix}…</code>
        </span>
        <Button type="submit" variant="secondary" disabled={pending}>
          Issue a new URL
        </Button>
      </form>
      {state.ok === false && <FormMessage state={state} />}
      {state.ok && state.secret && (
        <>
          <ShownOnce id="rotated-url" label="New webhook URL" value={state.secret}>
            {state.message}
          </ShownOnce>
          <AlertmanagerSnippet url={state.secret} />
        </>
      )}
    </div>
  );
}
