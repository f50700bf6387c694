"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldNotes, FormMessage, inputClass } from "@/components/ui/field";
import { useBrowserTimeZone, useTimeZoneOptions } from "@/components/ui/use-time-zones";
import { setTimeZoneAction } from "@/lib/users/profile-actions";
import type { FormState } from "@/lib/forms";

/** My IANA time zone: on-call health splits my hours into business hours, off-hours and nights in it. */
export function TimeZoneForm({ current }: { current: string }) {
  const [state, action, pending] = useActionState(setTimeZoneAction, {} as FormState);
  const [zone, setZone] = useState(current);
  const zones = useTimeZoneOptions(zone);
  const browser = useBrowserTimeZone();
  return (
    <form action={action} className="max-w-md space-y-2" aria-label="Time zone">
      <label htmlFor="timeZone" className="block text-sm font-medium">
        Time zone
      </label>
      <select id="timeZone" name="timeZone" className={inputClass} value={zone} onChange={(e) => setZone(e.target.value)} aria-describedby="timeZone-hint" aria-invalid={state.fieldErrors?.timeZone ? true : undefined}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <FieldNotes name="timeZone" hint={browser && browser !== zone ? `This browser is in ${browser}.` : "Schedules show your own time next to theirs."} errors={state.fieldErrors?.timeZone} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save time zone
        </Button>
        {browser && browser !== zone && (
          <Button type="button" variant="secondary" onClick={() => setZone(browser)}>
            Use {browser}
          </Button>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
