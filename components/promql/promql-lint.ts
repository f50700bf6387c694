import { syntaxTree } from "@codemirror/language";
import type { Diagnostic } from "@codemirror/lint";
import type { EditorState } from "@codemirror/state";

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Why the query ends too early: the innermost unclosed bracket or string, if any (skips strings/comments). */
export function unclosedAt(text: string): { pos: number; message: string } | null {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "#") {
      i = text.indexOf("\n", i);
      if (i < 0) break;
    } else if (ch === '"' || ch === "'" || ch === "`") {
      const start = i++;
      while (i < text.length && text[i] !== ch) i += text[i] === "\\" && ch !== "`" ? 2 : 1;
      if (i >= text.length) return { pos: start, message: `unterminated string: missing closing ${ch}` };
    } else if (CLOSERS[ch]) open.push(i);
    else if (ch === ")" || ch === "]" || ch === "}") open.pop();
  }
  const pos = open.at(-1);
  return pos === undefined ? null : { pos, message: `missing closing "${CLOSERS[text[pos]]}"` };
}

/**
 * codemirror-promql deliberately ignores parse errors at the very end of the query (the user may be
 * typing), so `sum(rate(x[5m]` would pass; Keel flags it, so it is visibly invalid before save.
 */
export function trailingSyntaxError(state: EditorState): Diagnostic[] {
  const tree = syntaxTree(state);
  const top = tree.topNode;
  let hasExpr = false;
  for (let c = top.firstChild; c; c = c.nextSibling) if (!c.type.isError && c.name !== "LineComment") hasExpr = true;
  if (!hasExpr) return []; // empty or comment-only: "required" is the form's business
  let error: Diagnostic | null = null;
  tree.iterate({
    enter: (n) => {
      if (!n.type.isError || n.to !== top.to || n.node.parent?.name === "OffsetExpr") return;
      const open = unclosedAt(state.doc.toString());
      const node = n.from < n.to ? n.node : (n.node.parent ?? n.node);
      const message = open?.message ?? (n.from < n.to ? "unexpected expression" : "incomplete expression");
      error = { from: open?.pos ?? node.from, to: top.to, severity: "error", message };
      return false;
    },
  });
  return error ? [error] : [];
}

