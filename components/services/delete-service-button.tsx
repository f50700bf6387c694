"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { deleteServiceAction } from "@/lib/services/actions";
import type { FormState } from "@/lib/forms";

export function DeleteServiceButton({ slug, name }: { slug: string; name: string }) {
  const [state, action, pending] = useActionState(deleteServiceAction, {} as FormState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Delete ${name}? This cannot be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="slug" value={slug} />
      <Button type="submit" variant="danger" disabled={pending}>
        Delete
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
