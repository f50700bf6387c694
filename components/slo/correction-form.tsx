"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { describedByIds, FieldNotes, FormMessage, inputClass, SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { createCorrectionAction } from "@/lib/slo/correction-actions";
import { useBrowserTimeZone, useTimeZoneOptions } from "@/components/ui/use-time-zones";

const DAYS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
  ["SA", "Saturday"],
  ["SU", "Sunday"],
] as const;

const REPEAT_OPTIONS = [
  { value: "none", label: "Does not repeat" },
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
  { value: "monthly", label: "Monthly" },
  { value: "custom", label: "Custom rule" },
];


/** The weekday code of a datetime-local value's date ("" when there is none). */
function weekdayOf(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  if (!m) return "";
  return DAYS[(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay() + 6) % 7][0];
}

type Values = { reason: string; startsAt: string; timeZone: string; duration: string; durationUnit: string; repeat: string; byDay: string[]; count: string; rrule: string };
const EMPTY: Values = { reason: "", startsAt: "", timeZone: "", duration: "2", durationUnit: "hours", repeat: "none", byDay: [], count: "", rrule: "" };

type Submitted = FormState & { saved?: number };

/** Adds a maintenance window: a reason, a local start in a zone, a duration and how it repeats. */
export function CorrectionForm({ sloId }: { sloId: string }) {
  const [state, submit, pending] = useActionState(async (prev: Submitted, data: FormData): Promise<Submitted> => {
    const next = await createCorrectionAction(prev, data);
    return { ...next, saved: (prev.saved ?? 0) + (next.ok ? 1 : 0) };
  }, {});
  return (
    <div className="space-y-3">
      {/* A new key after each save starts the fields afresh; after a refusal they keep what was typed. */}
      <CorrectionFields key={state.saved ?? 0} sloId={sloId} errors={state.fieldErrors ?? {}} pending={pending} onSubmit={(data) => startTransition(() => submit(data))} />
      <FormMessage state={state} />
    </div>
  );
}

function CorrectionFields({ sloId, errors: e, pending, onSubmit }: { sloId: string; errors: FieldErrors; pending: boolean; onSubmit: (data: FormData) => void }) {
  const [v, setValues] = useState(EMPTY);
  const set = (key: keyof Values, value: string) => setValues((prev) => ({ ...prev, [key]: value }));
  const bind = (key: Exclude<keyof Values, "byDay">) => ({ value: v[key], onChange: (ev: { target: { value: string } }) => set(key, ev.target.value) });
  const browser = useBrowserTimeZone();
  const zone = v.timeZone || browser || "UTC";
  const zoneOptions = useTimeZoneOptions(zone);
  const repeats = v.repeat !== "none" && v.repeat !== "custom";

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        onSubmit(new FormData(ev.currentTarget));
      }}
    >
      <input type="hidden" name="sloId" value={sloId} />
      <TextField name="reason" label="Reason" required maxLength={500} {...bind("reason")} errors={e.reason} hint="Why these events should not count, e.g. planned database upgrade." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startsAt" label="Starts" type="datetime-local" required {...bind("startsAt")} errors={e.startsAt} />
        <SelectField name="timeZone" label="Time zone" value={zone} onChange={(ev) => set("timeZone", ev.target.value)} errors={e.timeZone} hint="The start, and every repeat, keep their local time in this zone.">
          {zoneOptions.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </SelectField>
        <TextField name="duration" label="Duration" inputMode="decimal" required {...bind("duration")} errors={e.duration} hint="Up to 31 days." />
        <SelectField name="durationUnit" label="Duration unit" {...bind("durationUnit")}>
          <option value="minutes">Minutes</option>
          <option value="hours">Hours</option>
        </SelectField>
      </div>
      <ChoiceGroup
        name="repeat"
        legend="Repeat"
        value={v.repeat}
        options={REPEAT_OPTIONS}
        errors={e.repeat}
        onChange={(repeat) =>
          setValues((prev) => ({ ...prev, repeat, byDay: repeat === "weekly" && !prev.byDay.length && weekdayOf(prev.startsAt) ? [weekdayOf(prev.startsAt)] : prev.byDay }))
        }
      />
      {v.repeat === "weekly" && (
        <fieldset className="space-y-1" aria-describedby={describedByIds("byDay", null, e.byDay)}>
          <legend className="mb-1 text-sm font-medium">On</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {DAYS.map(([code, name]) => (
              <label key={code} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="byDay"
                  value={code}
                  className="h-4 w-4"
                  checked={v.byDay.includes(code)}
                  onChange={(ev) => setValues((prev) => ({ ...prev, byDay: ev.target.checked ? [...prev.byDay, code] : prev.byDay.filter((d) => d !== code) }))}
                />
                {name}
              </label>
            ))}
          </div>
          <FieldNotes name="byDay" errors={e.byDay} />
        </fieldset>
      )}
      {repeats && <TextField name="count" label="Stop after (occurrences)" inputMode="numeric" {...bind("count")} errors={e.count} hint="Leave empty to repeat until the window is deleted." />}
      {v.repeat === "custom" && (
        <TextField
          name="rrule"
          label="Rule (RRULE)"
          className={`${inputClass} font-mono`}
          spellCheck={false}
          autoCapitalize="off"
          placeholder="FREQ=MONTHLY;BYDAY=1SU;COUNT=12"
          {...bind("rrule")}
          errors={e.rrule}
          hint="RFC 5545: FREQ DAILY, WEEKLY or MONTHLY, with INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL. No DTSTART: the start above is used."
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add window"}
      </Button>
    </form>
  );
}
