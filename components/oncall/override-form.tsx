"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import { addOverrideAction } from "@/lib/oncall/actions";
import type { PersonOption } from "./editor-types";

type Props = {
  scheduleId: string;
  timeZone: string;
  people: PersonOption[];
  layers: { id: string; name: string }[];
  /** datetime-local defaults on the schedule's clock. */
  defaultStart: string;
  defaultEnd: string;
  me: string;
};

/** Add, replace or remove a person for a time range (responders). Times are on the schedule's clock. */
export function OverrideForm({ scheduleId, timeZone, people, layers, defaultStart, defaultEnd, me }: Props) {
  const { state, pending, formProps } = useKeepingForm(addOverrideAction, { onSuccess: (form) => form.reset() });
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form {...formProps} aria-label="Add an override" className="space-y-3" noValidate>
      <input type="hidden" name="schedule" value={scheduleId} />
      <input type="hidden" name="zone" value={timeZone} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField id="override-kind" name="kind" label="Override" defaultValue="replace" errors={err("kind")}>
          <option value="replace">Replace: only this person is on call</option>
          <option value="add">Add this person alongside</option>
          <option value="remove">Remove this person</option>
        </SelectField>
        <SelectField id="override-user" name="userId" label="Person" defaultValue={me} errors={err("userId")}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="override-layer" name="layerId" label="Layer" defaultValue="" errors={err("layerId")}>
          <option value="">Whole schedule (the top layer on call)</option>
          {[...layers].reverse().map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <TextField id="override-start" name="start" type="datetime-local" label={`Start (${timeZone})`} defaultValue={defaultStart} errors={err("start")} required />
        <TextField id="override-end" name="end" type="datetime-local" label={`End (${timeZone})`} defaultValue={defaultEnd} errors={err("end")} required />
        <TextField id="override-note" name="note" label="Note" placeholder="Optional: why" errors={err("note")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save override
        </Button>
        <Outcome state={state} withFields={false} />
      </div>
    </form>
  );
}
