"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/forms";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * A form bound to a server action that keeps what was typed when the action refuses it: it
 * dispatches the action itself instead of letting React reset the form after every submit.
 * `onSuccess` runs after an accepted submit (a composer clears itself there); otherwise the form
 * stays as saved.
 */
export function useKeepingForm(action: Action, { onSuccess }: { onSuccess?: (form: HTMLFormElement) => void } = {}) {
  const [state, dispatch, pending] = useActionState(action, {} as FormState);
  const ref = useRef<HTMLFormElement>(null);
  const success = useRef(onSuccess);
  useEffect(() => {
    success.current = onSuccess;
  });
  useEffect(() => {
    if (state.ok && ref.current) success.current?.(ref.current);
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { ref, action: dispatch, onSubmit, "aria-busy": pending || undefined } };
}

/** The outcome of a submit, with any field messages, in a live region. */
export function Outcome({ state, withFields = true }: { state: FormState; withFields?: boolean }) {
  const extra = withFields ? Object.values(state.fieldErrors ?? {}).flat().filter((m) => m !== state.message) : [];
  return (
    <div role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-ok" : "text-danger"}`}>
      {state.message && <p>{state.message}</p>}
      {extra.length > 0 && (
        <ul className="list-disc pl-5">
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A small incident form drawn on the server (its fields and buttons are children), outcome below. */
export function IncidentForm({ action, label, children, className = "", resetOnSuccess }: { action: Action; label: string; children: ReactNode; className?: string; resetOnSuccess?: boolean }) {
  const { state, formProps } = useKeepingForm(action, { onSuccess: resetOnSuccess ? (form) => form.reset() : undefined });
  return (
    <form {...formProps} aria-label={label} className={className}>
      {children}
      <Outcome state={state} />
    </form>
  );
}
