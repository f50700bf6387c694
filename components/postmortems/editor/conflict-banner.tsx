"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { copyText } from "./copy-text";

/**
 * Shown when a save was refused because someone else saved first. Autosave has stopped and the
 * author's text is still in the form; they can copy it all (Markdown or JSON) and load the saved
 * version, then apply their changes again.
 */
export function ConflictBanner({ message, markdown, json, onReload }: { message: string; markdown: () => Promise<string>; json: () => string; onReload: () => void }) {
  const [note, setNote] = useState("");
  const [fallback, setFallback] = useState<string | null>(null);
  const copy = async (text: Promise<string> | string, what: string) => {
    const t = await text;
    if (await copyText(t)) {
      setFallback(null);
      setNote(`Copied your text as ${what}. Paste it somewhere safe before reloading.`);
    } else {
      setFallback(t);
      setNote("The browser did not allow copying; your text is selected below: copy it with Ctrl+C (⌘C).");
    }
  };
  return (
    <div role="alert" className="space-y-3 rounded-lg border-2 border-danger bg-surface p-4" data-testid="conflict">
      <p className="font-semibold text-danger">Not saved: this postmortem was changed by someone else.</p>
      <p className="text-sm">{message}</p>
      <p className="text-sm text-muted">Autosave is off. Everything you typed is still below.</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => void copy(markdown(), "Markdown")}>
          Copy my text
        </Button>
        <Button type="button" variant="secondary" onClick={() => void copy(json(), "JSON")}>
          Copy as JSON
        </Button>
        <Button
          type="button"
          variant="danger"
          onClick={() => {
            if (window.confirm("Load the saved version? Your unsaved changes in this tab will be discarded.")) onReload();
          }}
        >
          Reload their version
        </Button>
      </div>
      <p className="text-sm" aria-live="polite">
        {note}
      </p>
      {fallback !== null && (
        <textarea readOnly value={fallback} rows={8} aria-label="Your text" className={`${inputClass} font-mono text-xs`} ref={(el) => el?.select()} />
      )}
    </div>
  );
}
