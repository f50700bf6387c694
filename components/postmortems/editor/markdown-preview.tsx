"use client";

import { MarkdownView } from "../markdown-view";

/** The editor's preview: the same sanitized renderer as the read view, loaded only when asked for. */
export default function MarkdownPreview({ source }: { source: string }) {
  return <MarkdownView source={source} />;
}
