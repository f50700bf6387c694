"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { saveRatesAction } from "@/lib/oncall/rates-actions";
import type { RatesDto } from "@/lib/oncall/rates-store";
import type { FormState } from "@/lib/forms";

/** The on-call pay rates (admin): weekly stipend, hourly rate and multiplier for off-hours response, SEV1 day off. */
export function RatesForm({ rates }: { rates: RatesDto }) {
  const [state, action, pending] = useActionState(saveRatesAction, {} as FormState);
  const v = state.ok === false ? (state.values ?? {}) : null;
  const e = state.fieldErrors ?? {};
  const val = (k: keyof RatesDto) => v?.[k] ?? String(rates[k]);
  return (
    <form action={action} className="space-y-3" key={JSON.stringify(v ?? rates)} noValidate aria-label="On-call pay rates">
      <input type="hidden" name="version" value={rates.version} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField name="currency" label="Currency" defaultValue={val("currency")} errors={e.currency} maxLength={3} />
        <TextField name="weeklyStipend" label="Weekly stipend" type="number" min={0} step="0.01" defaultValue={val("weeklyStipend")} errors={e.weeklyStipend} hint="For a full week on call; pro-rated by hours." />
        <TextField name="hourlyRate" label="Hourly rate" type="number" min={0} step="0.01" defaultValue={val("hourlyRate")} errors={e.hourlyRate} />
        <TextField name="responseMultiplier" label="Off-hours multiplier" type="number" min={0} max={10} step="0.1" defaultValue={val("responseMultiplier")} errors={e.responseMultiplier} hint="Response outside business hours pays rate × this." />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="sev1DayOff" defaultChecked={v ? v.sev1DayOff === "on" : rates.sev1DayOff} />A day off after responding to a SEV1 that started outside business hours
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save rates
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
