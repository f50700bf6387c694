"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { FieldNotes, inputClass, TextArea, TextField } from "@/components/ui/field";
import { useTimeZoneOptions } from "@/components/ui/use-time-zones";
import { Outcome, useKeepingForm } from "@/components/incidents/keep-form";
import type { FormState } from "@/lib/forms";
import { draftPayload, type LayerDraft, type PersonOption, type ScheduleDraft } from "./editor-types";
import { LayerEditor } from "./layer-editor";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  initial: ScheduleDraft;
  people: PersonOption[];
  teams: { slug: string; name: string }[];
  /** The date new layers start on (the coming Monday). */
  defaultStart: string;
  mode: "create" | "edit";
  cancelHref: string;
  scheduleId?: string;
  /** Editing a schedule that has started: its zone is fixed (past shifts would move). */
  zoneLocked?: boolean;
};

/**
 * The schedule form: name, zone, team and the layers (lowest first; the top layer with someone on
 * call is the final on-call). Everything is held in state and sent as one JSON payload, so a
 * refused save keeps what was typed and each field shows its own error.
 */
export function ScheduleEditor({ action, initial, people, teams, defaultStart, mode, cancelHref, scheduleId, zoneLocked }: Props) {
  const { state, pending, formProps } = useKeepingForm(action);
  const keys = useRef(1000);
  const nextKey = () => keys.current++;
  const [draft, setDraft] = useState(initial);
  const zones = useTimeZoneOptions(draft.timeZone);
  const err = (k: string) => state.fieldErrors?.[k];
  const set = (patch: Partial<ScheduleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setLayer = (i: number, patch: Partial<LayerDraft>) => setDraft((d) => ({ ...d, layers: d.layers.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const moveLayer = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const j = i + by;
      if (j < 0 || j >= d.layers.length) return d;
      const layers = [...d.layers];
      [layers[i], layers[j]] = [layers[j], layers[i]];
      return { ...d, layers };
    });
  const addLayer = () =>
    set({ layers: [...draft.layers, { key: nextKey(), name: draft.layers.length === 1 ? "Primary" : `Layer ${draft.layers.length + 1}`, type: "weekly", length: "1", handoffTime: "09:00", start: defaultStart, participants: [], restrictions: [] }] });

  return (
    <form {...formProps} aria-label={mode === "create" ? "New schedule" : "Edit schedule"} className="space-y-6" noValidate>
      <input type="hidden" name="payload" value={JSON.stringify(draftPayload(draft))} />
      {scheduleId && <input type="hidden" name="id" value={scheduleId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Schedule name" value={draft.name} onChange={(e) => set({ name: e.target.value })} errors={err("name")} required />
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block text-sm font-medium">
            Time zone
          </label>
          <select id="timeZone" className={inputClass} value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} disabled={zoneLocked} aria-invalid={err("timeZone") ? true : undefined} aria-describedby="timeZone-hint">
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <FieldNotes name="timeZone" hint={zoneLocked ? "Fixed once the schedule has started: past shifts would move." : "Hand-offs and restriction windows are read on this wall clock."} errors={err("timeZone")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="team" className="block text-sm font-medium">
            Team
          </label>
          <select id="team" className={inputClass} value={draft.team} onChange={(e) => set({ team: e.target.value })}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldNotes name="team" errors={err("team")} />
        </div>
        <TextArea name="description" label="Description" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} errors={err("description")} />
      </div>

      <section aria-labelledby="layers-heading" className="space-y-3">
        <h2 id="layers-heading" className="text-base font-semibold">
          Layers
        </h2>
        <p className="text-sm text-muted">
          Listed bottom first. Where a higher layer has someone on call, it is the final on-call; where it has nobody (outside its windows, before its start), the layer below shows through. Edits take effect now: past shifts stay as they were.
        </p>
        <FieldNotes name="layers" errors={err("layers")} />
        {draft.layers.map((layer, i) => (
          <LayerEditor
            key={layer.key}
            index={i}
            count={draft.layers.length}
            layer={layer}
            people={people}
            errors={err}
            onChange={(patch) => setLayer(i, patch)}
            onMove={(by) => moveLayer(i, by)}
            onRemove={() => set({ layers: draft.layers.filter((_, j) => j !== i) })}
            nextKey={nextKey}
          />
        ))}
        <Button type="button" variant="secondary" onClick={addLayer} disabled={draft.layers.length >= 10}>
          Add a layer
        </Button>
      </section>

      <Outcome state={state} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {mode === "create" ? "Create schedule" : "Save schedule"}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
