"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { TimelineRow } from "@/lib/postmortems/document";
import { fromUtcLocalInput, utcLocalInput } from "@/lib/postmortems/editor-state";
import type { Change, Errors, Option } from "./types";

const source = (r: TimelineRow) => (r.source === "manual" ? "Added" : r.edited ? "Incident, edited" : "Incident");

/**
 * The timeline rows: time (UTC), kind and text, each editable; rows added by hand; removal that
 * a re-sync respects. A time is applied when its box is left, so a row does not jump to its new
 * place while its time is being typed.
 */
export function TimelineEditor({
  rows,
  dismissed,
  kinds,
  change,
  errors,
  onAdd,
  onResync,
  resyncing,
  resyncDisabled,
  resyncMessage,
}: {
  rows: TimelineRow[];
  dismissed: number;
  kinds: Option[];
  change: Change;
  errors: Errors;
  onAdd: () => void;
  onResync: () => void;
  resyncing: boolean;
  resyncDisabled: boolean;
  resyncMessage: string;
}) {
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Timeline rows (times in UTC)</caption>
          <thead className="text-left text-xs text-muted">
            <tr>
              <th scope="col" className="pr-2 pb-1 font-medium">
                Time (UTC)
              </th>
              <th scope="col" className="pr-2 pb-1 font-medium">
                Kind
              </th>
              <th scope="col" className="pr-2 pb-1 font-medium">
                Event
              </th>
              <th scope="col" className="pr-2 pb-1 font-medium">
                Source
              </th>
              <th scope="col" className="pb-1">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              const err = Object.entries(errors)
                .filter(([k]) => k.startsWith(`timeline.${i}.`) || k === `timeline.${i}`)
                .flatMap(([, v]) => v);
              return (
                <tr key={r.id} className="align-top" data-row-id={r.id}>
                  <td className="py-1 pr-2">
                    <input
                      key={r.at}
                      type="datetime-local"
                      defaultValue={utcLocalInput(r.at)}
                      aria-label={`Time of row ${n} (UTC)`}
                      onBlur={(e) => {
                        const at = fromUtcLocalInput(e.target.value);
                        if (at && at !== r.at && utcLocalInput(at) !== utcLocalInput(r.at)) change({ type: "row.edit", id: r.id, patch: { at } });
                      }}
                      className={`${inputClass} w-52 min-w-52 px-2 py-1`}
                    />
                  </td>
                  <td className="w-40 py-1 pr-2">
                    <select value={r.kind} aria-label={`Kind of row ${n}`} onChange={(e) => change({ type: "row.edit", id: r.id, patch: { kind: e.target.value as TimelineRow["kind"] } })} className={`${inputClass} w-40 min-w-40 px-2 py-1`}>
                      {kinds.map((k) => (
                        <option key={k.value} value={k.value}>
                          {k.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="w-full min-w-64 py-1 pr-2">
                    <textarea
                      value={r.text}
                      rows={1}
                      aria-label={`Event of row ${n}`}
                      aria-invalid={err.length ? true : undefined}
                      onChange={(e) => change({ type: "row.edit", id: r.id, patch: { text: e.target.value } })}
                      className={`${inputClass} field-sizing-content px-2 py-1`}
                    />
                    {err.length > 0 && <p className="text-sm text-danger">{err.join(" ")}</p>}
                  </td>
                  <td className="py-1 pr-2 pt-2 text-xs whitespace-nowrap text-muted">{source(r)}</td>
                  <td className="py-1">
                    <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => change({ type: "row.remove", id: r.id })} aria-label={`Remove row ${n}`}>
                      Remove
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="text-sm text-muted">No rows yet.</p>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" className="py-1" onClick={onAdd}>
          Add a row
        </Button>
        <Button type="button" variant="secondary" className="py-1" onClick={onResync} disabled={resyncing || resyncDisabled}>
          {resyncing ? "Re-syncing…" : "Re-sync from incident"}
        </Button>
        {dismissed > 0 && (
          <Button type="button" variant="ghost" className="py-1 text-xs" onClick={() => change({ type: "row.undismissAll" })}>
            Let re-sync bring back {dismissed} removed row{dismissed === 1 ? "" : "s"}
          </Button>
        )}
      </div>
      <p className="text-xs text-muted" role="status" aria-live="polite">
        {resyncMessage || "Re-sync saves your text first, then adds new incident entries; rows you edited, added or removed stay as they are."}
      </p>
    </div>
  );
}
