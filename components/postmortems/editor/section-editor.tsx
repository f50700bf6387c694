"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import type { EditorState } from "@/lib/postmortems/editor-state";
import { MarkdownField } from "./markdown-field";
import { ImpactFields } from "./impact-fields";
import { TimelineEditor } from "./timeline-editor";
import { FiveWhysEditor } from "./five-whys-editor";
import { LinksEditor } from "./links-editor";
import type { Change, EditorSection, Errors, Option } from "./types";

export type SectionComment = { id: number; author: string; body: string };

type TimelineControls = { onAdd: () => void; onResync: () => void; resyncing: boolean; resyncDisabled: boolean; resyncNote: string };

/** Notes under a structured section: folded away until someone writes some. */
function Notes({ section, draft, change, errors, label = "Notes" }: { section: EditorSection; draft: EditorState; change: Change; errors: Errors; label?: string }) {
  const value = draft.sections[section.key] ?? "";
  return (
    <details open={value !== "" || undefined} className="text-sm">
      <summary className="cursor-pointer text-xs text-link">{label} (optional)</summary>
      <div className="mt-2">
        <MarkdownField id={`sec-${section.key}`} label={`${section.heading}: ${label.toLowerCase()}`} labelClass="sr-only" value={value} onChange={(v) => change({ type: "section", key: section.key, value: v })} errors={errors[`sections.${section.key}`]} rows={3} />
      </div>
    </details>
  );
}

/** One template section in the editor, by kind. */
export function SectionEditor({
  section,
  draft,
  change,
  errors,
  comments,
  rowKinds,
  maxWhys,
  actionItems,
  timeline,
  readHref,
}: {
  section: EditorSection;
  draft: EditorState;
  change: Change;
  errors: Errors;
  comments: SectionComment[];
  rowKinds: Option[];
  maxWhys: number;
  actionItems: ReactNode;
  timeline: TimelineControls;
  readHref: string;
}) {
  const text = (key: string) => draft.sections[key] ?? "";
  const setText = (key: string) => (value: string) => change({ type: "section", key, value });
  const plainMarkdown = section.kind === "markdown" && !section.parts?.length;
  let body: ReactNode;
  switch (section.kind) {
    case "markdown":
      body = section.parts?.length ? (
        <div className="space-y-4">
          {section.parts.map((p) => {
            const key = `${section.key}.${p.key}`;
            return <MarkdownField key={p.key} id={`sec-${section.key}-${p.key}`} label={p.heading} hint={p.hint} value={text(key)} onChange={setText(key)} errors={errors[`sections.${key}`]} rows={3} />;
          })}
        </div>
      ) : (
        <MarkdownField id={`sec-${section.key}`} label={section.heading} labelClass="sr-only" hint={section.hint} value={text(section.key)} onChange={setText(section.key)} errors={errors[`sections.${section.key}`]} />
      );
      break;
    case "impact":
      body = (
        <div className="space-y-3">
          <ImpactFields impact={draft.impact} change={change} errors={errors} />
          <MarkdownField id={`sec-${section.key}`} label="Context" value={text(section.key)} onChange={setText(section.key)} errors={errors[`sections.${section.key}`]} rows={3} />
        </div>
      );
      break;
    case "slo_impact":
      body = (
        <div className="space-y-2">
          <p className="text-sm text-muted">
            Keel computes this from the affected services’ SLOs; nobody types it. See and refresh it on the{" "}
            <Link href={`${readHref}#section-${section.key}`} className="text-link underline">
              postmortem page
            </Link>
            .
          </p>
          <Notes section={section} draft={draft} change={change} errors={errors} />
        </div>
      );
      break;
    case "timeline":
      body = (
        <div className="space-y-2">
          <TimelineEditor
            rows={draft.timeline}
            dismissed={draft.timelineDismissed.length}
            kinds={rowKinds}
            change={change}
            errors={errors}
            onAdd={timeline.onAdd}
            onResync={timeline.onResync}
            resyncing={timeline.resyncing}
            resyncDisabled={timeline.resyncDisabled}
            resyncMessage={timeline.resyncNote}
          />
          <Notes section={section} draft={draft} change={change} errors={errors} />
        </div>
      );
      break;
    case "five_whys":
      body = (
        <div className="space-y-2">
          <FiveWhysEditor whys={draft.whys} rootCause={draft.rootCause} change={change} errors={errors} maxWhys={maxWhys} />
          <Notes section={section} draft={draft} change={change} errors={errors} />
        </div>
      );
      break;
    case "action_items":
      body = (
        <div className="space-y-2">
          {actionItems}
          <Notes section={section} draft={draft} change={change} errors={errors} />
        </div>
      );
      break;
    case "links":
      body = (
        <div className="space-y-2">
          <LinksEditor links={draft.links} change={change} errors={errors} />
          <Notes section={section} draft={draft} change={change} errors={errors} />
        </div>
      );
      break;
  }
  return (
    <section aria-labelledby={`eh-${section.key}`} className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <header>
        <h2 id={`eh-${section.key}`} className="text-base font-semibold">
          {section.heading}
        </h2>
        {!plainMarkdown && section.hint && <p className="text-xs text-muted">{section.hint}</p>}
      </header>
      {comments.length > 0 && (
        <ul className="space-y-1" aria-label={`Open review comments on ${section.heading}`}>
          {comments.map((c) => (
            <li key={c.id} className="rounded-md border-l-2 border-link bg-raised px-3 py-1.5 text-sm">
              <span className="text-xs text-muted">{c.author}:</span> <span className="whitespace-pre-wrap">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      {body}
    </section>
  );
}
