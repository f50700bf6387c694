"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { SupportingLink } from "@/lib/postmortems/document";
import type { Change, Errors } from "./types";

/** Supporting links (dashboards, tickets, pull requests): a label and an http(s) URL each. */
export function LinksEditor({ links, change, errors }: { links: SupportingLink[]; change: Change; errors: Errors }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Links</legend>
      {links.length === 0 && <p className="text-sm text-muted">No links yet.</p>}
      <ul className="space-y-2">
        {links.map((l, i) => {
          const urlErr = errors[`links.${i}.url`] ?? errors[`links.${i}`];
          const labelErr = errors[`links.${i}.label`];
          return (
            <li key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
              <div>
                <label htmlFor={`link-label-${i}`} className="sr-only">
                  Label of link {i + 1}
                </label>
                <input id={`link-label-${i}`} value={l.label} placeholder="Label" onChange={(e) => change({ type: "link.set", index: i, field: "label", value: e.target.value })} aria-invalid={labelErr ? true : undefined} className={inputClass} />
                {labelErr && <p className="text-sm text-danger">{labelErr.join(" ")}</p>}
              </div>
              <div>
                <label htmlFor={`link-url-${i}`} className="sr-only">
                  URL of link {i + 1}
                </label>
                <input
                  id={`link-url-${i}`}
                  type="url"
                  value={l.url}
                  placeholder="https://…"
                  onChange={(e) => change({ type: "link.set", index: i, field: "url", value: e.target.value })}
                  aria-invalid={urlErr ? true : undefined}
                  aria-describedby={urlErr ? `link-url-${i}-error` : undefined}
                  className={inputClass}
                />
                {urlErr && (
                  <p id={`link-url-${i}-error`} className="text-sm text-danger">
                    {urlErr.join(" ")}
                  </p>
                )}
              </div>
              <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => change({ type: "link.remove", index: i })} aria-label={`Remove link ${i + 1}`}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <Button type="button" variant="secondary" className="py-1" onClick={() => change({ type: "link.add" })}>
        Add a link
      </Button>
    </fieldset>
  );
}
