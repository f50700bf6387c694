import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { allowedNext, isRelapse } from "@/lib/incidents/lifecycle";
import { SEVERITIES, severityInfo } from "@/lib/incidents/severity";
import type { IncidentDto } from "@/lib/incidents/dto";
import { changeSeverityAction, changeStatusAction, setCustomerFacingAction } from "@/lib/incidents/actions";
import { IncidentForm } from "./keep-form";
import { statusLabels } from "./status-badge";

/** For responders: move the status (only to the states the lifecycle allows next), change severity, flag customer impact. */
export function IncidentControls({ incident }: { incident: IncidentDto }) {
  const next = allowedNext(incident.status);
  const hidden = <input type="hidden" name="incident" value={incident.id} />;
  return (
    <div className="space-y-4">
      {next.length ? (
        <IncidentForm action={changeStatusAction} label="Change status" className="space-y-2">
          {hidden}
          <p className="text-sm font-medium">Move to</p>
          <div className="flex flex-wrap gap-2">
            {next.map((s) => (
              <Button key={s} type="submit" name="status" value={s} variant={s === "closed" ? "danger" : "secondary"} className="py-1">
                {s === "closed" ? "Close incident" : isRelapse(incident.status, s) ? "Back to investigating" : statusLabels[s]}
              </Button>
            ))}
          </div>
        </IncidentForm>
      ) : (
        <p className="text-sm text-muted">A closed incident is final; its status cannot change.</p>
      )}
      <IncidentForm action={changeSeverityAction} label="Change severity" className="space-y-2">
        {hidden}
        <label htmlFor="severity" className="block text-sm font-medium">
          Severity
        </label>
        <div className="flex gap-2">
          <select id="severity" name="severity" key={incident.severity} defaultValue={incident.severity} className={inputClass}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s} — {severityInfo(s).label}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="shrink-0 py-1">
            Change severity
          </Button>
        </div>
      </IncidentForm>
      <IncidentForm action={setCustomerFacingAction} label="Customer-facing flag">
        {hidden}
        <input type="hidden" name="customerFacing" value={String(!incident.customerFacing)} />
        <Button type="submit" variant="secondary" className="py-1">
          {incident.customerFacing ? "Mark not customer-facing" : "Mark customer-facing"}
        </Button>
      </IncidentForm>
    </div>
  );
}
