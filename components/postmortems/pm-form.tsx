"use client";

import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * A small postmortem form drawn on the server (fields and buttons are children) around one server
 * action: it keeps what was typed when refused, announces the outcome, and can ask to confirm.
 */
export function PmForm({
  action,
  label,
  children,
  className = "",
  resetOnSuccess,
  confirm: question,
  quiet,
}: {
  action: Action;
  label: string;
  children: ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  confirm?: string;
  /** Announce only refusals (for forms whose effect is visible anyway). */
  quiet?: boolean;
}) {
  const { state, formProps } = useKeepingForm(action, { onSuccess: resetOnSuccess ? (form) => form.reset() : undefined });
  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        if (question && !window.confirm(question)) {
          e.preventDefault();
          return;
        }
        formProps.onSubmit(e);
      }}
      aria-label={label}
      className={className}
    >
      {children}
      <Outcome state={quiet && state.ok ? {} : state} />
    </form>
  );
}
