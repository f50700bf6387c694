"use client";

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { forEachDiagnostic, lintKeymap } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { PromQLExtension } from "@prometheus-io/codemirror-promql";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { promqlTheme } from "./promql-editor-theme";
import { trailingSyntaxError } from "./promql-lint";

export type PromqlEditorProps = {
  /** Set on the contenteditable (role="textbox"). Note `<label htmlFor>` cannot target it: use ariaLabel. */
  id?: string;
  /** Form field name: a hidden input with this name carries the query, for FormData / server actions. */
  name?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (query: string) => void;
  /** Ctrl/Cmd+Enter. Without it, Ctrl/Cmd+Enter submits the enclosing form, if any. */
  onSubmit?: (query: string) => void;
  /** Data source uuid or "default"; enables metric/label completion through Keel's proxy. */
  datasourceId?: string;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  minLines?: number;
  autoFocus?: boolean;
};

const LOOKBACK_MS = 12 * 60 * 60 * 1000;
const CACHE_MAX_AGE_MS = 5 * 60 * 1000;
const BACKOFF_MS = 30 * 1000;
/** Marks transactions that apply an external `value`, so they do not echo back through onChange. */
const external = Annotation.define<boolean>();

/** The PromQL language + lint + completion; remote completion only when a data source is given. */
function promqlExtension(datasourceId: string | undefined): PromQLExtension {
  const ext = new PromQLExtension();
  const semantic = ext.getLinter().promQL();
  ext.setLinter({
    promQL: () => async (view) => {
      const found = await semantic(view);
      return found.some((d) => d.severity === "error") ? found : [...found, ...trailingSyntaxError(view.state)];
    },
  });
  if (!datasourceId) return ext;
  let warned = false;
  let pausedUntil = 0; // after a failure (Prometheus down, signed out), stop asking on every keystroke
  const fetchFn = async (input: RequestInfo, init?: RequestInit) => {
    if (Date.now() < pausedUntil) throw new Error("paused after an earlier error");
    try {
      const res = await fetch(input, { ...init, credentials: "same-origin" });
      if (!res.ok && res.status !== 400 && res.status !== 422) pausedUntil = Date.now() + BACKOFF_MS;
      return res;
    } catch (error) {
      if (!(error instanceof Error && error.name === "AbortError")) pausedUntil = Date.now() + BACKOFF_MS;
      throw error;
    }
  };
  return ext.setComplete({
    remote: {
      // The client ignores an empty apiPrefix (falls back to /api/v1), so the whole path goes here.
      url: "",
      apiPrefix: `/api/v1/datasources/${encodeURIComponent(datasourceId)}`,
      httpMethod: "GET",
      fetchFn,
      lookbackInterval: LOOKBACK_MS,
      cache: { maxAge: CACHE_MAX_AGE_MS },
      httpErrorHandler: (error: unknown) => {
        if (warned || (error instanceof Error && error.name === "AbortError")) return;
        warned = true; // once per data source and editor, not on every keystroke
        console.warn(`PromQL autocompletion unavailable for data source ${datasourceId}:`, error);
      },
    },
  });
}

/** The smallest single change turning `from` into `to`, so an external update keeps the cursor. */
function minimalChange(from: string, to: string) {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  return { from: start, to: endFrom, insert: to.slice(start, endTo) };
}

export function PromqlEditor(props: PromqlEditorProps) {
  const { id, name, value, datasourceId, ariaLabel, ariaDescribedBy, invalid, placeholder, minLines = 1 } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const hiddenRef = useRef<HTMLInputElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef(props);
  const [compartments] = useState(() => ({ lang: new Compartment(), attrs: new Compartment(), ph: new Compartment() }));
  const [initialDoc] = useState(() => props.value ?? props.defaultValue ?? "");
  const [query, setQuery] = useState(initialDoc); // mirrored into the hidden input
  const [lintErrors, setLintErrors] = useState(false);
  const ariaInvalid = Boolean(invalid) || lintErrors;

  useEffect(() => {
    latest.current = props;
  });

  // Create the view once; everything that may change later goes through a compartment or `latest`.
  // Layout effects, so the first paint already has highlighting and the ARIA attributes.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const submit = (view: EditorView) => {
      const query = view.state.doc.toString();
      const onSubmit = latest.current.onSubmit;
      if (onSubmit) onSubmit(query);
      else host.closest("form")?.requestSubmit();
      return true;
    };
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initialDoc,
        extensions: [
          Prec.highest(keymap.of([{ key: "Mod-Enter", run: submit, preventDefault: true }])),
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion({ icons: false }),
          // No indentWithTab: Tab must move focus out of the editor.
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          EditorView.lineWrapping,
          compartments.lang.of([]),
          compartments.attrs.of([]),
          compartments.ph.of([]),
          promqlTheme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.startState.doc.eq(update.state.doc)) {
              const query = update.state.doc.toString();
              if (hiddenRef.current) hiddenRef.current.value = query; // at once, for an immediate submit
              setQuery(query);
              const fromOutside = update.transactions.some((tr) => tr.annotation(external));
              if (!fromOutside) latest.current.onChange?.(query);
            }
            let errors = false;
            forEachDiagnostic(update.state, (d) => (errors ||= d.severity === "error"));
            setLintErrors(errors);
          }),
        ],
      }),
    });
    viewRef.current = view;
    if (latest.current.autoFocus) {
      view.focus();
      view.dispatch({ selection: { anchor: view.state.doc.length } });
    }
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, [compartments, initialDoc]);

  // Language (and its remote client) per data source; the old client's requests are aborted.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const ext = promqlExtension(datasourceId);
    view.dispatch({ effects: compartments.lang.reconfigure(ext.asExtension()) });
    return () => ext.destroy();
  }, [compartments, datasourceId]);

  useLayoutEffect(() => {
    const attrs: Record<string, string> = {};
    if (id) attrs.id = id;
    if (ariaLabel) attrs["aria-label"] = ariaLabel;
    if (ariaDescribedBy) attrs["aria-describedby"] = ariaDescribedBy;
    if (ariaInvalid) attrs["aria-invalid"] = "true";
    viewRef.current?.dispatch({ effects: compartments.attrs.reconfigure(EditorView.contentAttributes.of(attrs)) });
  }, [compartments, id, ariaLabel, ariaDescribedBy, ariaInvalid]);

  useLayoutEffect(() => {
    const ext = placeholder ? placeholderExt(placeholder) : [];
    viewRef.current?.dispatch({ effects: compartments.ph.reconfigure(ext) });
  }, [compartments, placeholder]);

  // Controlled mode: apply an external value only when it differs from the document.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || value === undefined) return;
    const current = view.state.doc.toString();
    if (value === current) return;
    view.dispatch({ changes: minimalChange(current, value), annotations: external.of(true) });
  }, [value]);

  return (
    <div
      data-testid="promql-editor"
      data-lint-errors={lintErrors ? "true" : undefined}
      style={{ ["--promql-min-lines" as string]: String(minLines) }}
      className={`w-full rounded-md border bg-surface text-sm text-fg focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-link ${
        ariaInvalid ? "border-danger" : "border-line"
      }`}
    >
      <div ref={hostRef} />
      {name ? <input ref={hiddenRef} type="hidden" name={name} value={query} /> : null}
    </div>
  );
}

export default PromqlEditor;
