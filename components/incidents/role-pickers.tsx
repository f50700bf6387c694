"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, inputClass } from "@/components/ui/field";
import { setRolesAction } from "@/lib/incidents/actions";
import type { Person } from "@/lib/incidents/changes";
import { Outcome, useKeepingForm } from "./keep-form";

type Props = { incidentId: string; people: Person[]; commander: string | null; commsLead: string | null; responders: string[] };

const nameOf = (p: Person) => (p.name ? `${p.name} (${p.email})` : p.email);

/** Pickers for the incident commander, the communications lead and the responders (people with the responder role or above). */
export function RolePickers({ incidentId, people, commander, commsLead, responders }: Props) {
  const { state, pending, formProps } = useKeepingForm(setRolesAction);
  const [find, setFind] = useState("");
  const q = find.trim().toLowerCase();
  // Drawn again when the roles change elsewhere, so the pickers never send back a stale choice.
  const current = JSON.stringify([commander, commsLead, responders]);
  return (
    <form {...formProps} aria-label="Incident roles" className="space-y-3">
      <div key={current} className="space-y-3">
        <input type="hidden" name="incident" value={incidentId} />
        <input type="hidden" name="commanderWas" value={commander ?? ""} />
        <input type="hidden" name="commsLeadWas" value={commsLead ?? ""} />
        {responders.map((id) => (
          <input key={id} type="hidden" name="respondersWas" value={id} />
        ))}
        {(["commander", "commsLead"] as const).map((role) => (
          <SelectField key={role} name={role} label={role === "commander" ? "Incident commander" : "Communications lead"} defaultValue={(role === "commander" ? commander : commsLead) ?? ""}>
            <option value="">Nobody</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {nameOf(p)}
              </option>
            ))}
          </SelectField>
        ))}
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium">Responders</legend>
          {people.length > 8 && (
            <>
              <label htmlFor="find-responder" className="sr-only">
                Find people
              </label>
              <input id="find-responder" type="search" placeholder="Find people" value={find} onChange={(e) => setFind(e.target.value)} className={inputClass} />
            </>
          )}
          <div className="max-h-48 space-y-1 overflow-y-auto">
            {people.map((p) => (
              // Filtered-out people stay in the form (hidden), so their box keeps its state.
              <label key={p.id} hidden={Boolean(q) && !nameOf(p).toLowerCase().includes(q)} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="responders" value={p.id} defaultChecked={responders.includes(p.id)} className="h-4 w-4" />
                {nameOf(p)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="py-1">
        Save roles
      </Button>
      <Outcome state={state} />
    </form>
  );
}
