"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Extra request headers: names shown, stored values never sent back (blank keeps them). */
export function HeaderRows({ initial, errors }: { initial: string[]; errors?: string[] }) {
  const [rows, setRows] = useState(() => (initial.length ? initial : []).map((name, i) => ({ key: i, name, stored: true })));
  const [next, setNext] = useState(initial.length);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Extra headers</legend>
      <p className="text-xs text-muted">For example X-Scope-OrgID for a Mimir tenant. Values are encrypted and never shown again; leave a stored value blank to keep it.</p>
      {rows.map((r, i) => (
        <div key={r.key} className="flex gap-2">
          <input aria-label={`Header ${i + 1} name`} name={`headerName${i}`} defaultValue={r.name} className={inputClass} placeholder="X-Scope-OrgID" />
          <input
            aria-label={`Header ${i + 1} value`}
            name={`headerValue${i}`}
            type="password"
            autoComplete="off"
            className={inputClass}
            placeholder={r.stored ? "•••••• stored (leave blank to keep)" : "value"}
          />
          <Button type="button" variant="ghost" onClick={() => setRows(rows.filter((x) => x.key !== r.key))} aria-label={`Remove header ${i + 1}`}>
            ✕
          </Button>
        </div>
      ))}
      {rows.length < 20 && (
        <Button
          type="button"
          variant="secondary"
          className="py-1"
          onClick={() => {
            setRows([...rows, { key: next, name: "", stored: false }]);
            setNext(next + 1);
          }}
        >
          Add header
        </Button>
      )}
      {errors?.length ? <p className="text-sm text-danger">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}
