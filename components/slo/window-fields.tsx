"use client";

import { SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { SloFormValues } from "@/lib/slo/form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { useBrowserTimeZone, useTimeZoneOptions } from "@/components/ui/use-time-zones";

type Setter = <K extends keyof SloFormValues>(key: K, value: string) => void;

/** The SLO window (rolling days or a calendar month/quarter in a zone) and how the budget is counted. */
export function WindowFields({ values: v, set, errors: e }: { values: SloFormValues; set: Setter; errors: FieldErrors }) {
  const browser = useBrowserTimeZone();
  const zone = v.timeZone || browser || "UTC";
  const options = useTimeZoneOptions(zone);
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-sm font-semibold">Window and budget</legend>
      <input type="hidden" name="browserTimeZone" value={browser} />
      <ChoiceGroup
        name="windowKind"
        legend="Window"
        value={v.windowKind}
        onChange={(x) => set("windowKind", x)}
        errors={e.windowKind}
        options={[
          { value: "rolling", label: "Rolling (the last N days)" },
          { value: "calendar", label: "Calendar (this month or quarter)" },
        ]}
      />
      {v.windowKind === "calendar" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="calendarUnit" label="Calendar period" value={v.calendarUnit} onChange={(ev) => set("calendarUnit", ev.target.value)} errors={e.calendarUnit}>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </SelectField>
          <SelectField name="timeZone" label="Time zone" value={zone} onChange={(ev) => set("timeZone", ev.target.value)} errors={e.timeZone} hint="Where the period starts and ends; defaults to your browser's zone.">
            {options.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="windowDays" label="Days" value={v.windowDays} onChange={(ev) => set("windowDays", ev.target.value)} errors={e.windowDays}>
            <option value="7">7 days</option>
            <option value="28">28 days (four whole weeks)</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
          </SelectField>
        </div>
      )}
      <ChoiceGroup
        name="budgeting"
        legend="Budgeting"
        value={v.budgeting}
        onChange={(x) => set("budgeting", x)}
        errors={e.budgeting}
        hint="Occurrences count events; time slices count the minutes in which the SLI met the slice target."
        options={[
          { value: "occurrences", label: "Occurrences (events)" },
          { value: "timeslices", label: "Time slices" },
        ]}
      />
      {v.budgeting === "timeslices" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="sliceMinutes" label="Slice length" value={v.sliceMinutes} onChange={(ev) => set("sliceMinutes", ev.target.value)} errors={e.sliceMinutes}>
            <option value="1">1 minute</option>
            <option value="5">5 minutes</option>
          </SelectField>
          <TextField name="sliceTarget" label="Slice target (%)" inputMode="decimal" value={v.sliceTarget} onChange={(ev) => set("sliceTarget", ev.target.value)} errors={e.sliceTarget} hint="A slice is good when its SLI is at or above this, e.g. 99." />
        </div>
      )}
    </fieldset>
  );
}
