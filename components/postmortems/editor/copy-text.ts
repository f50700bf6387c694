import { buildDocument, type EditorState } from "@/lib/postmortems/editor-state";
import type { ExportContext } from "@/lib/postmortems/markdown-export";
import type { PostmortemTemplate } from "@/lib/postmortems/template";

/** The author's whole text as JSON: the document a save would send, or the editor's state when it cannot be built. */
export function editorJson(state: EditorState): string {
  const built = buildDocument(state);
  return JSON.stringify(built.ok ? { tags: built.tags, document: built.document } : { draft: state }, null, 2);
}

/** The author's whole text as the Markdown export would write it (the exporter loads only when asked). */
export async function editorMarkdown(state: EditorState, template: PostmortemTemplate, ctx: ExportContext): Promise<string> {
  const built = buildDocument(state);
  if (!built.ok) return editorJson(state);
  const { postmortemMarkdown } = await import("@/lib/postmortems/markdown-export");
  return postmortemMarkdown(built.document, template, ctx);
}

/** Copies to the clipboard; false when the browser refuses (no permission, not a secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
