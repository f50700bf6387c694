"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "./button";
import { FormMessage } from "./field";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  children?: ReactNode;
  className?: string;
};

/** A small form around one server action (a button, optionally a few fields), with its outcome announced. */
export function ActionForm({ action, hidden = {}, label, variant = "secondary", confirm: question, children, className = "" }: Props) {
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form
      action={formAction}
      className={`flex flex-wrap items-center gap-2 ${className}`}
      onSubmit={(e) => {
        if (question && !window.confirm(question)) e.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending} className="py-1">
        {label}
      </Button>
      {state.ok === false && <FormMessage state={state} />}
    </form>
  );
}
