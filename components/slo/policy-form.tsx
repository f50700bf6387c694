"use client";

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldNotes, FormMessage, describedByIds, inputClass } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { saveOrgPolicyAction, saveServicePolicyAction } from "@/lib/slo/policy-actions";
import { MAX_ACTIONS, MAX_NOTE_LENGTH, POLICY_STATES, actionsField, type PolicyFormValues } from "@/lib/slo/policy-schemas";

const STATE_LABEL = { healthy: "Healthy", warning: "Warning", exhausted: "Exhausted" } as const;

type Save = (data: FormData) => void;

/** Every control is controlled and the form is submitted by hand, so a refused save keeps what was typed. */
const submitWith = (save: Save) => (ev: FormEvent<HTMLFormElement>) => {
  ev.preventDefault();
  const data = new FormData(ev.currentTarget);
  startTransition(() => save(data));
};

/** A label, its control and the control's hint and errors; `id` is unique on the page, `name` is not. */
function Labeled({ id, label, hint, errors, children }: { id: string; label: string; hint?: ReactNode; errors?: string[]; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldNotes name={id} hint={hint} errors={errors} />
    </div>
  );
}

const a11y = (id: string, hint: unknown, errors?: string[]) => ({
  id,
  "aria-describedby": describedByIds(id, hint, errors),
  "aria-invalid": errors?.length ? true : undefined,
});

type FieldsProps = {
  prefix: string;
  values: PolicyFormValues;
  set: (key: keyof PolicyFormValues, value: string) => void;
  errors: FieldErrors;
  withNote?: boolean;
};

/** Thresholds in percent, the actions per state (one per line) and, for an override, the note. */
function PolicyFields({ prefix, values, set, errors, withNote }: FieldsProps) {
  const control = (key: keyof PolicyFormValues, hint: ReactNode) => ({
    ...a11y(`${prefix}-${key}`, hint, errors[key]),
    name: key,
    value: values[key],
    onChange: (ev: { target: { value: string } }) => set(key, ev.target.value),
  });
  const warningHint = "Below this share of error budget left, a service is in Warning.";
  const exhaustedHint = "Below this it is Exhausted; must be lower than Warning.";
  const actionsHint = `One action per line, at most ${MAX_ACTIONS}.`;
  const noteHint = `Why this service differs from the organisation's policy; at most ${MAX_NOTE_LENGTH} characters.`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Labeled id={`${prefix}-warningBelowPercent`} label="Warning below (% of budget left)" hint={warningHint} errors={errors.warningBelowPercent}>
          <input className={inputClass} inputMode="decimal" required autoComplete="off" {...control("warningBelowPercent", warningHint)} />
        </Labeled>
        <Labeled id={`${prefix}-exhaustedBelowPercent`} label="Exhausted below (% of budget left)" hint={exhaustedHint} errors={errors.exhaustedBelowPercent}>
          <input className={inputClass} inputMode="decimal" required autoComplete="off" {...control("exhaustedBelowPercent", exhaustedHint)} />
        </Labeled>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {POLICY_STATES.map((s) => {
          const key = actionsField(s);
          return (
            <Labeled key={s} id={`${prefix}-${key}`} label={`Actions when ${STATE_LABEL[s]}`} hint={actionsHint} errors={errors[key]}>
              <textarea className={inputClass} rows={4} {...control(key, actionsHint)} />
            </Labeled>
          );
        })}
      </div>
      {withNote && (
        <Labeled id={`${prefix}-note`} label="Note" hint={noteHint} errors={errors.note}>
          <textarea className={inputClass} rows={2} {...control("note", noteHint)} />
        </Labeled>
      )}
    </>
  );
}

function useValues(initial: PolicyFormValues) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof PolicyFormValues, value: string) => setValues((prev) => ({ ...prev, [key]: value }));
  return { values, setValues, set };
}

/** The organisation's policy; `version` is what the page loaded (0 = the built-in default). */
export function OrgPolicyForm({ initial, version }: { initial: PolicyFormValues; version: number }) {
  const [state, save, saving] = useActionState(saveOrgPolicyAction, {} as FormState);
  const { values, set } = useValues(initial);
  return (
    <form noValidate aria-label="Organisation policy" className="space-y-4" onSubmit={submitWith(save)}>
      <input type="hidden" name="version" value={version} />
      <PolicyFields prefix="org" values={values} set={set} errors={state.fieldErrors ?? {}} />
      <FormMessage state={state} />
      <Button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save organisation policy"}
      </Button>
    </form>
  );
}

export type ServiceChoice = { slug: string; name: string; override?: { values: PolicyFormValues; version: number } };

const same = (a: PolicyFormValues, b: PolicyFormValues) => (Object.keys(a) as (keyof PolicyFormValues)[]).every((k) => a[k] === b[k]);

/**
 * A service's override: pick the service, then its thresholds, actions and note. Picking a service
 * loads its override (or the organisation's policy as a start), unless the fields were already changed.
 */
export function ServicePolicyForm({ services, organisation, selected = "" }: { services: ServiceChoice[]; organisation: PolicyFormValues; selected?: string }) {
  const [state, save, saving] = useActionState(saveServicePolicyAction, {} as FormState);
  const loaded = (slug: string) => services.find((s) => s.slug === slug)?.override?.values ?? organisation;
  const [service, setService] = useState(selected);
  const { values, setValues, set } = useValues(loaded(selected));
  const current = services.find((s) => s.slug === service);
  const errors = state.fieldErrors ?? {};
  const serviceHint = "Services marked “override” already have one; saving replaces it.";
  return (
    <form noValidate aria-label="Service override" className="space-y-4" onSubmit={submitWith(save)}>
      {current && <input type="hidden" name="version" value={current.override?.version ?? 0} />}
      <div className="max-w-md">
        <Labeled id="override-service" label="Service" hint={serviceHint} errors={errors.service}>
          <select
            className={inputClass}
            required
            {...a11y("override-service", serviceHint, errors.service)}
            name="service"
            value={service}
            onChange={(ev) => {
              const next = ev.target.value;
              if (same(values, loaded(service))) setValues(loaded(next));
              setService(next);
            }}
          >
            <option value="">Choose a service…</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.override ? `${s.name} (override)` : s.name}
              </option>
            ))}
          </select>
        </Labeled>
      </div>
      <PolicyFields prefix="override" values={values} set={set} errors={errors} withNote />
      <FormMessage state={state} />
      <Button type="submit" disabled={saving}>
        {saving ? "Saving…" : current?.override ? `Save override for ${current.name}` : "Save override"}
      </Button>
    </form>
  );
}
