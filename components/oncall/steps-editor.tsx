"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { EscalationStep, EscalationTarget } from "@/lib/oncall/escalation";
import type { PolicyFormOptions } from "@/lib/oncall/escalation-store";

type Row = { key: number; delayMinutes: string; targets: { key: number; value: string }[] };
let nextKey = 1;

const encode = (t: EscalationTarget) => (t.kind === "user" ? `user:${t.userId}` : t.kind === "schedule" ? `schedule:${t.scheduleId}` : `layer:${t.scheduleId}:${t.layerId}`);
function decode(value: string): EscalationTarget | null {
  const [kind, a, b] = value.split(":");
  if (kind === "user" && a) return { kind, userId: a };
  if (kind === "schedule" && a) return { kind, scheduleId: a };
  if (kind === "layer" && a && b) return { kind, scheduleId: a, layerId: b };
  return null;
}
// A step always shows at least one picker, even when it came back from the server with no target.
const toRow = (s: EscalationStep): Row => ({ key: nextKey++, delayMinutes: String(s.delayMinutes), targets: (s.targets.length ? s.targets.map(encode) : [""]).map((value) => ({ key: nextKey++, value })) });
const blank = (): Row => ({ key: nextKey++, delayMinutes: "15", targets: [{ key: nextKey++, value: "" }] });

/**
 * The steps of an escalation policy, in order: each pages one or more schedule layers, whole
 * schedules or people, then waits before the next step. Sent as JSON in a hidden field `steps`;
 * the server names errors by path (`steps.1.targets.0`), shown on their step.
 */
export function StepsEditor({ initial, options, errors }: { initial: EscalationStep[]; options: PolicyFormOptions; errors: Record<string, string[]> }) {
  const [rows, setRows] = useState<Row[]>(() => (initial.length ? initial.map(toRow) : [blank()]));
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const steps = rows.map((r) => ({ delayMinutes: Number(r.delayMinutes), targets: r.targets.map((t) => decode(t.value)).filter((t): t is EscalationTarget => t !== null) }));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Steps</legend>
      <p className="text-xs text-muted">Step 1 is paged as soon as an incident opens; each step waits its delay before the next. After the last step the chain repeats as set below.</p>
      <input type="hidden" name="steps" value={JSON.stringify(steps)} />
      <ol className="space-y-2">
        {rows.map((r, i) => {
          const n = i + 1;
          const err = Object.entries(errors)
            .filter(([k]) => k === `steps.${i}` || k.startsWith(`steps.${i}.`))
            .flatMap(([, v]) => v);
          return (
            <li key={r.key} className="space-y-2 rounded-md border border-line p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">Step {n}</span>
                <div className="flex gap-1">
                  <Button type="button" variant="ghost" className="px-2 py-1" disabled={i === 0} onClick={() => setRows((rs) => swap(rs, i, i - 1))} aria-label={`Move step ${n} up`}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1" disabled={i === rows.length - 1} onClick={() => setRows((rs) => swap(rs, i, i + 1))} aria-label={`Move step ${n} down`}>
                    ↓
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1" disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`Remove step ${n}`}>
                    ✕
                  </Button>
                </div>
              </div>
              {r.targets.map((t, j) => (
                <div key={t.key} className="flex gap-2">
                  <select
                    aria-label={`Step ${n}: who to page${r.targets.length > 1 ? ` (${j + 1})` : ""}`}
                    className={inputClass}
                    value={t.value}
                    onChange={(e) => set(r.key, { targets: r.targets.map((x) => (x.key === t.key ? { ...x, value: e.target.value } : x)) })}
                    aria-invalid={err.length ? true : undefined}
                    aria-describedby={err.length ? `step-${n}-error` : undefined}
                  >
                    <option value="">Choose a layer, schedule or person…</option>
                    {options.schedules.map((s) => (
                      <optgroup key={s.id} label={s.name}>
                        {s.layers.map((l) => (
                          <option key={l.id} value={`layer:${s.id}:${l.id}`}>
                            {s.name} · {l.name} (whoever is on call on this layer)
                          </option>
                        ))}
                        <option value={`schedule:${s.id}`}>{s.name} (the schedule&apos;s final on-call)</option>
                      </optgroup>
                    ))}
                    <optgroup label="People">
                      {options.people.map((p) => (
                        <option key={p.id} value={`user:${p.id}`}>
                          {p.name || p.email} ({p.email})
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  {r.targets.length > 1 && (
                    <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => set(r.key, { targets: r.targets.filter((x) => x.key !== t.key) })} aria-label={`Step ${n}: remove target ${j + 1}`}>
                      ✕
                    </Button>
                  )}
                </div>
              ))}
              <div className="flex flex-wrap items-end gap-3">
                <Button type="button" variant="secondary" className="py-1" onClick={() => set(r.key, { targets: [...r.targets, { key: nextKey++, value: "" }] })}>
                  Also page…
                </Button>
                <label className="text-sm">
                  <span className="block">{i === rows.length - 1 ? "Minutes before repeating" : "Minutes before the next step"}</span>
                  <input type="number" min={1} max={1440} step={1} className={`${inputClass} w-28`} value={r.delayMinutes} onChange={(e) => set(r.key, { delayMinutes: e.target.value })} aria-label={`Step ${n}: minutes before the next step`} />
                </label>
              </div>
              {err.length > 0 && (
                <p id={`step-${n}-error`} className="text-sm text-danger">
                  {err.join(" ")}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {errors.steps && <p className="text-sm text-danger">{errors.steps.join(" ")}</p>}
      <Button type="button" variant="secondary" onClick={() => setRows((rs) => [...rs, blank()])}>
        Add step
      </Button>
    </fieldset>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b], next[a]];
  return next;
}
