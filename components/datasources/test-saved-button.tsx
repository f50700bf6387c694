"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { testSavedDatasourceAction } from "@/lib/datasources/actions";

export function TestSavedButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(testSavedDatasourceAction, {} as FormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" className="py-1" disabled={pending} aria-label={`Test connection to ${name}`}>
        {pending ? "Testing…" : "Test"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
