"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { describedByIds, FieldNotes, inputClass, SelectField, TextArea, TextField } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { SEVERITIES, severityInfo } from "@/lib/incidents/severity";
import type { FormState } from "@/lib/forms";
import { slugFromTitle } from "./slug";

export type RunbookEditorValues = {
  slug: string;
  title: string;
  scenario: string;
  /** One alert name per line. */
  alertNames: string;
  severityHint: string;
  steps: { title: string; detail: string }[];
  contacts: { name: string; how: string }[];
  version?: number;
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: RunbookEditorValues;
  /** Editing keeps the slug; creating lets the admin choose it (suggested from the title). */
  mode: "create" | "edit";
  cancelHref: string;
};

type Keyed<T> = T & { key: number };
const MAX_ROWS = 1000;
const keyed = <T,>(items: T[]): Keyed<T>[] => items.map((x, key) => ({ ...x, key }));

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** One of a repeated row's inputs: several share a `name`, so each gets its own id for its label and notes. */
function RowField({ id, name, label, value, onChange, errors }: { id: string; name: string; label: string; value: string; onChange: (v: string) => void; errors?: string[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedByIds(id, undefined, errors)} />
      <FieldNotes name={id} errors={errors} />
    </div>
  );
}

/**
 * The runbook form: title, slug, scenario, alert names, severity hint, ordered steps (add, remove,
 * move up and down) and contacts. Every field is held in state, so a refused save loses nothing.
 */
export function RunbookEditor({ action, initial, mode, cancelHref }: Props) {
  const { state, pending, formProps } = useKeepingForm(action);
  // Rows loaded with the form are keyed by position; rows added later by this counter, past any position.
  const nextKey = useRef(MAX_ROWS);
  const [title, setTitle] = useState(initial.title);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(mode === "edit" || initial.slug !== "");
  const [steps, setSteps] = useState(() => keyed(initial.steps.length ? initial.steps : [{ title: "", detail: "" }]));
  const [contacts, setContacts] = useState(() => keyed(initial.contacts));
  const err = (k: string) => state.fieldErrors?.[k];

  const setStep = (i: number, patch: Partial<{ title: string; detail: string }>) => setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setContact = (i: number, patch: Partial<{ name: string; how: string }>) => setContacts((c) => c.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <form {...formProps} aria-label={mode === "create" ? "New runbook" : "Edit runbook"} className="space-y-6" noValidate>
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="title"
          label="Title"
          required
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!slugTouched) setSlug(slugFromTitle(e.target.value));
          }}
          errors={err("title")}
        />
        {mode === "create" ? (
          <TextField
            name="slug"
            label="Slug"
            required
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugTouched(true);
            }}
            errors={err("slug")}
            hint="Lowercase letters, digits and hyphens; used in URLs and the API."
          />
        ) : (
          <div className="space-y-1">
            <p className="text-sm font-medium">Slug</p>
            <p className="py-2 text-sm">
              <code>{slug}</code>
            </p>
            <input type="hidden" name="slug" value={slug} />
          </div>
        )}
      </div>
      <TextArea name="scenario" label="Scenario" rows={3} defaultValue={initial.scenario} errors={err("scenario")} hint="When to use it: the symptoms, the alert, what is at stake." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextArea
          name="alertNames"
          label="Alert names"
          rows={3}
          defaultValue={initial.alertNames}
          errors={Object.entries(state.fieldErrors ?? {}).flatMap(([k, v]) => (k === "alertNames" || k.startsWith("alertNames.") ? v : []))}
          hint="The alertname labels that attach this runbook when Alertmanager opens an incident; one per line."
        />
        <SelectField name="severityHint" label="Severity hint" defaultValue={initial.severityHint} errors={err("severityHint")}>
          <option value="">None</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s} — {severityInfo(s).label}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="space-y-3" aria-describedby={describedByIds("steps", undefined, err("steps"))}>
        <legend className="text-sm font-semibold">Steps, in order</legend>
        <FieldNotes name="steps" errors={err("steps")} />
        <ol className="space-y-3">
          {steps.map((s, i) => {
            const n = i + 1;
            return (
              <li key={s.key} className="rounded-md border border-line p-3" aria-label={`Step ${n}`}>
                <div className="flex flex-wrap items-start gap-2">
                  <div className="min-w-0 flex-1">
                    <RowField id={`step-${s.key}-title`} name="stepTitle" label={`Step ${n} title`} value={s.title} onChange={(v) => setStep(i, { title: v })} errors={err(`steps.${i}.title`)} />
                  </div>
                  <div className="flex gap-1 pt-6">
                    <Button type="button" variant="secondary" className="py-1" disabled={i === 0} onClick={() => setSteps((x) => move(x, i, i - 1))} aria-label={`Move step ${n} up`}>
                      ↑
                    </Button>
                    <Button type="button" variant="secondary" className="py-1" disabled={i === steps.length - 1} onClick={() => setSteps((x) => move(x, i, i + 1))} aria-label={`Move step ${n} down`}>
                      ↓
                    </Button>
                    <Button type="button" variant="danger" className="py-1" onClick={() => setSteps((x) => x.filter((_, j) => j !== i))} aria-label={`Remove step ${n}`}>
                      Remove
                    </Button>
                  </div>
                </div>
                <div className="mt-2 space-y-1">
                  <label htmlFor={`step-${s.key}-detail`} className="block text-sm font-medium">
                    Step {n} details <span className="font-normal text-muted">(optional)</span>
                  </label>
                  <textarea id={`step-${s.key}-detail`} name="stepDetail" rows={2} className={inputClass} value={s.detail} onChange={(e) => setStep(i, { detail: e.target.value })} />
                  <FieldNotes name={`step-${s.key}-detail`} errors={err(`steps.${i}.detail`)} />
                </div>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" onClick={() => setSteps((x) => [...x, { title: "", detail: "", key: nextKey.current++ }])}>
          Add step
        </Button>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Contacts</legend>
        {contacts.length === 0 && <p className="text-sm text-muted">No contacts yet.</p>}
        <ul className="space-y-2">
          {contacts.map((c, i) => {
            const n = i + 1;
            return (
              <li key={c.key} className="grid items-start gap-2 sm:grid-cols-[1fr_2fr_auto]" aria-label={`Contact ${n}`}>
                <RowField id={`contact-${c.key}-name`} name="contactName" label={`Contact ${n} name`} value={c.name} onChange={(v) => setContact(i, { name: v })} errors={err(`contacts.${i}.name`)} />
                <RowField id={`contact-${c.key}-how`} name="contactHow" label={`Contact ${n}: how to reach`} value={c.how} onChange={(v) => setContact(i, { how: v })} errors={err(`contacts.${i}.how`)} />
                <Button type="button" variant="danger" className="mt-6 py-1" onClick={() => setContacts((x) => x.filter((_, j) => j !== i))} aria-label={`Remove contact ${n}`}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
        <Button type="button" variant="secondary" onClick={() => setContacts((x) => [...x, { name: "", how: "", key: nextKey.current++ }])}>
          Add contact
        </Button>
      </fieldset>

      <Outcome state={state} withFields={false} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Create runbook" : "Save runbook"}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
