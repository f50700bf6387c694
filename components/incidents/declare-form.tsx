"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FieldNotes, SelectField, TextArea, TextField, describedByIds } from "@/components/ui/field";
import { declareIncidentAction } from "@/lib/incidents/actions";
import { Outcome, useKeepingForm } from "./keep-form";

export type SeverityChoice = { value: string; title: string; meaning: string; targets: string };

type Props = { severities: SeverityChoice[]; services: { slug: string; name: string }[] };

/** Declaring an incident: what broke, how badly, where. A refused form keeps what was typed. */
export function DeclareForm({ severities, services }: Props) {
  const { state, pending, formProps } = useKeepingForm(declareIncidentAction);
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form {...formProps} className="max-w-3xl space-y-5" noValidate>
      <TextField name="title" label="Title" required maxLength={200} errors={err("title")} hint="What is broken, as the people affected would say it." />
      <fieldset className="space-y-2" aria-describedby={describedByIds("severity", null, err("severity"))}>
        <legend className="mb-1 text-sm font-medium">Severity</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {severities.map((s) => (
            <label key={s.value} className="flex cursor-pointer items-start gap-2 rounded-md border border-line p-3 text-sm has-[:checked]:border-link">
              <input type="radio" name="severity" value={s.value} className="mt-1 h-4 w-4" aria-describedby={`severity-${s.value}-about`} />
              <span>
                <span className="block font-medium">{s.title}</span>
                <span id={`severity-${s.value}-about`} className="block text-xs text-muted">
                  {s.meaning}. {s.targets}
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldNotes name="severity" errors={err("severity")} />
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={describedByIds("services", "hint", err("services"))}>
        <legend className="mb-1 text-sm font-medium">Affected services</legend>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-3">
          {services.map((s) => (
            <label key={s.slug} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="services" value={s.slug} className="h-4 w-4" />
              {s.name}
            </label>
          ))}
        </div>
        <FieldNotes name="services" hint="Their SLOs, owners and status-page components follow the incident." errors={err("services")} />
      </fieldset>
      <TextArea name="summary" label="Summary" rows={4} errors={err("summary")} hint="What is known so far. It can be edited later." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="detectedBy" label="Detected by" defaultValue="user" errors={err("detectedBy")}>
          <option value="user">Someone on the team</option>
          <option value="customer">A customer report</option>
          <option value="alert">An alert</option>
        </SelectField>
        <div className="flex items-center gap-2 pt-6">
          <input id="customerFacing" name="customerFacing" type="checkbox" className="h-4 w-4" />
          <label htmlFor="customerFacing" className="text-sm">
            Customer-facing (customers notice it)
          </label>
        </div>
      </div>
      <Outcome state={state} withFields={false} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Declaring…" : "Declare incident"}
        </Button>
        <Link href="/incidents" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
