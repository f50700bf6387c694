"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedByIds, FieldNotes, inputClass } from "@/components/ui/field";
import { WEEKDAYS, type Weekday } from "@/lib/oncall/types";
import type { LayerDraft, PersonOption } from "./editor-types";

const UNITS = { hourly: "hours", daily: "days", weekly: "weeks", custom: "hours" } as const;
const DAY_NAMES: Record<Weekday, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };

type Props = {
  index: number;
  count: number;
  layer: LayerDraft;
  people: PersonOption[];
  errors: (key: string) => string[] | undefined;
  onChange: (patch: Partial<LayerDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  nextKey: () => number;
};

function Field({ id, label, errors, children }: { id: string; label: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldNotes name={id} errors={errors} />
    </div>
  );
}

/** One layer of the schedule editor: its name, rotation, ordered participants and restriction windows. */
export function LayerEditor({ index, count, layer, people, errors, onChange, onMove, onRemove, nextKey }: Props) {
  const n = index + 1;
  const id = (what: string) => `layer-${layer.key}-${what}`;
  const e = (what: string) => errors(`layers.${index}${what ? "." + what : ""}`);
  const [pick, setPick] = useState("");
  const name = (uid: string) => people.find((p) => p.id === uid)?.name ?? "Unknown person";
  const move = (i: number, by: -1 | 1) => {
    const list = [...layer.participants];
    const j = i + by;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    onChange({ participants: list });
  };
  const participantErrors = layer.participants.flatMap((_, j) => e(`rotation.participants.${j}`) ?? []);
  const field = (what: string, label: string, input: React.ReactNode) => (
    <Field id={id(what)} label={label} errors={e(`rotation.${what}`)}>
      {input}
    </Field>
  );
  return (
    <fieldset className="space-y-4 rounded-lg border border-line p-4" aria-label={`Layer ${n}`}>
      <legend className="px-1 text-sm font-semibold">
        Layer {n}
        {count > 1 ? (index === count - 1 ? " (top: final on-call)" : index === 0 ? " (bottom)" : "") : ""}
      </legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("name")} label={`Layer ${n} name`} errors={e("name")}>
          <input id={id("name")} className={inputClass} value={layer.name} onChange={(ev) => onChange({ name: ev.target.value })} aria-invalid={e("name") ? true : undefined} aria-describedby={describedByIds(id("name"), undefined, e("name"))} />
        </Field>
        {field(
          "type",
          `Layer ${n} rotation`,
          <select id={id("type")} className={inputClass} value={layer.type} onChange={(ev) => onChange({ type: ev.target.value as LayerDraft["type"] })}>
            <option value="weekly">Weekly</option>
            <option value="daily">Daily</option>
            <option value="hourly">Hourly</option>
            <option value="custom">Custom (hours)</option>
          </select>,
        )}
        {field(
          "length",
          `Layer ${n} shift length (${UNITS[layer.type]})`,
          <input id={id("length")} type="number" min={1} className={inputClass} value={layer.length} onChange={(ev) => onChange({ length: ev.target.value })} aria-invalid={e("rotation.length") ? true : undefined} aria-describedby={describedByIds(id("length"), undefined, e("rotation.length"))} />,
        )}
        {field(
          "handoffTime",
          `Layer ${n} hand-off time`,
          <input id={id("handoffTime")} type="time" className={inputClass} value={layer.handoffTime} onChange={(ev) => onChange({ handoffTime: ev.target.value })} aria-invalid={e("rotation.handoffTime") ? true : undefined} aria-describedby={describedByIds(id("handoffTime"), undefined, e("rotation.handoffTime"))} />,
        )}
        {field(
          "start",
          `Layer ${n} start date`,
          <input id={id("start")} type="date" className={inputClass} value={layer.start} onChange={(ev) => onChange({ start: ev.target.value })} aria-invalid={e("rotation.start") ? true : undefined} aria-describedby={describedByIds(id("start"), undefined, e("rotation.start"))} />,
        )}
      </div>

      <div className="space-y-2">
        <p className="text-sm font-medium" id={id("participants-label")}>
          Layer {n} participants, in turn order
        </p>
        {layer.participants.length ? (
          <ol className="space-y-1" aria-labelledby={id("participants-label")}>
            {layer.participants.map((uid, j) => (
              <li key={`${uid}-${j}`} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="w-6 text-right text-muted">{j + 1}.</span>
                <span className="min-w-40 font-medium">{name(uid)}</span>
                <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => move(j, -1)} disabled={j === 0} aria-label={`Move ${name(uid)} up in layer ${n}`}>
                  ↑
                </Button>
                <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => move(j, 1)} disabled={j === layer.participants.length - 1} aria-label={`Move ${name(uid)} down in layer ${n}`}>
                  ↓
                </Button>
                <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => onChange({ participants: layer.participants.filter((_, k) => k !== j) })} aria-label={`Remove ${name(uid)} from layer ${n}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted">Nobody yet: add people in the order they take turns.</p>
        )}
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={id("pick")} className="block text-xs text-muted">
              Layer {n}: person to add
            </label>
            <select id={id("pick")} className={inputClass} value={pick} onChange={(ev) => setPick(ev.target.value)}>
              <option value="">Choose a person…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </div>
          <Button
            type="button"
            variant="secondary"
            disabled={!pick}
            onClick={() => {
              onChange({ participants: [...layer.participants, pick] });
              setPick("");
            }}
          >
            Add to layer {n}
          </Button>
        </div>
        <FieldNotes name={id("participants")} errors={[...(e("rotation.participants") ?? []), ...participantErrors]} />
      </div>

      <div className="space-y-2">
        <p className="text-sm font-medium">Layer {n} restrictions</p>
        <p className="text-xs text-muted">Leave none for round-the-clock. A window whose end is not after its start crosses midnight.</p>
        {layer.restrictions.map((r, k) => {
          const set = (patch: Partial<(typeof layer.restrictions)[number]>) => onChange({ restrictions: layer.restrictions.map((x, i) => (i === k ? { ...x, ...patch } : x)) });
          const rid = `${id("r")}-${r.key}`;
          const re = e(`restrictions.${k}.days`) ?? e(`restrictions.${k}.start`) ?? e(`restrictions.${k}.end`) ?? e(`restrictions.${k}`);
          return (
            <div key={r.key} className="flex flex-wrap items-end gap-3 rounded-md border border-line p-2">
              <fieldset className="flex flex-wrap gap-2">
                <legend className="mb-1 text-xs text-muted">
                  Window {k + 1} days
                </legend>
                {WEEKDAYS.map((d) => (
                  <label key={d} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" aria-label={`Layer ${n} window ${k + 1}: ${DAY_NAMES[d]}`} checked={r.days.includes(d)} onChange={(ev) => set({ days: ev.target.checked ? WEEKDAYS.filter((x) => x === d || r.days.includes(x)) : r.days.filter((x) => x !== d) })} />
                    <span aria-hidden>{DAY_NAMES[d]}</span>
                  </label>
                ))}
              </fieldset>
              <div className="space-y-1">
                <label htmlFor={`${rid}-start`} className="block text-xs text-muted">
                  From
                </label>
                <input id={`${rid}-start`} type="time" className={inputClass} value={r.start} onChange={(ev) => set({ start: ev.target.value })} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`${rid}-end`} className="block text-xs text-muted">
                  To
                </label>
                <input id={`${rid}-end`} type="time" className={inputClass} value={r.end} onChange={(ev) => set({ end: ev.target.value })} />
              </div>
              <Button type="button" variant="ghost" onClick={() => onChange({ restrictions: layer.restrictions.filter((_, i) => i !== k) })} aria-label={`Remove window ${k + 1} of layer ${n}`}>
                Remove
              </Button>
              {re && <p className="w-full text-sm text-danger">{re.join(" ")}</p>}
            </div>
          );
        })}
        <Button type="button" variant="secondary" onClick={() => onChange({ restrictions: [...layer.restrictions, { key: nextKey(), days: ["MO", "TU", "WE", "TH", "FR"], start: "09:00", end: "17:00" }] })}>
          Add a window to layer {n}
        </Button>
      </div>

      <FieldNotes name={id("all")} errors={e("")} />
      <div className="flex flex-wrap gap-2 border-t border-line pt-3">
        <Button type="button" variant="ghost" onClick={() => onMove(-1)} disabled={index === 0}>
          Move layer {n} down
        </Button>
        <Button type="button" variant="ghost" onClick={() => onMove(1)} disabled={index === count - 1}>
          Move layer {n} up
        </Button>
        <Button type="button" variant="danger" onClick={onRemove} disabled={count === 1}>
          Remove layer {n}
        </Button>
      </div>
    </fieldset>
  );
}
