"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldNotes, FormMessage, describedByIds, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";
import { saveSeverityTargetsAction } from "@/lib/incidents/severity-actions";
import type { TargetUnit } from "@/lib/incidents/severity-schemas";

export type SeverityRow = {
  severity: string;
  label: string;
  meaning: string;
  respond: { value: string; unit: TargetUnit };
  resolve: { value: string; unit: TargetUnit };
  postmortemRequired: boolean;
  edited: boolean;
};

const UNITS: { value: TargetUnit; label: string }[] = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
  { value: "businessDays", label: "business days" },
];

function TargetInput({ name, label, initial, errors }: { name: string; label: string; initial: SeverityRow["respond"]; errors?: string[] }) {
  const id = name.replace(".", "-");
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <input
          id={id}
          name={`${name}Value`}
          type="number"
          min={1}
          step={1}
          required
          defaultValue={initial.value}
          aria-label={label}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedByIds(id, undefined, errors)}
          className={`${inputClass} w-24`}
        />
        <select name={`${name}Unit`} defaultValue={initial.unit} aria-label={`${label}: unit`} className={`${inputClass} w-auto`}>
          {UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </div>
      <FieldNotes name={id} errors={errors} />
    </div>
  );
}

/** The four severities' targets in one form; submitted by hand so a refused save keeps what was typed. */
export function SeverityTargetsForm({ rows }: { rows: SeverityRow[] }) {
  const [state, save, pending] = useActionState(saveSeverityTargetsAction, {} as FormState);
  const errors = state.fieldErrors ?? {};
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    startTransition(() => save(data));
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Severity targets</caption>
          <thead>
            <tr className="border-b border-line text-left text-muted">
              <th scope="col" className="py-2 pr-3 font-medium">
                Severity
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Respond within
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Resolve within
              </th>
              <th scope="col" className="py-2 font-medium">
                Postmortem
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.severity} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-3 text-left font-normal">
                  <span className="font-semibold">{r.severity}</span> — {r.label}
                  <span className="block text-xs text-muted">
                    {r.meaning}
                    {r.edited ? " · edited" : " · Keel's default"}
                  </span>
                </th>
                <td className="py-3 pr-3">
                  <TargetInput name={`${r.severity}.respond`} label={`${r.severity} respond within`} initial={r.respond} errors={errors[`${r.severity}.respondValue`]} />
                </td>
                <td className="py-3 pr-3">
                  <TargetInput name={`${r.severity}.resolve`} label={`${r.severity} resolve within`} initial={r.resolve} errors={errors[`${r.severity}.resolveValue`]} />
                </td>
                <td className="py-3">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name={`${r.severity}.postmortemRequired`} defaultChecked={r.postmortemRequired} />
                    Required to close
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save targets
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
