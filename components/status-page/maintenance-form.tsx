"use client";

import { useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { describedByIds, FieldNotes, SelectField, TextArea, TextField } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { useBrowserTimeZone, useTimeZoneOptions } from "@/components/ui/use-time-zones";
import type { FormState } from "@/lib/forms";
import { formatWindowUtc } from "@/lib/status-page/format";
import { localDateTimeToMs } from "@/lib/slo/wall-clock";
import { toLocalInput } from "@/lib/status-page/maintenance-time";

export type MaintenanceFormValues = {
  id?: string;
  version?: number;
  title: string;
  description: string;
  /** ISO instants; "" for a new maintenance. */
  startsAt: string;
  endsAt: string;
  /** Slugs of the affected public services. */
  services: string[];
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  mode: "create" | "edit";
  initial: MaintenanceFormValues;
  /** The public services to choose among. */
  components: { slug: string; name: string }[];
  backHref: string;
};

type TimeField = "startsAt" | "endsAt";

/**
 * Schedules or edits a maintenance: title, public description, a window typed in a time zone (the
 * browser's unless another is chosen) and the public components it affects. Typed text is kept
 * when the save is refused; the window is echoed in UTC, as the status page shows it.
 */
export function MaintenanceForm({ action, mode, initial, components, backHref }: Props) {
  const { state, pending, formProps } = useKeepingForm(action);
  const err = (k: string) => state.fieldErrors?.[k];
  const browser = useBrowserTimeZone();
  const [zoneChoice, setZoneChoice] = useState("");
  const zone = zoneChoice || browser || "UTC";
  const zones = useTimeZoneOptions(zone);
  // Untouched times show the stored instant in the chosen zone; typed ones stay as typed.
  const [typed, setTyped] = useState<Partial<Record<TimeField, string>>>({});
  const shown = (k: TimeField) => typed[k] ?? (initial[k] ? toLocalInput(Date.parse(initial[k]), zone) : "");
  const startMs = shown("startsAt") ? localDateTimeToMs(shown("startsAt"), zone) : null;
  const endMs = shown("endsAt") ? localDateTimeToMs(shown("endsAt"), zone) : null;
  const utcEcho = startMs !== null && endMs !== null && endMs > startMs ? formatWindowUtc(startMs, endMs) : null;
  const servicesHint = "Subscribers of these components (and those following every component) are emailed.";

  return (
    <form {...formProps} aria-label={mode === "create" ? "Schedule maintenance" : "Edit maintenance"} className="space-y-5" noValidate>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <TextField name="title" label="Title" required maxLength={200} defaultValue={initial.title} errors={err("title")} hint="Public: shown on /status and in the emails, e.g. Database upgrade." />
      <TextArea name="description" label="Description" rows={4} maxLength={5000} defaultValue={initial.description} errors={err("description")} hint="Public: what customers will notice and what to do. Optional." />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="startsAt" label="Starts" type="datetime-local" required value={shown("startsAt")} onChange={(e) => setTyped((t) => ({ ...t, startsAt: e.target.value }))} errors={err("startsAt")} />
        <TextField name="endsAt" label="Ends" type="datetime-local" required value={shown("endsAt")} onChange={(e) => setTyped((t) => ({ ...t, endsAt: e.target.value }))} errors={err("endsAt")} />
        <SelectField name="timeZone" label="Time zone" value={zone} onChange={(e) => setZoneChoice(e.target.value)} errors={err("timeZone")} hint="The times are read in this zone.">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-sm text-muted" data-testid="window-utc">
        {utcEcho ? `On the status page: ${utcEcho}` : "Enter a start and an end after it."}
      </p>
      <fieldset className="space-y-1" aria-describedby={describedByIds("services", servicesHint, err("services"))}>
        <legend className="mb-1 text-sm font-medium">Affected components</legend>
        {components.length === 0 ? (
          <p className="text-sm text-muted">No service is public yet: make one public in its settings first.</p>
        ) : (
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {components.map((c) => (
              <label key={c.slug} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="services" value={c.slug} defaultChecked={initial.services.includes(c.slug)} className="h-4 w-4" />
                {c.name}
              </label>
            ))}
          </div>
        )}
        <FieldNotes name="services" hint={servicesHint} errors={err("services")} />
      </fieldset>
      <Outcome state={state} withFields={false} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Schedule maintenance" : "Save changes"}
        </Button>
        <Link href={backHref} className={buttonClass("secondary")}>
          Back to the list
        </Link>
      </div>
    </form>
  );
}
