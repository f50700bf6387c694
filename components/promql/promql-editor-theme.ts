import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { Extension } from "@codemirror/state";

/**
 * CodeMirror theme for the PromQL editor. Colours come from Keel's CSS variables (app/globals.css),
 * which already switch with the `dark`/`system` class on <html>, so one theme serves both. Syntax
 * colours use `light-dark()`, which follows the `color-scheme` that globals.css sets per theme.
 *
 * Line height (1.25rem) and padding (0.5rem 0.75rem) match `inputClass` with `text-sm`, so the
 * textarea fallback in lazy-promql-editor.tsx has the same height. `--promql-min-lines` is set on
 * the wrapper by the component.
 */
export const LINE_HEIGHT_REM = 1.25;

// `&.cm-editor` doubles the scope class so this outranks CodeMirror's `&light`/`&dark` base rules.
const selectedOption = "&.cm-editor .cm-tooltip-autocomplete ul li[aria-selected]";

const editorTheme = EditorView.theme({
  "&": {
    color: "var(--fg)",
    backgroundColor: "transparent",
    fontSize: "0.875rem",
  },
  // The wrapper draws Keel's focus ring (focus-within), like the other inputs.
  "&.cm-focused": { outline: "none" },
  ".cm-content:focus-visible": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)",
    lineHeight: `${LINE_HEIGHT_REM}rem`,
  },
  ".cm-content": {
    padding: "0.5rem 0",
    minHeight: `calc(var(--promql-min-lines, 1) * ${LINE_HEIGHT_REM}rem + 1rem)`,
    caretColor: "var(--fg)",
  },
  ".cm-line": { padding: "0 0.75rem" },
  ".cm-placeholder": { color: "var(--muted)" },
  // Native selection and caret (no drawSelection), tinted with Keel's link colour.
  ".cm-content ::selection": { backgroundColor: "color-mix(in srgb, var(--link) 30%, transparent)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--link) 18%, transparent)",
    outline: "1px solid color-mix(in srgb, var(--link) 45%, transparent)",
  },
  ".cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket": { color: "var(--danger)" },

  // Tooltips (autocomplete, completion info, lint) live inside .cm-editor, so the variables apply.
  "&.cm-editor .cm-tooltip": {
    backgroundColor: "var(--raised)",
    color: "var(--fg)",
    border: "1px solid var(--line)",
    borderRadius: "0.375rem",
    boxShadow: "0 4px 12px rgb(0 0 0 / 0.15)",
    fontSize: "0.8125rem",
  },
  ".cm-tooltip-autocomplete > ul": {
    fontFamily: "var(--font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)",
    maxHeight: "16rem",
  },
  ".cm-tooltip-autocomplete > ul > li": { padding: "0.125rem 0.5rem" },
  [selectedOption]: { backgroundColor: "var(--accent)", color: "var(--accent-fg)" },
  [`${selectedOption} .cm-completionDetail`]: { color: "var(--accent-fg)" },
  ".cm-completionDetail": { color: "var(--muted)", fontStyle: "normal", marginLeft: "0.75rem" },
  ".cm-completionMatchedText": { textDecoration: "none", fontWeight: "600" },
  ".cm-completionIcon": { opacity: "0.7" },
  ".cm-tooltip.cm-completionInfo": { maxWidth: "24rem", padding: "0.375rem 0.5rem" },
  ".cm-diagnostic": { padding: "0.25rem 0.5rem" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--danger)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid var(--warn)" },
  ".cm-diagnostic-info, .cm-diagnostic-hint": { borderLeft: "4px solid var(--link)" },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--danger)",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-warning": { backgroundImage: "none", textDecoration: "underline wavy var(--warn)" },
  ".cm-panels": { backgroundColor: "var(--raised)", color: "var(--fg)", borderColor: "var(--line)" },
  ".cm-panel.cm-panel-lint ul [aria-selected]": { backgroundColor: "var(--accent)", color: "var(--accent-fg)" },
});

// Light values are for #ffffff (--surface), dark ones for #111a2b; all ≥ 4.5:1 contrast.
const c = (light: string, dark: string) => `light-dark(${light}, ${dark})`;

const highlight = HighlightStyle.define([
  { tag: tags.function(tags.variableName), color: c("#1d4ed8", "#93c5fd") },
  { tag: tags.operatorKeyword, color: c("#7e22ce", "#d8b4fe"), fontWeight: "600" },
  { tag: [tags.modifier, tags.logicOperator], color: c("#a21caf", "#f0abfc") },
  { tag: tags.labelName, color: c("#9a3412", "#fdba74") },
  { tag: tags.string, color: c("#15803d", "#86efac") },
  { tag: tags.number, color: c("#0e7490", "#67e8f9") },
  { tag: [tags.operator, tags.arithmeticOperator], color: c("#475569", "#a3b1c6") },
  { tag: tags.variableName, color: "var(--fg)" },
  { tag: tags.comment, color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.invalid, color: "var(--danger)" },
]);

export const promqlTheme: Extension = [editorTheme, syntaxHighlighting(highlight)];
