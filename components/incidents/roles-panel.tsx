import { Button } from "@/components/ui/button";
import type { IncidentDto } from "@/lib/incidents/dto";
import type { Person } from "@/lib/incidents/changes";
import { assignMeCommanderAction } from "@/lib/incidents/actions";
import { IncidentForm } from "./keep-form";
import { RolePickers } from "./role-pickers";

const who = (p: Person | null) => (p ? p.name || p.email : null);

/** Who runs the incident; responders can take command and pick the others. */
export function RolesPanel({ incident, userId, people }: { incident: IncidentDto; userId: string; people: Person[] | null }) {
  const { commander, commsLead, responders } = incident.roles;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Commander</dt>
        <dd data-testid="commander">{who(commander) ?? <span className="text-muted">Unassigned</span>}</dd>
        <dt className="text-muted">Comms lead</dt>
        <dd>{who(commsLead) ?? <span className="text-muted">Unassigned</span>}</dd>
        <dt className="text-muted">Responders</dt>
        <dd>{responders.length ? responders.map(who).join(", ") : <span className="text-muted">None yet</span>}</dd>
      </dl>
      {people && (
        <>
          {commander?.id !== userId && (
            <IncidentForm action={assignMeCommanderAction} label="Take command">
              <input type="hidden" name="incident" value={incident.id} />
              <Button type="submit" className="py-1">
                Assign me as commander
              </Button>
            </IncidentForm>
          )}
          <details className="rounded-md border border-line p-2">
            <summary className="cursor-pointer text-sm font-medium">Change roles</summary>
            <div className="mt-3">
              <RolePickers incidentId={incident.id} people={people} commander={commander?.id ?? null} commsLead={commsLead?.id ?? null} responders={responders.map((p) => p.id)} />
            </div>
          </details>
        </>
      )}
    </div>
  );
}
