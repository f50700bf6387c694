"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useReducer, useState, useTransition, type ReactNode } from "react";
import { TextArea, TextField } from "@/components/ui/field";
import { hasUnsaved, saveStatus } from "@/lib/postmortems/autosave";
import { buildDocument, draftFrom, editorErrorKey, editorReducer, nextRowTime, type EditorState } from "@/lib/postmortems/editor-state";
import type { PostmortemDocument } from "@/lib/postmortems/document";
import type { ExportContext } from "@/lib/postmortems/markdown-export";
import type { PostmortemTemplate } from "@/lib/postmortems/template";
import { resyncPostmortemAction } from "@/lib/postmortems/actions";
import { useAutosave, type SavePayload } from "./use-autosave";
import { useLeaveGuard } from "./use-leave-guard";
import { SaveBar } from "./save-bar";
import { ConflictBanner } from "./conflict-banner";
import { editorJson, editorMarkdown } from "./copy-text";
import { SectionEditor, type SectionComment } from "./section-editor";
import type { EditorSection, Errors, Option } from "./types";

export type PostmortemEditorProps = {
  id: string;
  /** The stored document and its version: the editor starts from them, and loads them again only when asked. */
  version: number;
  document: PostmortemDocument;
  tags: string[];
  /** A published postmortem corrected by an admin: every save carries a reason, and saves are manual. */
  needsReason: boolean;
  sections: EditorSection[];
  template: PostmortemTemplate;
  exportContext: ExportContext;
  rowKinds: Option[];
  maxWhys: number;
  incidentStart: string;
  comments: Record<string, SectionComment[]>;
  /** The action items table and add form, drawn on the server. */
  actionItems: ReactNode;
  readHref: string;
};

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function newRowId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? `row-${crypto.randomUUID()}` : `row-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Server field errors moved to the editor's rows (blank links are not sent, so indexes differ). */
function errorsFor(fieldErrors: Errors | undefined, state: EditorState): Errors {
  const out: Errors = {};
  for (const [k, v] of Object.entries(fieldErrors ?? {})) (out[editorErrorKey(k, state)] ??= []).push(...v);
  return out;
}

/**
 * The postmortem editor. Everything typed lives here and is saved in the background (about two
 * seconds after the last change, when a field is left, or with Save), each save carrying the
 * version it was based on. A refused save never touches the text; a conflict stops autosave and
 * offers to copy the text and load the saved version.
 */
export function PostmortemEditor(props: PostmortemEditorProps) {
  const { id, document, tags, version, needsReason, sections } = props;
  const [draft, dispatch] = useReducer(editorReducer, null, () => draftFrom(document, tags));
  const [reason, setReason] = useState("");

  const payload = (): SavePayload => {
    if (needsReason && !reason.trim()) {
      return { ok: false, problem: { message: "Not saved yet: give the reason for this change; it is recorded with the correction.", fieldErrors: { reason: ["Say why you are changing a published postmortem."] } } };
    }
    const built = buildDocument(draft);
    if (!built.ok) return { ok: false, problem: { message: built.message, fieldErrors: built.fieldErrors } };
    return { ok: true, document: built.document, tags: built.tags, ...(needsReason ? { reason: reason.trim() } : {}) };
  };
  const autosave = useAutosave({ id, version, payload, manual: needsReason });
  const { edited, flush, loaded } = autosave;
  const s = autosave.state;

  const change = useCallback(
    (a: Parameters<typeof dispatch>[0]) => {
      dispatch(a);
      edited();
    },
    [edited],
  );

  // Loading the stored version (after a re-sync, or when the author discards their edits): refresh
  // the page's data; once the refresh is done, take the document it brought (adjusted during
  // render, as React recommends for state derived from new props).
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [loadNote, setLoadNote] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const loadSaved = useCallback(
    (note: string) => {
      setNotice("");
      setLoadNote(note);
      startRefresh(() => router.refresh());
    },
    [router],
  );
  if (loadNote !== null && !refreshing) {
    dispatch({ type: "replace", state: draftFrom(document, tags) });
    loaded(version);
    setNotice(loadNote);
    setLoadNote(null);
  }

  // Re-sync: save what is typed first, then pull new incident entries, then load the result.
  const [resyncing, setResyncing] = useState(false);
  const [resyncNote, setResyncNote] = useState("");
  const { settle } = autosave;
  const onResync = async () => {
    setResyncing(true);
    setResyncNote("Saving your text first…");
    try {
      const saved = await settle();
      if (saved.conflict || hasUnsaved(saved)) {
        setResyncNote("Nothing was re-synced: your text is not saved yet (see the message at the top).");
        return;
      }
      const r = await resyncPostmortemAction(id, saved.version);
      if (!r.ok) {
        setResyncNote(r.message);
        return;
      }
      const parts = [`${r.added} new row${r.added === 1 ? "" : "s"}`, r.updated ? `${r.updated} updated` : "", r.keptEdited ? `${r.keptEdited} of your edited rows kept` : "", r.skipped ? `${r.skipped} left out (row limit)` : ""].filter(Boolean);
      setResyncNote(`Re-synced from the incident: ${parts.join(", ")}.`);
      loadSaved("Loaded the re-synced timeline.");
    } catch {
      setResyncNote("Keel could not be reached; nothing was re-synced.");
    } finally {
      setResyncing(false);
    }
  };

  const unsaved = hasUnsaved(s) || s.conflict;
  useLeaveGuard(unsaved);

  const errors = useMemo(() => errorsFor(s.problem?.fieldErrors, draft), [s.problem, draft]);
  const status = saveStatus(s, clock);
  const busy = refreshing || loadNote !== null || resyncing;

  return (
    <div className="space-y-4" onBlur={needsReason ? undefined : flush}>
      <SaveBar status={status} onSave={flush} saveDisabled={s.conflict || busy} readHref={props.readHref} manual={needsReason} />
      {s.conflict && s.problem && (
        <ConflictBanner
          message={s.problem.message}
          markdown={() => editorMarkdown(draft, props.template, props.exportContext)}
          json={() => editorJson(draft)}
          onReload={() => loadSaved("Loaded the saved version; your unsaved changes were discarded.")}
        />
      )}
      {notice && (
        <p role="status" className="text-sm text-ok">
          {notice}
        </p>
      )}
      <div className="space-y-4" inert={busy || undefined} aria-busy={busy || undefined}>
        <section aria-label="Title and tags" className="grid gap-3 rounded-lg border border-line bg-surface p-4 md:grid-cols-3">
          <div className="md:col-span-2">
            <TextField id="pm-title" name="title" label="Title" value={draft.title} maxLength={200} onChange={(e) => change({ type: "title", value: e.target.value })} errors={errors.title} />
          </div>
          <TextField id="pm-tags" name="tags" label="Tags" hint="Words separated by commas, e.g. database, capacity." value={draft.tags} onChange={(e) => change({ type: "tags", value: e.target.value })} errors={errors.tags} />
          {needsReason && (
            <div className="md:col-span-3">
              <TextArea
                id="pm-reason"
                name="reason"
                label="Reason for this change"
                hint="This postmortem is published: your correction is recorded with this reason."
                required
                rows={2}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  edited();
                }}
                errors={errors.reason}
              />
            </div>
          )}
        </section>
        {sections.map((section) => (
          <SectionEditor
            key={section.key}
            section={section}
            draft={draft}
            change={change}
            errors={errors}
            comments={props.comments[section.key] ?? []}
            rowKinds={props.rowKinds}
            maxWhys={props.maxWhys}
            actionItems={props.actionItems}
            readHref={props.readHref}
            timeline={{
              onAdd: () => change({ type: "row.add", id: newRowId(), at: nextRowTime(draft.timeline, props.incidentStart) }),
              onResync: () => void onResync(),
              resyncing,
              resyncDisabled: s.conflict || needsReason,
              resyncNote,
            }}
          />
        ))}
      </div>
    </div>
  );
}
