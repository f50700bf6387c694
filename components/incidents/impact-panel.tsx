import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { IncidentDto } from "@/lib/incidents/dto";
import { updateImpactAction } from "@/lib/incidents/actions";
import { IncidentForm } from "./keep-form";

const fields = [
  { key: "usersAffected", label: "Users affected" },
  { key: "trafficPercent", label: "Share of traffic (%)" },
  { key: "revenue", label: "Revenue lost" },
  { key: "supportTickets", label: "Support tickets" },
] as const;

/** What the incident cost: read-only for viewers; responders edit (an emptied field is cleared). */
export function ImpactPanel({ incident, canEdit }: { incident: IncidentDto; canEdit: boolean }) {
  const impact = incident.impact;
  if (!canEdit) {
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {fields.map((f) => (
          <div key={f.key} className="contents">
            <dt className="text-muted">{f.label}</dt>
            <dd>{impact[f.key] ?? <span className="text-muted">Not recorded</span>}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <IncidentForm action={updateImpactAction} label="Impact" className="space-y-2">
      <input type="hidden" name="incident" value={incident.id} />
      <div className="grid grid-cols-2 gap-2">
        {fields.map((f) => {
          const value = impact[f.key] === undefined ? "" : String(impact[f.key]);
          return (
            <div key={f.key} className="space-y-1">
              <label htmlFor={`impact-${f.key}`} className="block text-xs font-medium">
                {f.label}
              </label>
              <input type="hidden" name={`${f.key}Was`} value={value} />
              <input id={`impact-${f.key}`} key={value} name={f.key} inputMode="decimal" defaultValue={value} className={inputClass} />
            </div>
          );
        })}
      </div>
      <Button type="submit" variant="secondary" className="py-1">
        Save impact
      </Button>
    </IncidentForm>
  );
}
