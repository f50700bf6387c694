"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SEVERITIES } from "@/lib/incidents/severity";
import type { RuleRow } from "@/lib/integrations/rule-form";

type Row = RuleRow & { key: number };
let nextKey = 1;
const keyed = (r: RuleRow): Row => ({ ...r, key: nextKey++ });

/**
 * Mapping rules as rows, tried top to bottom; the first rule that sets a severity decides it, and
 * likewise for the service. Sent to the server as JSON in a hidden field named `rules`.
 */
export function RulesEditor({ initial, services, errors }: { initial: RuleRow[]; services: { slug: string; name: string }[]; errors: Record<string, string[]> }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map(keyed));
  const set = (key: number, patch: Partial<RuleRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Mapping rules</legend>
      <p className="text-xs text-muted">
        Match alert labels as Prometheus does: <code>alertname=&quot;DiskFull&quot;, team=~&quot;pay.*&quot;</code> (empty matches every alert). Without a rule, the
        service comes from the <code>service</code> or <code>job</code> label and the severity from the <code>severity</code> label.
      </p>
      <input type="hidden" name="rules" value={JSON.stringify(rows.map(({ match, severity, service }) => ({ match, severity, service })))} />
      {rows.length === 0 && <p className="text-sm text-muted">No rules yet.</p>}
      <ol className="space-y-2">
        {rows.map((r, i) => {
          const err = errors[`rules.${i}`];
          const n = i + 1;
          return (
            <li key={r.key} className="rounded-md border border-line p-2">
              <div className="grid gap-2 md:grid-cols-[1fr_9rem_12rem_auto]">
                <input
                  aria-label={`Rule ${n}: labels to match`}
                  className={`${inputClass} font-mono`}
                  value={r.match}
                  placeholder='alertname="HighErrorRate"'
                  onChange={(e) => set(r.key, { match: e.target.value })}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `rule-${n}-error` : undefined}
                />
                <select aria-label={`Rule ${n}: severity`} className={inputClass} value={r.severity} onChange={(e) => set(r.key, { severity: e.target.value })}>
                  <option value="">Severity unchanged</option>
                  {SEVERITIES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
                <select aria-label={`Rule ${n}: service`} className={inputClass} value={r.service} onChange={(e) => set(r.key, { service: e.target.value })}>
                  <option value="">Service from labels</option>
                  {services.map((s) => (
                    <option key={s.slug} value={s.slug}>
                      {s.name}
                    </option>
                  ))}
                  {r.service && !services.some((s) => s.slug === r.service) && <option value={r.service}>{r.service} (no such service)</option>}
                </select>
                <div className="flex gap-1">
                  <Button type="button" variant="ghost" className="px-2 py-1" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move rule ${n} up`}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move rule ${n} down`}>
                    ↓
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`Remove rule ${n}`}>
                    ✕
                  </Button>
                </div>
              </div>
              {err && (
                <p id={`rule-${n}-error`} className="mt-1 text-sm text-danger">
                  {err.join(" ")}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {errors.rules && <p className="text-sm text-danger">{errors.rules.join(" ")}</p>}
      <Button type="button" variant="secondary" onClick={() => setRows((rs) => [...rs, keyed({ match: "", severity: "", service: "" })])}>
        Add rule
      </Button>
    </fieldset>
  );
}
