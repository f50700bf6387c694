"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { BlamelessHints } from "../blameless-hints";
import { MarkdownField } from "./markdown-field";
import type { Change, Errors } from "./types";

/** Whys, each answering the one before, then the root cause they lead to. */
export function FiveWhysEditor({ whys, rootCause, change, errors, maxWhys }: { whys: string[]; rootCause: string; change: Change; errors: Errors; maxWhys: number }) {
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">5 Whys</legend>
        <p className="text-xs text-muted">Start from the problem and ask why; each answer is the next question. Stop at a cause in the system, not a person.</p>
        <ol className="space-y-2">
          {whys.map((w, i) => {
            const id = `why-${i}`;
            const err = errors[`fiveWhys.whys.${i}`];
            return (
              <li key={i} className="space-y-1">
                <div className="flex items-start gap-2">
                  <label htmlFor={id} className="w-14 shrink-0 pt-2 text-sm font-medium">
                    Why {i + 1}
                  </label>
                  <textarea
                    id={id}
                    value={w}
                    rows={1}
                    onChange={(e) => change({ type: "why.set", index: i, value: e.target.value })}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={`${id}-blameless`}
                    className={`${inputClass} field-sizing-content`}
                  />
                  <Button type="button" variant="ghost" className="shrink-0 px-2 py-1 text-xs" onClick={() => change({ type: "why.remove", index: i })} aria-label={`Remove why ${i + 1}`}>
                    Remove
                  </Button>
                </div>
                {err && <p className="pl-16 text-sm text-danger">{err.join(" ")}</p>}
                <BlamelessHints text={w} id={`${id}-blameless`} className="pl-16" />
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" className="py-1" disabled={whys.length >= maxWhys} onClick={() => change({ type: "why.add" })}>
          Add a why
        </Button>
        {whys.length >= maxWhys && <p className="text-xs text-muted">At most {maxWhys} whys; if you need more, the question is probably too broad.</p>}
      </fieldset>
      <MarkdownField id="root-cause" label="Final root cause" hint="The cause the whys arrive at, in the system: process, tooling or design." value={rootCause} onChange={(v) => change({ type: "rootCause", value: v })} errors={errors["fiveWhys.rootCause"]} rows={3} />
    </div>
  );
}
