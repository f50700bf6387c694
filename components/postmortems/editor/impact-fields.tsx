"use client";

import { TextField } from "@/components/ui/field";
import { IMPACT_LABELS, type ImpactDraft, type ImpactField } from "@/lib/postmortems/editor-state";
import type { Change, Errors } from "./types";

const NUMBERS: { field: ImpactField; hint?: string }[] = [
  { field: "usersAffected" },
  { field: "trafficPercent", hint: "0 to 100" },
  { field: "durationMinutes", hint: "Prefilled from the incident: start to resolution." },
  { field: "supportTickets" },
];

/** The impact figures; number boxes keep exactly what was typed and say when it is not a number. */
export function ImpactFields({ impact, change, errors }: { impact: ImpactDraft; change: Change; errors: Errors }) {
  const set = (field: ImpactField) => (e: React.ChangeEvent<HTMLInputElement>) => change({ type: "impact", field, value: e.target.value });
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {NUMBERS.map(({ field, hint }) => (
        <TextField key={field} id={`impact-${field}`} name={field} label={IMPACT_LABELS[field]} hint={hint} inputMode="decimal" autoComplete="off" value={impact[field]} onChange={set(field)} errors={errors[`impact.${field}`]} />
      ))}
      <div className="sm:col-span-2">
        <TextField id="impact-services" name="services" label={IMPACT_LABELS.services} hint="Separated by commas." value={impact.services} onChange={set("services")} errors={errors["impact.services"]} />
      </div>
      <div className="sm:col-span-2">
        <TextField id="impact-revenueImpact" name="revenueImpact" label={IMPACT_LABELS.revenueImpact} hint="Free text, e.g. about $12,000 of failed checkouts." value={impact.revenueImpact} onChange={set("revenueImpact")} errors={errors["impact.revenueImpact"]} />
      </div>
    </div>
  );
}
