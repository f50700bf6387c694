"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import type { TemplateRow } from "@/lib/postmortems/template-form";

const kindLabels: Record<TemplateRow["kind"], string> = {
  markdown: "Text",
  impact: "Impact figures",
  slo_impact: "SLO impact (computed)",
  timeline: "Timeline",
  five_whys: "5 Whys",
  action_items: "Action items",
  links: "Links",
};

type Errors = Record<string, string[] | undefined>;

function Err({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? (
    <p id={id} className="text-sm text-danger">
      {messages.join(" ")}
    </p>
  ) : null;
}

/** The template's sections, in order: rename, re-hint, reorder, hide optional ones, remove custom ones. */
export function TemplateRowsEditor({ rows, onChange, errors }: { rows: TemplateRow[]; onChange: (index: number, row: TemplateRow | null, move?: number) => void; errors: Errors }) {
  return (
    <ol className="space-y-3">
      {rows.map((r, i) => {
        const err = (f: string) => errors[`template.${r.key}.${f}`];
        const base = `tpl-${r.key}`;
        return (
          <li key={r.key} className={`rounded-md border border-line p-3 ${r.hidden ? "opacity-70" : ""}`} data-section={r.key}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <span className="font-mono">{i + 1}.</span>
                <Badge>{kindLabels[r.kind]}</Badge>
                {r.required && <Badge tone="accent">Required</Badge>}
                {r.custom && <Badge tone="ok">Custom</Badge>}
                {r.hidden && <Badge tone="warn">Hidden</Badge>}
              </span>
              <span className="flex gap-1">
                <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" disabled={i === 0} onClick={() => onChange(i, r, -1)} aria-label={`Move ${r.heading || r.key} up`}>
                  ↑ Up
                </Button>
                <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" disabled={i === rows.length - 1} onClick={() => onChange(i, r, 1)} aria-label={`Move ${r.heading || r.key} down`}>
                  ↓ Down
                </Button>
                {r.custom && (
                  <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs text-danger" onClick={() => onChange(i, null)} aria-label={`Remove ${r.heading || r.key}`}>
                    Remove
                  </Button>
                )}
              </span>
            </div>
            <div className="mt-2 grid gap-2 md:grid-cols-[1fr_2fr]">
              <div>
                <label htmlFor={`${base}-heading`} className="text-xs font-medium">
                  Heading
                </label>
                <input
                  id={`${base}-heading`}
                  value={r.heading}
                  maxLength={120}
                  onChange={(e) => onChange(i, { ...r, heading: e.target.value })}
                  aria-invalid={err("heading") ? true : undefined}
                  aria-describedby={err("heading") ? `${base}-heading-error` : undefined}
                  className={inputClass}
                />
                <Err id={`${base}-heading-error`} messages={err("heading")} />
              </div>
              <div>
                <label htmlFor={`${base}-hint`} className="text-xs font-medium">
                  Hint for authors
                </label>
                <input
                  id={`${base}-hint`}
                  value={r.hint}
                  maxLength={500}
                  onChange={(e) => onChange(i, { ...r, hint: e.target.value })}
                  aria-invalid={err("hint") ? true : undefined}
                  aria-describedby={err("hint") ? `${base}-hint-error` : undefined}
                  className={inputClass}
                />
                <Err id={`${base}-hint-error`} messages={err("hint")} />
              </div>
            </div>
            {r.parts.map((p, k) => {
              const perr = (f: string) => errors[`template.${r.key}.parts.${p.key}.${f}`];
              const pid = `${base}-part-${p.key}`;
              const setPart = (patch: Partial<typeof p>) => onChange(i, { ...r, parts: r.parts.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
              return (
                <div key={p.key} className="mt-2 ml-4 grid gap-2 border-l-2 border-line pl-3 md:grid-cols-[1fr_2fr]">
                  <div>
                    <label htmlFor={`${pid}-heading`} className="text-xs font-medium">
                      Part heading
                    </label>
                    <input id={`${pid}-heading`} value={p.heading} maxLength={120} onChange={(e) => setPart({ heading: e.target.value })} aria-invalid={perr("heading") ? true : undefined} className={inputClass} />
                    <Err id={`${pid}-heading-error`} messages={perr("heading")} />
                  </div>
                  <div>
                    <label htmlFor={`${pid}-hint`} className="text-xs font-medium">
                      Part hint
                    </label>
                    <input id={`${pid}-hint`} value={p.hint} maxLength={500} onChange={(e) => setPart({ hint: e.target.value })} aria-invalid={perr("hint") ? true : undefined} className={inputClass} />
                    <Err id={`${pid}-hint-error`} messages={perr("hint")} />
                  </div>
                </div>
              );
            })}
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              {r.required ? (
                <span className="text-xs text-muted">Always shown to authors (required).</span>
              ) : (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={r.hidden} onChange={(e) => onChange(i, { ...r, hidden: e.target.checked })} className="h-4 w-4" />
                  Hide from authors
                </label>
              )}
              {r.custom && (
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={r.required} onChange={(e) => onChange(i, { ...r, required: e.target.checked, hidden: e.target.checked ? false : r.hidden })} className="h-4 w-4" />
                  Required before publishing
                </label>
              )}
            </div>
            <Err id={`${base}-hidden-error`} messages={err("hidden")} />
            <Err id={`${base}-key-error`} messages={err("key")} />
          </li>
        );
      })}
    </ol>
  );
}
