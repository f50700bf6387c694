"use client";

import { useDeferredValue, useMemo } from "react";
import { checkBlameless } from "@/lib/postmortems/blameless";

/**
 * Advisory blameless-language hints for a text being written: each flagged phrase with a
 * systems-focused suggestion. Never blocks anything. The region is aria-live polite so screen
 * readers hear new hints without being interrupted; it stays in the DOM when empty so later
 * hints are announced.
 */
export function BlamelessHints({ text, id, limit = 5, className = "" }: { text: string; id?: string; limit?: number; className?: string }) {
  // Deferred: typing stays responsive on long texts; the hints catch up a moment later.
  const deferred = useDeferredValue(text);
  const findings = useMemo(() => checkBlameless(deferred), [deferred]);
  const shown = findings.slice(0, limit);
  const more = findings.length - shown.length;
  return (
    <div id={id} aria-live="polite" className={`text-xs ${className}`}>
      {shown.length > 0 && (
        <>
          <p className="font-medium text-warn">
            {findings.length === 1 ? "1 phrase" : `${findings.length} phrases`} may read as blame (a suggestion, not a rule):
          </p>
          <ul className="mt-1 space-y-1">
            {shown.map((f) => (
              <li key={`${f.start}-${f.rule}`} className="border-l-2 border-warn pl-2" data-rule={f.rule}>
                <q className="font-medium text-fg">{f.phrase}</q> <span className="text-muted">{f.suggestion}</span>
              </li>
            ))}
          </ul>
          {more > 0 && <p className="mt-1 text-muted">and {more} more.</p>}
        </>
      )}
    </div>
  );
}
