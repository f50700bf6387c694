"use client";

import dynamic from "next/dynamic";
import { createContext, useContext, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { PromqlEditorProps } from "./promql-editor";

/**
 * The PromQL editor Keel pages use. CodeMirror loads on the client only; until it arrives (and in
 * the server HTML) a plain textarea with the same name, label and height stands in, so the form
 * works and nothing jumps. Text typed into it becomes the editor's initial value.
 */

type Fallback = {
  props: PromqlEditorProps;
  text: string;
  setText: (text: string) => void;
  setFocused: (focused: boolean) => void;
};

// next/dynamic's `loading` gets no props, but it renders inside our tree, so it reads them from here.
const FallbackContext = createContext<Fallback | null>(null);

function FallbackTextarea() {
  const ctx = useContext(FallbackContext);
  if (!ctx) return null;
  const { props, text, setText, setFocused } = ctx;
  const lines = Math.max(1, props.minLines ?? 1);
  return (
    <div data-testid="promql-editor-fallback">
      <textarea
        id={props.id}
        name={props.name}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange?.(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
          e.preventDefault();
          if (props.onSubmit) props.onSubmit(e.currentTarget.value);
          else e.currentTarget.form?.requestSubmit();
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        rows={lines}
        placeholder={props.placeholder}
        aria-label={props.ariaLabel}
        aria-describedby={props.ariaDescribedBy}
        aria-invalid={props.invalid || undefined}
        autoFocus={props.autoFocus}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        // Same box as the editor: 1px border, 0.5rem/0.75rem padding, 1.25rem lines, no resize.
        className={`${inputClass} block resize-none font-mono leading-5`}
      />
    </div>
  );
}

const PromqlEditor = dynamic(() => import("./promql-editor").then((m) => m.PromqlEditor), {
  ssr: false,
  loading: FallbackTextarea,
});

export function LazyPromqlEditor(props: PromqlEditorProps) {
  const [typed, setTyped] = useState(() => props.value ?? props.defaultValue ?? "");
  const [focused, setFocused] = useState(false);
  // Controlled: the parent's value wins. Uncontrolled: what was typed into the fallback.
  const text = props.value ?? typed;
  return (
    <FallbackContext.Provider value={{ props, text, setText: setTyped, setFocused }}>
      <PromqlEditor {...props} defaultValue={text} autoFocus={props.autoFocus || focused} />
    </FallbackContext.Provider>
  );
}

export default LazyPromqlEditor;
