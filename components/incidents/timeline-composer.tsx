"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextArea, TextField } from "@/components/ui/field";
import { addTimelineEntryAction } from "@/lib/incidents/actions";
import { Outcome, useKeepingForm } from "./keep-form";
import { timelineKey } from "./timeline-key";

const kinds = [
  { value: "note", label: "Note" },
  { value: "action", label: "Action taken" },
  { value: "link", label: "Link" },
  { value: "status_update", label: "Status page update" },
];

const hints: Record<string, string> = {
  note: "What you found or think; everyone watching sees it within seconds.",
  action: "What was done, e.g. “Rolled back to 2.13.4”.",
  link: "What the link is, e.g. “Grafana: checkout errors”.",
  status_update: "Public: shown on /status and emailed to subscribers when the incident is customer-facing and affects a public service. Written for customers: what they see and what happens next.",
};

/** Adds a note, an action taken, a link or a status-page update; the timeline shows it at once. */
export function TimelineComposer({ incidentId }: { incidentId: string }) {
  const client = useQueryClient();
  const [kind, setKind] = useState("note");
  const { state, pending, formProps } = useKeepingForm(addTimelineEntryAction, {
    onSuccess: (form) => {
      // The text is cleared for the next entry; the kind chosen stays.
      for (const name of ["body", "url"]) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.value = "";
      }
      void client.invalidateQueries({ queryKey: timelineKey(incidentId) });
    },
  });
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form {...formProps} aria-label="Add to the timeline" className="space-y-3 border-t border-line pt-4" noValidate>
      <input type="hidden" name="incident" value={incidentId} />
      <ChoiceGroup name="kind" legend="Add to the timeline" options={kinds} value={kind} onChange={setKind} errors={err("kind")} />
      <TextArea name="body" label="Entry" rows={3} required maxLength={10_000} hint={hints[kind]} errors={err("body")} />
      {kind === "link" && <TextField name="url" label="URL" type="url" required placeholder="https://" errors={err("url")} />}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add entry"}
        </Button>
        <Outcome state={state} withFields={false} />
      </div>
    </form>
  );
}
