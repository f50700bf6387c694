"use client";

import type { ReactNode } from "react";

/** A secret Keel shows once (a token, a signing key): selectable, with an optional note below. */
export function ShownOnce({ id, label, value, children }: { id: string; label: string; value: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-ok p-3">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} readOnly value={value} className="mt-1 w-full rounded border border-line bg-raised p-2 font-mono text-sm" onFocus={(ev) => ev.currentTarget.select()} />
      {children && <p className="mt-1 text-xs text-muted">{children}</p>}
    </div>
  );
}
