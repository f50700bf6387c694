"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { BlamelessHints } from "../blameless-hints";

// react-markdown and its plugins load the first time someone previews, not with the editor.
const MarkdownPreview = dynamic(() => import("./markdown-preview"), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading the preview…</p>,
});

const tab = (on: boolean) => `rounded px-2 py-0.5 text-xs font-medium ${on ? "bg-raised text-fg" : "text-muted hover:text-fg"}`;

/** A Markdown text with Write/Preview, its hint, any errors, and blameless-language hints (advisory) below. */
export function MarkdownField({
  id,
  label,
  hint,
  value,
  onChange,
  errors,
  rows = 5,
  labelClass = "text-sm font-medium",
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  rows?: number;
  labelClass?: string;
}) {
  const [preview, setPreview] = useState(false);
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : "", `${id}-blameless`].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">
          <label htmlFor={id} className={`block ${labelClass}`}>
            {label}
          </label>
          {hint && (
            <p id={`${id}-hint`} className="text-xs text-muted">
              {hint}
            </p>
          )}
        </div>
        <div role="group" aria-label={`${label}: write or preview`} className="ml-auto flex gap-1 print:hidden">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)} className={tab(!preview)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)} className={tab(preview)}>
            Preview
          </button>
        </div>
      </div>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={rows}
        hidden={preview}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        className={`${inputClass} field-sizing-content min-h-20 font-mono text-[13px] leading-relaxed`}
      />
      {preview && (
        <div className="min-h-20 rounded-md border border-line p-3" data-testid={`${id}-preview`}>
          {value.trim() ? <MarkdownPreview source={value} /> : <p className="text-sm text-muted">Nothing to preview yet.</p>}
        </div>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
      <BlamelessHints text={value} id={`${id}-blameless`} />
    </div>
  );
}
