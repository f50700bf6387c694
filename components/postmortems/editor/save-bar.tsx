"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { SaveStatus } from "@/lib/postmortems/autosave";

const tones: Record<SaveStatus["tone"], string> = { muted: "text-muted", busy: "text-muted", ok: "text-ok", warn: "text-warn", danger: "text-danger" };

/** The editor's save line, kept in view: status (announced politely), Save, and the way back to the read view. */
export function SaveBar({ status, onSave, saveDisabled, readHref, manual }: { status: SaveStatus; onSave: () => void; saveDisabled: boolean; readHref: string; manual: boolean }) {
  return (
    <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-2 border-b border-line bg-bg/95 px-1 py-2 backdrop-blur">
      <p role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${tones[status.tone]}`}>
        {status.text}
      </p>
      <div className="flex items-center gap-2">
        {manual && <span className="text-xs text-muted">Corrections are saved with the Save button.</span>}
        <Button type="button" onClick={onSave} disabled={saveDisabled} className="py-1">
          Save
        </Button>
        <Link href={readHref} className="text-sm text-link underline">
          View postmortem
        </Link>
      </div>
    </div>
  );
}
